import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { Logger } from '../../domain/shared/deps.ts';
import { DomainError, type FieldProblem } from '../../domain/shared/errors.ts';
import { errorStatus } from './error-status.ts';
import { safeErrorSummary } from '../logging/safe-error-summary.ts';

/** zod issues become field problems named by their path, e.g. `memberships.0.role`. */
export function validationError(error: ZodError): DomainError {
  const fields: FieldProblem[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        fields.push({ field: base ? `${base}.${key}` : key, problem: 'This field is not allowed' });
    } else {
      fields.push({ field: base || '(body)', problem: issue.message });
    }
  }
  return new DomainError('validation_failed', 'Check the highlighted fields', { fields });
}

/**
 * Turns any thrown error into the one error body. Callers see a safe message; anything
 * unexpected is logged with its cause (never personal data) and answered as "internal".
 */
export function errorResponse(error: unknown, c: Context, logger: Logger): Response {
  let domain: DomainError;
  if (error instanceof DomainError) {
    domain = error;
  } else if (error instanceof HTTPException && error.status === 413) {
    domain = new DomainError('payload_too_large', 'The request body is too large');
  } else {
    logger.error({ requestId: c.get('requestId' as never), err: safeErrorSummary(error) }, 'unhandled error');
    domain = new DomainError('internal', 'Something went wrong. Try again later');
  }
  const body = {
    error: {
      code: domain.code,
      message: domain.message,
      ...(domain.fields ? { fields: domain.fields } : {}),
    },
  };
  if (domain.retryAfterSeconds !== undefined) c.header('Retry-After', String(domain.retryAfterSeconds));
  return c.json(body, errorStatus[domain.code]);
}
