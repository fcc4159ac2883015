import { z } from '@hono/zod-openapi';
import { erasureGroundKeys, erasureGrounds } from '../../../domain/records/erasure-grounds.ts';
import { REQUEST_REFERENCE_PATTERN } from '../../../domain/records/erasure-grounds.ts';
import { Uuid } from './common.ts';

export const RecordParams = z.object({ id: Uuid });

export const ErasureRequest = z
  .strictObject({
    ground: z.enum(erasureGroundKeys, { error: 'Choose the ground for the erasure' }).openapi({
      description: Object.entries(erasureGrounds)
        .map(([key, words]) => `${key}: ${words}`)
        .join('; '),
    }),
    requestReference: z
      .string()
      .trim()
      .regex(REQUEST_REFERENCE_PATTERN, {
        error:
          'The request reference must be up to 40 letters, digits, spaces, dots, slashes, underscores or hyphens',
      })
      .optional()
      .openapi({ description: "Your organisation's own reference for the erasure request (no names)" }),
  })
  .openapi('ErasureRequest');

export const ErasureResponse = z
  .object({
    recordId: z.string(),
    organisationId: z.string(),
    externalId: z.string().openapi({ description: "The agency's id for the record, kept on its tombstone" }),
    erasedAt: z.string(),
    versions: z.number().openapi({ description: 'How many versions of the record were erased' }),
  })
  .openapi('Erasure');
