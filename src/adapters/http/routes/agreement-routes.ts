import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { addFlow } from '../../../domain/agreements/add-flow.ts';
import { amendAgreement } from '../../../domain/agreements/amend-agreement.ts';
import { createAgreement } from '../../../domain/agreements/create-agreement.ts';
import { findAgreements } from '../../../domain/agreements/find-agreements.ts';
import { getAgreement } from '../../../domain/agreements/get-agreement.ts';
import { removeFlow } from '../../../domain/agreements/remove-flow.ts';
import { resumeAgreement } from '../../../domain/agreements/resume-agreement.ts';
import { signAgreement } from '../../../domain/agreements/sign-agreement.ts';
import { submitAgreement } from '../../../domain/agreements/submit-agreement.ts';
import { suspendAgreement } from '../../../domain/agreements/suspend-agreement.ts';
import { terminateAgreement } from '../../../domain/agreements/terminate-agreement.ts';
import { updateAgreementDraft } from '../../../domain/agreements/update-agreement-draft.ts';
import { updateFlow } from '../../../domain/agreements/update-flow.ts';
import type { Actor } from '../../../domain/shared/actor.ts';
import { AgreementListResponse, AgreementResponse, SubmittedResponse } from '../contracts/agreement-views.ts';
import {
  AgreementListQuery,
  AgreementParams,
  CreateAgreementRequest,
  EmptyRequest,
  FlowParams,
  FlowRequest,
  ReasonRequest,
  SignRequest,
  UpdateDraftRequest,
} from '../contracts/agreements.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';
import { detailView, problemViews, summaryView, toContent, toFlow } from './agreement-mapping.ts';

const tags = ['Agreements'];
const detail = jsonResponse(AgreementResponse, 'The agreement with its whole history');

/**
 * Data sharing agreements: list, read, draft, change the draft, submit, sign, amend, suspend,
 * resume and terminate. Every rule and permission is the domain's; this only maps shapes.
 */
