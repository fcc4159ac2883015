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

/**
 * An id the person chose from a list. Its error says what to choose, in the words of the
 * question ("Select the organisation that shares the information"), never "Enter a valid id":
 * a person sees an unselected list, not an id (GOV.UK error messages).
 */
export const chosenId = (error: string) => z.uuid({ error });
