import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { adviseOnSituation } from '../../../domain/decisions/advise-on-situation.ts';
import type { DecisionRecord } from '../../../domain/decisions/decision-store.ts';
import {
  disclosureStates,
  findDecisionsAboutChild,
  getDecision,
} from '../../../domain/decisions/find-decisions.ts';
import {
  recordDecision,
  reopenDecision,
  type RecordedDecision,
} from '../../../domain/decisions/record-decision.ts';
import { fieldGroupDefinitions } from '../../../domain/policy/field-groups.ts';
import { purposeDefinitions } from '../../../domain/policy/purposes.ts';
import { describeDecision } from '../../../domain/view/describe-decision.ts';
import {
  AnswerView,
  DecisionIdParams,
  DecisionRecordBody,
  DecisionRecordView,
  IdempotencyHeaders,
  PersonDecisionsQuery,
  PersonDecisionsResponse,
  PersonDisclosuresResponse,
  RecordedDecisionView,
  ReopenDecisionBody,
  SituationBody,
} from '../contracts/decisions.ts';
import { PersonParams } from '../contracts/view.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Decisions to share'];

const conflict = {
  409: {
    description: 'The decision was already corrected: correct its latest version',
    content: commonErrors[400].content,
  },
} as const;

/**
 * The guidance engine (records nothing), and decision records: recording, correcting and
 * reopening a decision, reading one, a child's decisions and "who has this child's information
 * been shared with". Each use case authorises, acts and audits in one transaction.
 */
