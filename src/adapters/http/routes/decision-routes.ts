import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { adviseOnSituation } from '../../../domain/decisions/advise-on-situation.ts';
import { AnswerView, SituationBody } from '../contracts/decisions.ts';
import type { AppEnv } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Decisions to share'];

/** The guidance engine: any signed-in user may ask it; it records nothing. */
export function decisionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/decisions/evaluate',
      tags,
      summary: 'What the information sharing guidance advises for a situation (records nothing)',
      request: { body: jsonBody(SituationBody) },
      responses: {
        200: jsonResponse(AnswerView, 'The guidance’s answer with the path taken'),
        ...commonErrors,
      },
    }),
    (c) => {
      const session = requireSession(c);
      return c.json(adviseOnSituation(session.partnership.id, c.req.valid('json')), 200);
    },
  );
}
