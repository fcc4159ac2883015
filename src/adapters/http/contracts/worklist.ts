import { z } from '@hono/zod-openapi';

/** The home page's worklist: each part null where the role has no such work. */
export const WorklistView = z
  .object({
    recentChildren: z
      .array(
        z.object({
          personId: z.string(),
          purpose: z.string(),
          purposeLabel: z.string(),
          name: z.string().nullable(),
          viewedAt: z.string(),
        }),
      )
      .nullable(),
    signaturesAwaited: z
      .array(z.object({ id: z.string(), reference: z.string(), title: z.string(), version: z.number() }))
      .nullable(),
    linkReviewsWaiting: z.number().nullable(),
    feedRunsWithRejections: z
      .array(
        z.object({
          id: z.string(),
          feed: z.string(),
          startedAt: z.string(),
          rejected: z.number(),
          rowsRead: z.number(),
        }),
      )
      .nullable(),
  })
  .openapi('Worklist');
