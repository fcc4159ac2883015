/**
 * The one error type of Tessera. Every failure a caller may see is a DomainError with a code from
 * this closed set; adapters map codes to transport status in exactly one table each
 * (adapters/http/error-status.ts). The message is safe to show; `cause` stays in the logs.
 */
export const errorCodes = [
  'validation_failed',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'rate_limited',
  'csrf_failed',
  'not_found',
  'conflict',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `memberships.0.role`. */
  readonly field: string;
  readonly problem: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: readonly FieldProblem[] | undefined;
  /** For rate_limited: whole seconds until the caller may try again (HTTP Retry-After, RFC 9110 10.2.3). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: readonly FieldProblem[]; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Anything outside the actor's scope answers exactly like something missing (DESIGN.md rule 2). */
export function notFound(what = 'The item'): DomainError {
  return new DomainError('not_found', `${what} was not found`);
}

export function invalid(field: string, problem: string): DomainError {
  return new DomainError('validation_failed', 'Check the highlighted fields', {
    fields: [{ field, problem }],
  });
}
