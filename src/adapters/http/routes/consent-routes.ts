import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { inForceAt, type Consent } from '../../../domain/consent/consent-store.ts';
import { findConsents } from '../../../domain/consent/find-consents.ts';
import { recordConsent } from '../../../domain/consent/record-consent.ts';
import { withdrawConsent } from '../../../domain/consent/withdraw-consent.ts';
import {
  ConsentListResponse,
  ConsentParams,
  PersonConsentParams,
  RecordConsentRequest,
  RecordedConsentResponse,
  WithdrawConsentRequest,
  WithdrawnConsentResponse,
} from '../contracts/consent.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

/** A child's consents to share, as the organisation that sought them holds them (domain/consent). */
export function consentRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/persons/{personId}/consents',
      tags: ['Consent'],
      summary:
        "Record a consent to share your organisation's records about a child: who gave it, its scope, evidence and expiry (practitioners, DSLs, front door officers, team managers)",
      request: { params: PersonConsentParams, body: jsonBody(RecordConsentRequest) },
      responses: {
        201: jsonResponse(
          RecordedConsentResponse,
          'Recorded; `warnings` says if consent is not the basis for sharing',
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const recorded = await recordConsent(deps, requireSession(c).actor, {
        ...body,
        personId: c.req.valid('param').personId,
        competence: body.competence && {
          ...body.competence,
          assessedAt:
            body.competence.assessedAt === undefined ? undefined : new Date(body.competence.assessedAt),
        },
        givenAt: new Date(body.givenAt),
        expiresAt: new Date(body.expiresAt),
      });
      return c.json(
        { consent: consentView(recorded.consent, deps.clock.now()), warnings: [...recorded.warnings] },
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{personId}/consents',
      tags: ['Consent'],
      summary: 'The consents your organisation recorded for a child, newest first',
      request: { params: PersonConsentParams },
      responses: { 200: jsonResponse(ConsentListResponse, 'The consents'), ...commonErrors },
    }),
    async (c) => {
      const consents = await findConsents(deps, requireSession(c).actor, c.req.valid('param').personId);
      const now = deps.clock.now();
      return c.json({ consents: consents.map((x) => consentView(x, now)) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/consents/{consentId}/withdrawal',
      tags: ['Consent'],
      summary:
        'Record that a consent was withdrawn: sharing that rests on it stops at once, and organisations that received information on it are told',
      request: { params: ConsentParams, body: jsonBody(WithdrawConsentRequest) },
      responses: { 200: jsonResponse(WithdrawnConsentResponse, 'Withdrawn'), ...commonErrors },
    }),
    async (c) => {
      const withdrawn = await withdrawConsent(deps, requireSession(c).actor, {
        ...c.req.valid('json'),
        consentId: c.req.valid('param').consentId,
      });
      return c.json(
        {
          consent: consentView(withdrawn.consent, deps.clock.now()),
          notifiedOrganisationIds: [...withdrawn.notifiedOrganisationIds],
        },
        200,
      );
    },
  );
}

function consentView(x: Consent, now: Date) {
  return {
    id: x.id,
    holderOrganisationId: x.holderOrganisationId,
    givenBy: x.givenBy,
    competence: x.competence && { ...x.competence, assessedAt: x.competence.assessedAt.toISOString() },
    giver: x.giver,
    organisationIds: [...x.organisationIds],
    purposes: [...x.purposes],
    fieldGroups: [...x.fieldGroups],
    evidence: x.evidence,
    lawfulBasis: x.lawfulBasis,
    givenAt: x.givenAt.toISOString(),
    expiresAt: x.expiresAt.toISOString(),
    recordedAt: x.recordedAt.toISOString(),
    inForce: inForceAt(x, now),
    withdrawal: x.withdrawal && { ...x.withdrawal, at: x.withdrawal.at.toISOString() },
  };
}
