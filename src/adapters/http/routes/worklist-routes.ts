import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { purposeDefinitions } from '../../../domain/policy/purposes.ts';
import { getWorklist } from '../../../domain/worklist/get-worklist.ts';
import { WorklistView } from '../contracts/worklist.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

export function worklistRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/worklist',
      tags: ['Home'],
      summary: 'What is waiting for you: recent children, signatures, link reviews, rejected feed rows',
      responses: { 200: jsonResponse(WorklistView, 'Your worklist'), ...commonErrors },
    }),
    async (c) => {
      const w = await getWorklist(deps, requireSession(c).actor);
      return c.json(
        {
          recentChildren:
            w.recentChildren?.map((r) => ({
              ...r,
              purposeLabel: purposeDefinitions[r.purpose].label,
              viewedAt: r.viewedAt.toISOString(),
            })) ?? null,
          signaturesAwaited: w.signaturesAwaited ? [...w.signaturesAwaited] : null,
          linkReviewsWaiting: w.linkReviewsWaiting,
          feedRunsWithRejections:
            w.feedRunsWithRejections?.map((r) => ({ ...r, startedAt: r.startedAt.toISOString() })) ?? null,
        },
        200,
      );
    },
  );
}
