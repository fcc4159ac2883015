import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { findAuditEvents } from '../../../domain/audit/find-audit-events.ts';
import { findWhoHasSeen } from '../../../domain/audit/find-who-has-seen.ts';
import { verifyPartnershipAudit } from '../../../domain/audit/verify-partnership-audit.ts';
import {
  AuditPage,
  AuditQuery,
  AuditVerificationView,
  WhoHasSeenQuery,
  WhoHasSeenView,
} from '../contracts/audit.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Audit'];

export function auditRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags,
      summary: 'Search the audit log (data protection officers)',
      request: { query: AuditQuery },
      responses: { 200: jsonResponse(AuditPage, 'Events, newest first'), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await findAuditEvents(deps, requireSession(c).actor, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return c.json(
        {
          events: page.events.map((e) => ({
            id: e.id,
            at: e.at.toISOString(),
            actorType: e.actorType,
            actorId: e.actorId,
            actorName: e.actorName,
            actorOrganisationId: e.actorOrganisationId,
            actorRole: e.actorRole,
            action: e.action,
            outcome: e.outcome,
            subjectType: e.subjectType,
            subjectId: e.subjectId,
            purpose: e.purpose,
            details: e.details as Record<string, unknown>,
            sealed: e.sealed,
          })),
          nextBefore: page.nextBefore,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verification',
      tags,
      summary: "Verify your partnership's audit chain",
      responses: { 200: jsonResponse(AuditVerificationView, 'Verification result'), ...commonErrors },
    }),
    async (c) => {
      const result = await verifyPartnershipAudit(deps, requireSession(c).actor);
      return c.json(
        {
          status: result.problem ? ('tampered' as const) : ('verified' as const),
          verifiedEvents: result.verifiedEvents,
          pendingEvents: result.pendingEvents,
          checkpointsVerified: result.checkpointsVerified,
          witnessedCheckpoints: result.witnessedCheckpoints,
          unwitnessedCheckpoints: result.unwitnessedCheckpoints,
          problem: result.problem
            ? { seq: result.problem.seq, kind: result.problem.kind, message: result.problem.message }
            : null,
          checkedAt: result.checkedAt.toISOString(),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/seen',
      tags,
      summary: 'Who has seen this subject',
      request: { query: WhoHasSeenQuery },
      responses: { 200: jsonResponse(WhoHasSeenView, 'Viewers, most recent first'), ...commonErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const viewers = await findWhoHasSeen(deps, requireSession(c).actor, {
        type: q.subjectType,
        id: q.subjectId,
      });
      return c.json({ viewers: viewers.map((v) => ({ ...v, lastSeenAt: v.lastSeenAt.toISOString() })) }, 200);
    },
  );
}
