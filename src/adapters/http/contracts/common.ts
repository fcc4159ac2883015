import { z } from '@hono/zod-openapi';

/** The one error body every endpoint returns (see adapters/http/error-response.ts). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), problem: z.string() })).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Uuid = z.uuid({ error: 'Enter a valid id' });
