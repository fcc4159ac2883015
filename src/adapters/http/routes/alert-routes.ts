import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { acknowledgeAlert } from '../../../domain/alerts/acknowledge-alert.ts';
import { findAlerts } from '../../../domain/alerts/find-alerts.ts';
import { AcknowledgementRequest, AcknowledgementView, AlertInbox, AlertParams } from '../contracts/alerts.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Alerts'];

export function alertRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/alerts',
      tags,
      summary: 'Your alerts: to you, or to your role in your organisation, unacknowledged first',
      responses: {
        200: jsonResponse(AlertInbox, 'Your alerts and how many are unacknowledged'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const inbox = await findAlerts(deps, requireSession(c).actor);
      return c.json({ alerts: [...inbox.alerts], unacknowledged: inbox.unacknowledged }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/alerts/{alertId}/acknowledgement',
      tags,
      summary: 'Acknowledge an alert addressed to you or your role (audited); anyone else’s is not found',
      request: { params: AlertParams, body: jsonBody(AcknowledgementRequest) },
      responses: { 200: jsonResponse(AcknowledgementView, 'Acknowledged'), ...commonErrors },
    }),
    async (c) =>
      c.json(await acknowledgeAlert(deps, requireSession(c).actor, c.req.valid('param').alertId), 200),
  );
}
