import { z } from '@hono/zod-openapi';
import { MAX_REASON_LENGTH } from '../../../domain/people/decide-link-review.ts';
import { reviewStatuses } from '../../../domain/people/link-review-store.ts';
import { Uuid } from './common.ts';

export const LinkReviewParams = z.object({ reviewId: Uuid });

export const LinkReviewListQuery = z.strictObject({
  status: z
    .enum(reviewStatuses as [string, ...string[]], {
      error: 'Choose a status: pending, confirmed, rejected or undone',
    })
    .optional(),
});

const reason = z
  .string({ error: 'Enter the reason for your decision' })
  .trim()
  .min(1, { error: 'Enter the reason for your decision' })
  .max(MAX_REASON_LENGTH, { error: `The reason must be ${MAX_REASON_LENGTH} characters or fewer` });

export const LinkDecisionRequest = z
  .strictObject({
    decision: z.enum(['confirmed', 'rejected'], {
      error: 'Choose whether these records are the same person',
    }),
    reason,
  })
  .openapi('LinkDecisionRequest');

export const LinkUndoRequest = z.strictObject({ reason }).openapi('LinkUndoRequest');

const status = z.enum(['pending', 'confirmed', 'rejected', 'undone']);

export const LinkReviewListResponse = z
  .object({
    total: z.number().int(),
    reviews: z.array(
      z.object({
        id: z.string(),
        status,
        reason: z.string(),
        matchProbability: z.number(),
        createdAt: z.string(),
        organisations: z.array(z.string()),
      }),
    ),
  })
  .openapi('LinkReviewList');

const fields = z.object({
  first_name: z.string().optional(),
  middle_names: z.string().optional(),
  last_name: z.string().optional(),
  dob: z.string().optional(),
  sex: z.string().optional(),
  nhs_number: z.string().optional(),
  identifier: z.string().optional(),
  postcode: z.string().optional(),
  address: z.string().optional(),
  city: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

const bits = z.object({ vsStrangers: z.number(), vsRelatives: z.number() });

export const LinkReviewResponse = z
  .object({
    id: z.string(),
    status,
    reason: z.string(),
    matchWeight: z.number(),
    matchProbability: z.number(),
    createdAt: z.string(),
    samePerson: z.boolean(),
    records: z.array(
      z.object({
        id: z.string(),
        organisationId: z.string(),
        organisationName: z.string(),
        personId: z.string().nullable(),
        fields,
      }),
    ),
    explanation: z
      .object({
        prior: bits,
        comparisons: z.array(
          bits.extend({ comparison: z.string(), level: z.string(), tfAdjustment: z.number() }),
        ),
        vsStrangers: z.number(),
        vsRelatives: z.number(),
        matchWeight: z.number(),
        probability: z.number(),
      })
      .nullable(),
    decisions: z.array(
      z.object({
        kind: z.string(),
        decidedAt: z.string(),
        decidedBy: z.string(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .openapi('LinkReview');

export const LinkDecisionResponse = z
  .object({ decisionId: z.string(), moved: z.number().int() })
  .openapi('LinkDecision');
export const LinkUndoResponse = z
  .object({ decisionId: z.string(), restored: z.number().int() })
  .openapi('LinkUndo');
