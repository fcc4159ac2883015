import { z } from '@hono/zod-openapi';
import { adviceCodes, outcomes, tellFamilyAnswers, urgencies } from '../../../domain/decisions/answer.ts';
import { editions, requesterOrgTypes, SituationSchema } from '../../../domain/decisions/situation.ts';

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
