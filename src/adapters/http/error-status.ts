import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../domain/shared/errors.ts';

/** The one place where error codes become HTTP statuses (DESIGN.md rule 5). */
export const errorStatus = {
  validation_failed: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  rate_limited: 429,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;
