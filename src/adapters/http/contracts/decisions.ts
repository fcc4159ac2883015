import { z } from '@hono/zod-openapi';
import { adviceCodes, outcomes, tellFamilyAnswers, urgencies } from '../../../domain/decisions/answer.ts';
import { editions, requesterOrgTypes, SituationSchema } from '../../../domain/decisions/situation.ts';
import { purposes } from '../../../domain/policy/purposes.ts';

/** The situation is the domain's own strict schema: the engine and the edge agree by construction. */
export const SituationBody = SituationSchema;

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const Deadline = z.union([
  z.object({ hours: z.number() }),
  z.object({ workingDays: z.number() }),
  z.object({ schoolDays: z.number() }),
  z.object({ months: z.number() }),
]);

export const AnswerView = z
  .object({
    edition: z.enum(editions),
    outcome: z.enum(outcomes),
    urgency: z.enum(urgencies),
    deadline: Deadline.nullable(),
    tellFamily: z.object({ answer: z.enum(tellFamilyAnswers), reason: z.string() }),
    lawfulBasis: list(z.string()).openapi({ description: 'Gateway ids from the legal gateway catalogue' }),
    recipients: list(z.enum(requesterOrgTypes)),
    advice: list(z.enum(adviceCodes)),
    partnerChecks: list(z.enum(requesterOrgTypes)),
    escalate: z.boolean(),
    notifyLeadPractitioner: z.boolean(),
    wholeFile: z.boolean(),
    receiptRequired: z.boolean(),
    recordReasons: list(z.string()),
    mustRecord: list(z.string()),
    never: list(z.string()),
    warnings: list(z.string()),
    steps: list(z.object({ rule: z.string(), citation: z.string(), note: z.string() })),
    deadlineHint: z.string().nullable(),
  })
  .openapi('DecisionAnswer');

// ---------------------------------------------------------------------------------------------
// Decision records (issue 16 point 3). The body is the domain's own strict schema, so the edge
// and the use case agree by construction; the use case checks the cross-field rules again.

export {
  DecisionRecordSchema as DecisionRecordBody,
  ReopenDecisionSchema as ReopenDecisionBody,
} from '../../../domain/decisions/decision-input.ts';

export const DecisionIdParams = z.object({
  id: z
    .guid({ error: 'Enter a valid decision id' })
    .openapi({ param: { name: 'id', in: 'path' }, example: '7d1c2a9e-1b4e-4c71-8a55-0d2e7b9c1a01' }),
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1, { error: 'Give an Idempotency-Key of 1 to 200 characters' })
    .max(200, { error: 'Give an Idempotency-Key of 1 to 200 characters' })
    .optional()
    .openapi({
      description: 'A second submission with the same key by the same user returns the first record',
    }),
});

export const RecordedDecisionView = z
  .object({
    id: z.string(),
    version: z.number(),
    kind: z.enum(['original', 'correction', 'reopening']),
    previousId: z.string().nullable(),
    decision: z.enum(['share', 'not_share']),
    recommendation: z.enum(outcomes).nullable(),
    disclosure: z.object({ grantId: z.string(), expiresAt: z.string() }).nullable(),
    outsideAgreements: z.boolean(),
  })
  .openapi('RecordedDecision');

const FieldGroupChoiceView = z.object({ group: z.string(), label: z.string(), justification: z.string() });

export const DecisionRecordView = z
  .object({
    id: z.string(),
    version: z.number(),
    kind: z.enum(['original', 'correction', 'reopening']),
    previousId: z.string().nullable(),
    firstId: z.string(),
    supersededById: z.string().nullable(),
    personId: z.string(),
    purpose: z.string(),
    purposeLabel: z.string(),
    decision: z.enum(['share', 'not_share']),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    decidedByUserId: z.string(),
    decidedByName: z.string().nullable(),
    recipientOrganisationId: z.string().nullable(),
    recipientOrganisationName: z.string().nullable(),
    fieldGroups: list(FieldGroupChoiceView),
    lawfulBasis: list(z.string()),
    method: z.string(),
    sharedAt: z.string(),
    reasons: z.string(),
    familyTold: z.string(),
    familyNotToldReason: z.string().nullable(),
    advisedBy: z.string().nullable(),
    recommendation: z.string().nullable(),
    recommendationEdition: z.string().nullable(),
    followedRecommendation: z.boolean().nullable(),
    departureReason: z.string().nullable(),
    disclosure: z.object({ grantId: z.string(), expiresAt: z.string() }).nullable(),
    outsideAgreements: z.boolean(),
    requestId: z.string().nullable(),
    newInformation: z.string().nullable(),
    recordedAt: z.string(),
    summary: z.string().openapi({ description: 'The decision in one plain sentence' }),
  })
  .openapi('DecisionRecord');

export const PersonDecisionsQuery = z.strictObject({
  purpose: z.enum(purposes, { error: 'Choose a purpose from the list' }).optional(),
});

export const PersonDecisionsResponse = z
  .object({ personId: z.string(), decisions: list(DecisionRecordView) })
  .openapi('PersonDecisions');

export const DisclosureView = z
  .object({
    decisionId: z.string(),
    version: z.number(),
    organisationId: z.string(),
    organisationName: z.string().nullable(),
    recipientOrganisationId: z.string(),
    recipientOrganisationName: z.string().nullable(),
    purpose: z.string(),
    purposeLabel: z.string(),
    fieldGroups: list(z.object({ group: z.string(), label: z.string() })),
    lawfulBasis: list(z.string()),
    sharedAt: z.string(),
    expiresAt: z.string().nullable(),
    state: z.enum(['live', 'expired', 'revoked']),
    outsideAgreements: z.boolean(),
    decidedByName: z.string().nullable(),
    summary: z.string(),
  })
  .openapi('Disclosure');

export const PersonDisclosuresResponse = z
  .object({
    personId: z.string(),
    disclosures: list(DisclosureView),
    /** Decisions not to share (the latest version of each), kept with their reasons: who asked and was refused. */
    notShared: list(
      z.object({
        decisionId: z.string(),
        version: z.number(),
        organisationId: z.string(),
        organisationName: z.string().nullable(),
        recipientOrganisationId: z.string().nullable(),
        recipientOrganisationName: z.string().nullable(),
        purpose: z.string(),
        purposeLabel: z.string(),
        decidedAt: z.string(),
        summary: z.string(),
      }),
    ),
  })
  .openapi('PersonDisclosures');