export function decisionRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/decisions/evaluate',
      tags,
      summary: 'What the information sharing guidance advises for a situation (records nothing)',
      request: { body: jsonBody(SituationBody) },
      responses: {
        200: jsonResponse(AnswerView, 'The guidance’s answer with the path taken'),
        ...commonErrors,
      },
    }),
    (c) => {
      const session = requireSession(c);
      return c.json(adviseOnSituation(session.partnership.id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/decisions',
      tags,
      summary:
        'Record a decision to share or not to share (a share discloses the chosen groups until an expiry)',
      request: { headers: IdempotencyHeaders, body: jsonBody(DecisionRecordBody) },
      responses: {
        201: jsonResponse(RecordedDecisionView, 'Recorded, with the disclosure it made'),
        200: jsonResponse(
          RecordedDecisionView,
          'The same Idempotency-Key again: the first record, nothing written',
        ),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) => {
      const recorded = await recordDecision(deps, requireSession(c).actor, c.req.valid('json'), {
        idempotencyKey: c.req.valid('header')['idempotency-key'],
      });
      return c.json(recordedView(recorded), recorded.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/decisions/{id}/reopen',
      tags,
      summary: 'Reopen a decision not to share on new information: a new version with the decision now made',
      request: { params: DecisionIdParams, headers: IdempotencyHeaders, body: jsonBody(ReopenDecisionBody) },
      responses: {
        201: jsonResponse(RecordedDecisionView, 'Reopened as a new version'),
        200: jsonResponse(
          RecordedDecisionView,
          'The same Idempotency-Key again: the first record, nothing written',
        ),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) => {
      const recorded = await reopenDecision(
        deps,
        requireSession(c).actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        {
          idempotencyKey: c.req.valid('header')['idempotency-key'],
        },
      );
      return c.json(recordedView(recorded), recorded.created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/decisions/{id}',
      tags,
      summary: 'One decision record, for the organisation that made it or received it',
      request: { params: DecisionIdParams },
      responses: { 200: jsonResponse(DecisionRecordView, 'The decision record'), ...commonErrors },
    }),
    async (c) => {
      const record = await getDecision(deps, requireSession(c).actor, c.req.valid('param').id);
      return c.json(decisionView(record), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{personId}/decisions',
      tags,
      summary: 'Decisions about a child that your organisation made or received, every version, oldest first',
      request: { params: PersonParams, query: PersonDecisionsQuery },
      responses: { 200: jsonResponse(PersonDecisionsResponse, 'The decisions'), ...commonErrors },
    }),
    async (c) => {
      const { personId } = c.req.valid('param');
      const decisions = await findDecisionsAboutChild(deps, requireSession(c).actor, {
        personId,
        purpose: c.req.valid('query').purpose,
      });
      return c.json({ personId, decisions: decisions.map(decisionView) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{personId}/disclosures',
      tags,
      summary:
        'Who has this child’s information been shared with: the disclosures your organisation made or received',
      request: { params: PersonParams },
      responses: {
        200: jsonResponse(PersonDisclosuresResponse, 'Each disclosure and whether it is live'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const actor = requireSession(c).actor;
      const { personId } = c.req.valid('param');
      // One entry per disclosure grant, as its latest decision version describes it (a
      // correction that changed nothing keeps the grant; one that changed the share ended it).
      const byGrant = new Map<string, DecisionRecord>();
      const decisions = await findDecisionsAboutChild(deps, actor, { personId, view: 'disclosures' });
      for (const d of decisions) if (d.decision === 'share' && d.grantId) byGrant.set(d.grantId, d);
      const states = await disclosureStates(
        deps.db,
        actor.partnershipId,
        [...byGrant.keys()],
        deps.clock.now(),
      );
      const notShared = decisions.filter((d) => d.decision === 'not_share' && d.supersededById === null);
      return c.json(
        {
          personId,
          disclosures: [...byGrant.values()].map((d) =>
            disclosureView(d, states.get(d.grantId!) ?? 'revoked'),
          ),
          notShared: notShared.map((d) => ({
            decisionId: d.id,
            version: d.version,
            organisationId: d.organisationId,
            organisationName: d.organisationName,
            recipientOrganisationId: d.recipientOrganisationId,
            recipientOrganisationName: d.recipientOrganisationName,
            purpose: d.purpose,
            purposeLabel: purposeDefinitions[d.purpose].label,
            decidedAt: d.sharedAt.toISOString(),
            summary: describeDecision(d),
          })),
        },
        200,
      );
    },
  );
}

function recordedView({ record }: RecordedDecision): z.infer<typeof RecordedDecisionView> {
  return {
    id: record.id,
    version: record.version,
    kind: record.kind,
    previousId: record.previousId,
    decision: record.decision,
    recommendation: record.recommendation as z.infer<typeof RecordedDecisionView>['recommendation'],
    disclosure: disclosureOf(record),
    outsideAgreements: record.outsideAgreements,
  };
}

const disclosureOf = (d: DecisionRecord) =>
  d.grantId && d.disclosureExpiresAt
    ? { grantId: d.grantId, expiresAt: d.disclosureExpiresAt.toISOString() }
    : null;

function decisionView(d: DecisionRecord): z.infer<typeof DecisionRecordView> {
  return {
    id: d.id,
    version: d.version,
    kind: d.kind,
    previousId: d.previousId,
    firstId: d.firstId,
    supersededById: d.supersededById,
    personId: d.personId,
    purpose: d.purpose,
    purposeLabel: purposeDefinitions[d.purpose].label,
    decision: d.decision,
    organisationId: d.organisationId,
    organisationName: d.organisationName,
    decidedByUserId: d.decidedByUserId,
    decidedByName: d.decidedByName,
    recipientOrganisationId: d.recipientOrganisationId,
    recipientOrganisationName: d.recipientOrganisationName,
    fieldGroups: d.fieldGroups.map((g) => ({ ...g, label: fieldGroupDefinitions[g.group].label })),
    lawfulBasis: [...d.lawfulBasis],
    method: d.method,
    sharedAt: d.sharedAt.toISOString(),
    reasons: d.reasons,
    familyTold: d.familyTold,
    familyNotToldReason: d.familyNotToldReason,
    advisedBy: d.advisedBy,
    recommendation: d.recommendation,
    recommendationEdition: d.recommendationEdition,
    followedRecommendation: d.followedRecommendation,
    departureReason: d.departureReason,
    disclosure: disclosureOf(d),
    outsideAgreements: d.outsideAgreements,
    requestId: d.requestId,
    newInformation: d.newInformation,
    recordedAt: d.recordedAt.toISOString(),
    summary: describeDecision(d),
  };
}

function disclosureView(
  d: DecisionRecord,
  state: 'live' | 'expired' | 'revoked',
): z.infer<typeof PersonDisclosuresResponse>['disclosures'][number] {
  return {
    decisionId: d.id,
    version: d.version,
    organisationId: d.organisationId,
    organisationName: d.organisationName,
    recipientOrganisationId: d.recipientOrganisationId!,
    recipientOrganisationName: d.recipientOrganisationName,
    purpose: d.purpose,
    purposeLabel: purposeDefinitions[d.purpose].label,
    fieldGroups: d.fieldGroups.map((g) => ({ group: g.group, label: fieldGroupDefinitions[g.group].label })),
    lawfulBasis: [...d.lawfulBasis],
    sharedAt: d.sharedAt.toISOString(),
    expiresAt: d.disclosureExpiresAt?.toISOString() ?? null,
    state,
    outsideAgreements: d.outsideAgreements,
    decidedByName: d.decidedByName,
    summary: describeDecision(d),
  };
}
