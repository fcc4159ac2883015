import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { RequestDeps } from '../../../domain/requests/create-request.ts';
import { createRequest } from '../../../domain/requests/create-request.ts';
import {
  answerRequester,
  askRequester,
  refuseCheck,
  type ChangedCheck,
} from '../../../domain/requests/change-partner-check.ts';
import { findRequestInbox } from '../../../domain/requests/find-request-inbox.ts';
import { getRequest } from '../../../domain/requests/get-request.ts';
import { withdrawRequest } from '../../../domain/requests/withdraw-request.ts';
import { ErrorBody } from '../contracts/common.ts';
import {
  AnswerBody,
  CheckChangeResponse,
  CheckParams,
  CreatedRequestResponse,
  CreateRequestBody,
  InboxQuery,
  InboxResponse,
  QuestionBody,
  RefusalBody,
  RequestParams,
  RequestResponse,
  WithdrawalBody,
  WithdrawalResponse,
} from '../contracts/requests.ts';
import type { AppEnv } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Requests for information'];
const conflict = {
  409: {
    description: 'The check is not in a state that allows this (already closed, not stopped, not open)',
    content: { 'application/json': { schema: ErrorBody } },
  },
} as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const checkView = (c: ChangedCheck) => ({ ...c, dueAt: iso(c.dueAt), escalateAt: iso(c.escalateAt) });

/**
 * Requests for information between agencies (the MASH front door, issue 16 point 4): make one
 * with its partner checks, the inboxes, one request, and the acts on a check. A shared answer is
 * a decision record (POST /api/decisions with a requestId), which closes the check through
 * requests/mark-check-answered.ts.
 */
export function requestRoutes(deps: RequestDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/requests',
      tags,
      summary: 'Ask partner agencies about a child: one check per agency, each on its own RAG clock',
      request: { body: jsonBody(CreateRequestBody) },
      responses: {
        201: jsonResponse(CreatedRequestResponse, 'Sent; each agency is told'),
        ...commonErrors,
        409: {
          description: 'The partnership has not set its RAG timescales',
          content: { 'application/json': { schema: ErrorBody } },
        },
      },
    }),
    async (c) => {
      const created = await createRequest(deps, requireSession(c).actor, c.req.valid('json'));
      return c.json(
        {
          id: created.id,
          rag: created.rag,
          respondBy: iso(created.respondBy),
          createdAt: created.createdAt.toISOString(),
          partnerChecks: created.partnerChecks.map((p) => ({
            ...p,
            dueAt: iso(p.dueAt),
            escalateAt: iso(p.escalateAt),
          })),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests/inbox',
      tags,
      summary:
        "Checks still waiting, soonest due first: put to the actor's organisation (responder), past escalation (manager), or sent by it",
      request: { query: InboxQuery },
      responses: { 200: jsonResponse(InboxResponse, 'The inbox'), ...commonErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const inbox = await findRequestInbox(deps, requireSession(c).actor, query);
      return c.json(
        {
          ...inbox,
          items: inbox.items.map((i) => ({
            ...i,
            createdAt: i.createdAt.toISOString(),
            dueAt: iso(i.dueAt),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests/{requestId}',
      tags,
      summary: "One request: the requester's organisation sees every check, an asked agency its own",
      request: { params: RequestParams },
      responses: { 200: jsonResponse(RequestResponse, 'The request'), ...commonErrors },
    }),
    async (c) => {
      const r = await getRequest(deps, requireSession(c).actor, c.req.valid('param').requestId);
      return c.json(
        {
          ...r,
          respondBy: iso(r.respondBy),
          createdAt: r.createdAt.toISOString(),
          partnerChecks: r.partnerChecks.map((p) => ({
            ...p,
            dueAt: iso(p.dueAt),
            escalateAt: iso(p.escalateAt),
            closedAt: iso(p.closedAt),
          })),
        },
        200,
      );
    },
  );

  const checkAct = (
    path: string,
    summary: string,
    body: typeof QuestionBody | typeof AnswerBody | typeof RefusalBody,
    act: (
      actor: ReturnType<typeof requireSession>['actor'],
      key: { requestId: string; organisationId: string },
      body: Record<string, unknown>,
    ) => Promise<ChangedCheck>,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/requests/{requestId}/checks/{organisationId}/${path}`,
        tags,
        summary,
        request: { params: CheckParams, body: jsonBody(body) },
        responses: {
          200: jsonResponse(CheckChangeResponse, 'The check as it now stands'),
          ...commonErrors,
          ...conflict,
        },
      }),
      async (c) => {
        const changed = await act(
          requireSession(c).actor,
          c.req.valid('param'),
          c.req.valid('json') as Record<string, unknown>,
        );
        return c.json(checkView(changed), 200);
      },
    );

  checkAct(
    'clarification-request',
    'The asked agency asks the requester to clarify: its clock stops',
    QuestionBody,
    (actor, key, body) =>
      askRequester(deps, actor, key, { reason: 'clarification', question: body.question }),
  );
  checkAct(
    'clarification',
    'The requester clarifies: the clock starts again where it stood',
    AnswerBody,
    (actor, key, body) => answerRequester(deps, actor, key, { reason: 'clarification', answer: body.answer }),
  );
  checkAct(
    'verification-request',
    'The asked agency asks an unverified requester to verify who they are first: its clock stops',
    QuestionBody,
    (actor, key, body) => askRequester(deps, actor, key, { reason: 'verification', question: body.question }),
  );
  checkAct(
    'verification',
    'The requester verifies who they are: the clock starts again',
    AnswerBody,
    (actor, key, body) => answerRequester(deps, actor, key, { reason: 'verification', answer: body.answer }),
  );
  checkAct(
    'refusal',
    'The asked agency refuses, with reasons from the list and an explanation',
    RefusalBody,
    (actor, key, body) => refuseCheck(deps, actor, key, body),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/requests/{requestId}/withdrawal',
      tags,
      summary: 'The requester withdraws the request: every check still waiting closes',
      request: { params: RequestParams, body: jsonBody(WithdrawalBody) },
      responses: {
        200: jsonResponse(WithdrawalResponse, 'Withdrawn'),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) => {
      const result = await withdrawRequest(deps, requireSession(c).actor, {
        requestId: c.req.valid('param').requestId,
        reason: c.req.valid('json').reason,
      });
      return c.json(result, 200);
    },
  );
}
