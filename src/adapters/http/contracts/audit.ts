import { z } from '@hono/zod-openapi';

const isoDate = z.iso.datetime({ offset: true, error: 'Enter a date and time in ISO 8601 format' });

export const AuditQuery = z
  .strictObject({
    actorId: z.string().max(100).optional(),
    subjectType: z.string().max(50).optional(),
    subjectId: z.string().max(100).optional(),
    action: z.string().max(100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .openapi('AuditQuery');

export const AuditEventView = z
  .object({
    id: z.number(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorOrganisationId: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    outcome: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    purpose: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    sealed: z.boolean(),
  })
  .openapi('AuditEvent');

export const AuditPage = z
  .object({ events: z.array(AuditEventView), nextBefore: z.number().nullable() })
  .openapi('AuditPage');

export const AuditVerificationView = z
  .object({
    status: z.enum(['verified', 'tampered']),
    verifiedEvents: z.number(),
    pendingEvents: z.number(),
    checkpointsVerified: z.number(),
    /** Checkpoints found as the witness outside the database holds them. */
    witnessedCheckpoints: z.number(),
    /** Checkpoints the witness does not hold yet (copied by the sealer each round). */
    unwitnessedCheckpoints: z.number(),
    problem: z.object({ seq: z.number(), kind: z.string(), message: z.string() }).nullable(),
    checkedAt: z.string(),
  })
  .openapi('AuditVerification');

export const WhoHasSeenQuery = z.strictObject({
  subjectType: z.string().min(1).max(50),
  subjectId: z.string().min(1).max(100),
});

export const WhoHasSeenView = z
  .object({
    viewers: z.array(
      z.object({
        actorId: z.string(),
        actorName: z.string().nullable(),
        organisationName: z.string().nullable(),
        role: z.string().nullable(),
        times: z.number(),
        lastSeenAt: z.string(),
      }),
    ),
  })
  .openapi('WhoHasSeen');
