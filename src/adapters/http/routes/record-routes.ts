import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { eraseRecord } from '../../../domain/records/erase-record.ts';
import { ErasureRequest, ErasureResponse, RecordParams } from '../contracts/records.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

/** Acts on one agency record as its controller: today, its erasure (domain/records). */
export function recordRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/records/{id}/erasure',
      tags: ['Records'],
      summary:
        "Erase one of your organisation's records with all its versions, leaving a tombstone so no feed brings it back (UK GDPR Art 17; data protection officers)",
      request: { params: RecordParams, body: jsonBody(ErasureRequest) },
      responses: { 200: jsonResponse(ErasureResponse, 'The record is erased'), ...commonErrors },
    }),
    async (c) => {
      const erased = await eraseRecord(deps, requireSession(c).actor, {
        recordId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json({ ...erased, erasedAt: erased.erasedAt.toISOString() }, 200);
    },
  );
}