export function agreementRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  const respond = async (actor: Actor, agreementId: string) => ({
    agreement: detailView(await getAgreement(deps, actor, agreementId)),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements',
      tags,
      summary: "Your partnership's agreements (every member may read them)",
      request: { query: AgreementListQuery },
      responses: { 200: jsonResponse(AgreementListResponse, 'Agreements by reference'), ...commonErrors },
    }),
    async (c) => {
      const agreements = await findAgreements(deps, requireSession(c).actor, c.req.valid('query'));
      return c.json({ agreements: agreements.map(summaryView) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/agreements',
      tags,
      summary: 'Draft a Tier 1 or Tier 2 agreement (administrators and DPOs)',
      request: { body: jsonBody(CreateAgreementRequest) },
      responses: { 201: jsonResponse(AgreementResponse, 'Drafted as version 1'), ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const body = c.req.valid('json');
      const created = await createAgreement(
        deps,
        actor,
        body.tier === 'tier1'
          ? { tier: 'tier1', content: toContent(body) }
          : {
              tier: 'tier2',
              tier1AgreementId: body.tier1AgreementId,
              content: toContent(body),
              flows: body.flows.map(toFlow),
            },
      );
      return c.json(await respond(actor, created.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/{agreementId}',
      tags,
      summary: 'One agreement with every version, its flows and signatures',
      request: { params: AgreementParams },
      responses: { 200: detail, ...commonErrors },
    }),
    async (c) => c.json(await respond(requireSession(c).actor, c.req.valid('param').agreementId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/agreements/{agreementId}/draft',
      tags,
      summary: "Replace the draft version's sections and parties",
      request: { params: AgreementParams, body: jsonBody(UpdateDraftRequest) },
      responses: { 200: detail, ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { agreementId } = c.req.valid('param');
      await updateAgreementDraft(deps, actor, { agreementId, content: toContent(c.req.valid('json')) });
      return c.json(await respond(actor, agreementId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/agreements/{agreementId}/flows',
      tags,
      summary: 'Add a flow to a Tier 2 draft',
      request: { params: AgreementParams, body: jsonBody(FlowRequest) },
      responses: { 201: detail, ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { agreementId } = c.req.valid('param');
      await addFlow(deps, actor, { agreementId, flow: toFlow(c.req.valid('json')) });
      return c.json(await respond(actor, agreementId), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/agreements/{agreementId}/flows/{flowId}',
      tags,
      summary: 'Replace a flow of a Tier 2 draft',
      request: { params: FlowParams, body: jsonBody(FlowRequest) },
      responses: { 200: detail, ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { agreementId, flowId } = c.req.valid('param');
      await updateFlow(deps, actor, { agreementId, flowId, flow: toFlow(c.req.valid('json')) });
      return c.json(await respond(actor, agreementId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/agreements/{agreementId}/flows/{flowId}',
      tags,
      summary: 'Remove a flow from a Tier 2 draft',
      request: { params: FlowParams },
      responses: { 200: detail, ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { agreementId, flowId } = c.req.valid('param');
      await removeFlow(deps, actor, { agreementId, flowId });
      return c.json(await respond(actor, agreementId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/agreements/{agreementId}/submit',
      tags,
      summary: 'Send the draft for signature (refused, naming each field, if any check fails)',
      request: { params: AgreementParams, body: jsonBody(EmptyRequest) },
      responses: {
        200: jsonResponse(SubmittedResponse, 'Awaiting signatures, with any warnings'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { agreementId } = c.req.valid('param');
      const { warnings } = await submitAgreement(deps, actor, { agreementId });
      return c.json({ ...(await respond(actor, agreementId)), warnings: problemViews(warnings) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/agreements/{agreementId}/sign',
      tags,
      summary: 'Sign the version awaiting signatures, for your organisation (signatories)',
      request: { params: AgreementParams, body: jsonBody(SignRequest) },
      responses: { 200: detail, ...commonErrors },
    }),
    async (c) => {
      const { actor } = requireSession(c);
      const { agreementId } = c.req.valid('param');
      await signAgreement(deps, actor, { agreementId, version: c.req.valid('json').version });
      return c.json(await respond(actor, agreementId), 200);
    },
  );

  const lifecycle = (
    path: 'amend' | 'resume',
    summary: string,
    act: (actor: Actor, agreementId: string) => Promise<unknown>,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/agreements/{agreementId}/${path}`,
        tags,
        summary,
        request: { params: AgreementParams, body: jsonBody(EmptyRequest) },
        responses: { 200: detail, ...commonErrors },
      }),
      async (c) => {
        const { actor } = requireSession(c);
        const { agreementId } = c.req.valid('param');
        await act(actor, agreementId);
        return c.json(await respond(actor, agreementId), 200);
      },
    );
  lifecycle(
    'amend',
    'Start an amendment: a new draft version; the version in force stays in force',
    (actor, agreementId) => amendAgreement(deps, actor, { agreementId }),
  );
  lifecycle('resume', 'Resume a suspended agreement', (actor, agreementId) =>
    resumeAgreement(deps, actor, { agreementId }),
  );

  const withReason = (
    path: 'suspend' | 'terminate',
    summary: string,
    act: (actor: Actor, agreementId: string, reason: string) => Promise<unknown>,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/agreements/{agreementId}/${path}`,
        tags,
        summary,
        request: { params: AgreementParams, body: jsonBody(ReasonRequest) },
        responses: { 200: detail, ...commonErrors },
      }),
      async (c) => {
        const { actor } = requireSession(c);
        const { agreementId } = c.req.valid('param');
        await act(actor, agreementId, c.req.valid('json').reason);
        return c.json(await respond(actor, agreementId), 200);
      },
    );
  withReason(
    'suspend',
    'Suspend an agreement in force: its flows stop at once',
    (actor, agreementId, reason) => suspendAgreement(deps, actor, { agreementId, reason }),
  );
  withReason('terminate', 'Terminate an agreement for good', (actor, agreementId, reason) =>
    terminateAgreement(deps, actor, { agreementId, reason }),
  );
}
