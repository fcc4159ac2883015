import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/shared/errors.ts';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The gateway catalogue's export (GET /api/gateways/export.xlsx). */
export const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An agency feed file is sent as itself (CSV, JSON Lines or a JSON array) and parsed as it streams. */
export const FEED_UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * The one route whose body is not parsed here: an agency feed upload
 * (adapters/http/routes/feed-routes.ts). Its content type is checked against the feed's mapping
 * by the route, its size as it streams (FEED_UPLOAD_LIMIT_BYTES), and every row by ingest; a
 * JSON feed can be far larger than the JSON body limit and is never parsed whole.
 */
export function isFeedUpload(c: Context): boolean {
  return c.req.method === 'POST' && c.req.path === '/api/feeds/runs';
}

/**
 * Every request body must be JSON, except the feed upload (the one other file the platform
 * takes in, the gateway catalogue, comes through the operator's command line, never over
 * HTTP): a wrong content type is refused before anything is read (which also stops cross-site HTML forms, which cannot send application/json), malformed JSON
 * gets a clear 400, and keys that could pollute prototypes are refused outright.
 */
export const jsonBodyGuard: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || method === 'DELETE') return next();
  const type = c.req.header('content-type') ?? '';
  if (isFeedUpload(c)) {
    // text/csv and JSON sent by fetch from our own pages; a cross-site form can send text/plain,
    // multipart or urlencoded only, none of which a feed accepts, and CSRF is checked anyway.
    if (!/^(text\/csv|application\/(json|x-ndjson|jsonl))(\s*;\s*charset=utf-8)?$/i.test(type.trim()))
      throw new DomainError(
        'unsupported_media_type',
        'Send the feed file as text/csv, application/json or application/x-ndjson',
      );
    return next();
  }
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
