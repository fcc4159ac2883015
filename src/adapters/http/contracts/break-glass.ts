import { z } from '@hono/zod-openapi';
import { breakGlassReasonCodes } from '../../../domain/break-glass/reason-codes.ts';
import { breakGlassReviewOutcomes } from '../../../domain/break-glass/review-outcomes.ts';

/** One child: an array (two children) is refused by name, as is any other key (strict). */
export const BreakGlassRequest = z
  .strictObject({
    personId: z.uuid({
      error: (issue) =>
        Array.isArray(issue.input)
          ? 'Break glass for one child at a time'
          : 'Choose the child to break glass for',
    }),
    reasonCode: z.enum(breakGlassReasonCodes, { error: 'Select why you must break glass' }),
    reasonText: z
      .string({ error: 'Say in your own words why this cannot wait' })
      .trim()
      .min(10, { error: 'Say in your own words why this cannot wait (at least 10 characters)' })
      .max(2000, { error: 'Keep the reason to 2000 characters or fewer' }),
  })
  .openapi('BreakGlassRequest');

export const BreakGlassResponse = z
  .object({
    breakGlassId: z.uuid(),
    personId: z.uuid(),
    purpose: z.literal('emergency'),
    startedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .openapi('BreakGlass');

export const LiveBreakGlassResponse = z
  .object({
    breakGlasses: z.array(
      z.object({ breakGlassId: z.uuid(), personId: z.uuid(), expiresAt: z.iso.datetime() }),
    ),
  })
  .openapi('LiveBreakGlasses');

export const BreakGlassParams = z.object({
  breakGlassId: z
    .uuid({ error: 'Enter a valid id' })
    .openapi({ param: { name: 'breakGlassId', in: 'path' } }),
});

export const BreakGlassReviewRequest = z
  .strictObject({
    outcome: z.enum(breakGlassReviewOutcomes, { error: 'Select the outcome of your review' }),
    notes: z
      .string({ error: 'Say why you reached this outcome' })
      .trim()
      .min(1, { error: 'Say why you reached this outcome' })
      .max(4000, { error: 'Keep your notes to 4000 characters or fewer' }),
  })
  .openapi('BreakGlassReviewRequest');

export const BreakGlassReviewResponse = z
  .object({ status: z.enum(['pending', 'reviewed']), outcome: z.enum(breakGlassReviewOutcomes) })
  .openapi('BreakGlassReviewResult');

export const BreakGlassReviewListResponse = z
  .object({
    reviews: z.array(
      z.object({
        breakGlassId: z.uuid(),
        personId: z.uuid(),
        by: z.object({ userId: z.uuid(), name: z.string(), organisationName: z.string(), role: z.string() }),
        reasonCode: z.string(),
        reasonText: z.string(),
        startedAt: z.iso.datetime(),
        expiresAt: z.iso.datetime(),
        setAsideLimits: z.number().int(),
        status: z.enum(['pending', 'reviewed']),
        outcome: z.string().nullable(),
        notes: z.string().nullable(),
        reviewedBy: z.string().nullable(),
        reviewedAt: z.iso.datetime().nullable(),
      }),
    ),
  })
  .openapi('BreakGlassReviews');
