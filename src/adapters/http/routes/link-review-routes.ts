import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { decideLinkReview } from '../../../domain/people/decide-link-review.ts';
import { findLinkReviews } from '../../../domain/people/find-link-reviews.ts';
import { getLinkReview } from '../../../domain/people/get-link-review.ts';
import type { LinkingDeps } from '../../../domain/people/held-index.ts';
import type { ReviewStatus } from '../../../domain/people/link-review-store.ts';
import { undoLinkReview } from '../../../domain/people/undo-link-review.ts';
import {
  LinkDecisionRequest,
  LinkDecisionResponse,
  LinkReviewListQuery,
  LinkReviewListResponse,
  LinkReviewParams,
  LinkReviewResponse,
  LinkUndoRequest,
  LinkUndoResponse,
} from '../contracts/link-reviews.ts';
import { ErrorBody } from '../contracts/common.ts';
import type { AppEnv } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Person linkage'];
const conflict = {
  409: {
    description: 'The pair has already been decided, or its records have moved since',
    content: { 'application/json': { schema: ErrorBody } },
  },
} as const;

/** The review queue of person linkage: list, the pair side by side, decide, undo. */
export function linkReviewRoutes(deps: LinkingDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/link-reviews',
      tags,
      summary: 'Pairs of records that may be one person, waiting for a reviewer (partnership administrators)',
      request: { query: LinkReviewListQuery },
      responses: { 200: jsonResponse(LinkReviewListResponse, 'The queue, oldest first'), ...commonErrors },
    }),
    async (c) => {
      const { status } = c.req.valid('query');
      const result = await findLinkReviews(
        deps,
        requireSession(c).actor,
        status ? { status: status as ReviewStatus } : {},
      );
      return c.json(
        {
          total: result.total,
          reviews: result.reviews.map((r) => ({
            ...r,
            createdAt: r.createdAt.toISOString(),
            organisations: [...r.organisations],
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/link-reviews/{reviewId}',
      tags,
      summary:
        'Both records side by side, only the identifiers both hold, with the match weight by comparison (audited as a view of each)',
      request: { params: LinkReviewParams },
      responses: { 200: jsonResponse(LinkReviewResponse, 'The pair'), ...commonErrors },
    }),
    async (c) => {
      const detail = await getLinkReview(deps, requireSession(c).actor, c.req.valid('param').reviewId);
      return c.json(
        {
          ...detail,
          createdAt: detail.createdAt.toISOString(),
          records: detail.records.map((r) => ({
            id: r.id,
            organisationId: r.organisationId,
            organisationName: r.organisationName,
            personId: r.personId,
            fields: r.fields,
          })),
          decisions: detail.decisions.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/link-reviews/{reviewId}/decision',
      tags,
      summary: 'Confirm the pair as one person, or reject it, with a reason',
      request: { params: LinkReviewParams, body: jsonBody(LinkDecisionRequest) },
      responses: { 200: jsonResponse(LinkDecisionResponse, 'Decided'), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await decideLinkReview(deps, requireSession(c).actor, {
        reviewId: c.req.valid('param').reviewId,
        decision: body.decision,
        reason: body.reason,
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/link-reviews/{reviewId}/undo',
      tags,
      summary: 'Undo a confirmed match: every record it moved goes back, with a reason',
      request: { params: LinkReviewParams, body: jsonBody(LinkUndoRequest) },
      responses: { 200: jsonResponse(LinkUndoResponse, 'Undone'), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const result = await undoLinkReview(deps, requireSession(c).actor, {
        reviewId: c.req.valid('param').reviewId,
        reason: c.req.valid('json').reason,
      });
      return c.json(result, 200);
    },
  );
}
