import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/shared/errors.ts';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The gateway catalogue's export (GET /api/gateways/export.xlsx). */
export const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every request body must be JSON (the one file the platform takes in, the gateway catalogue,
 * comes through the operator's command line, never over HTTP): a wrong content type is refused
 * before anything is read
 * (which also stops cross-site HTML forms, which cannot send application/json), malformed JSON
 * gets a clear 400, and keys that could pollute prototypes are refused outright.
 */
export const jsonBodyGuard: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || method === 'DELETE') return next();
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json(\s*;\s*charset=utf-8)?$/i.test(type.trim())) {
    throw new DomainError('unsupported_media_type', 'Send the request body as application/json');
  }
  const text = await c.req.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (forbiddenKeys.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) {
      throw new DomainError('validation_failed', 'Check the highlighted fields', {
        fields: [{ field: error.key, problem: 'This field is not allowed' }],
      });
    }
    throw new DomainError('validation_failed', 'The request body is not valid JSON', {
      fields: [{ field: '(body)', problem: 'The request body is not valid JSON' }],
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DomainError('validation_failed', 'The request body must be a JSON object', {
      fields: [{ field: '(body)', problem: 'The request body must be a JSON object' }],
    });
  }
  return next();
};

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}
