import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { breakGlass, type BreakGlassDeps } from '../../../domain/break-glass/break-glass.ts';
import { findBreakGlassReviews } from '../../../domain/break-glass/find-break-glass-reviews.ts';
import { findLiveBreakGlasses } from '../../../domain/break-glass/find-live-break-glasses.ts';
import { reviewBreakGlass } from '../../../domain/break-glass/review-break-glass.ts';
import {
  BreakGlassParams,
  BreakGlassRequest,
  BreakGlassResponse,
  BreakGlassReviewListResponse,
  BreakGlassReviewRequest,
  BreakGlassReviewResponse,
  LiveBreakGlassResponse,
} from '../contracts/break-glass.ts';
import { ErrorBody } from '../contracts/common.ts';
import type { AppEnv } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Break-glass'];
const iso = (d: Date) => d.toISOString();

/**
 * Break-glass (issue 16 point 7): emergency access to one child for at most an hour, and its
 * retrospective review. The view itself is the ordinary single view with purpose=emergency
 * (view-routes.ts), which shows the child only while the caller's own grant lives.
 */
export function breakGlassRoutes(deps: BreakGlassDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/break-glass',
      tags,
      summary:
        'Break glass: the whole view of one child, for you alone, for at most an hour (audited and reviewed)',
      description:
        'On vital interests (UK GDPR Art 6(1)(d), 9(2)(c)). Sets aside restrictions and withdrawn consent, and says so. Alerts the data protection officer and Caldicott guardian of every organisation holding records of the child. Then open /api/persons/{personId}/view?purpose=emergency. Rate-limited per user (429).',
      request: { body: jsonBody(BreakGlassRequest) },
      responses: {
        201: jsonResponse(BreakGlassResponse, 'The glass is broken until expiresAt'),
        ...commonErrors,
        429: {
          ...jsonResponse(ErrorBody, 'You have broken glass as often as allowed: wait, or ask your manager'),
          headers: z.object({
            'Retry-After': z
              .string()
              .openapi({ description: 'Whole seconds until you may break glass again' }),
          }),
        },
      },
    }),
    async (c) => {
      const glass = await breakGlass(deps, requireSession(c).actor, c.req.valid('json'));
      return c.json({ ...glass, startedAt: iso(glass.startedAt), expiresAt: iso(glass.expiresAt) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/break-glass/live',
      tags,
      summary: 'Your own break-glasses still running, with when each ends (for the banner)',
      responses: { 200: jsonResponse(LiveBreakGlassResponse, 'Soonest to end first'), ...commonErrors },
    }),
    async (c) => {
      const live = await findLiveBreakGlasses(deps, requireSession(c).actor);
      return c.json({ breakGlasses: live.map((b) => ({ ...b, expiresAt: iso(b.expiresAt) })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/break-glass/reviews',
      tags,
      summary:
        'The review queue: break-glasses on children your organisation holds records of, pending first (DPO, Caldicott guardian)',
      responses: {
        200: jsonResponse(BreakGlassReviewListResponse, 'Pending first, newest first'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const reviews = await findBreakGlassReviews(deps, requireSession(c).actor);
      return c.json(
        {
          reviews: reviews.map((r) => ({
            ...r,
            startedAt: iso(r.startedAt),
            expiresAt: iso(r.expiresAt),
            reviewedAt: r.reviewedAt ? iso(r.reviewedAt) : null,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/break-glass/{breakGlassId}/review',
      tags,
      summary: "Record your organisation's outcome of a break-glass (never your own)",
      request: { params: BreakGlassParams, body: jsonBody(BreakGlassReviewRequest) },
      responses: {
        200: jsonResponse(BreakGlassReviewResponse, 'The outcome recorded'),
        ...commonErrors,
        409: jsonResponse(ErrorBody, 'Already concluded: the outcome stands'),
      },
    }),
    async (c) => {
      const result = await reviewBreakGlass(deps, requireSession(c).actor, {
        breakGlassId: c.req.valid('param').breakGlassId,
        ...c.req.valid('json'),
      });
      return c.json(result, 200);
    },
  );
}
