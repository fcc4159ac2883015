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
import { agreementChangeRoutes } from './agreement-change-route.ts';
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

  // Every other change answers with the agreement as it now is (agreement-change-route.ts).
  const change = agreementChangeRoutes(app, detail, respond);
  change(
    {
      method: 'put',
      path: '/api/agreements/{agreementId}/draft',
      summary: "Replace the draft version's sections and parties",
      params: AgreementParams,
      body: UpdateDraftRequest,
    },
    (actor, { agreementId }, draft) =>
      updateAgreementDraft(deps, actor, { agreementId, content: toContent(draft) }),
  );
  change(
    {
      method: 'post',
      path: '/api/agreements/{agreementId}/flows',
      summary: 'Add a flow to a Tier 2 draft',
      params: AgreementParams,
      body: FlowRequest,
      status: 201,
    },
    (actor, { agreementId }, flow) => addFlow(deps, actor, { agreementId, flow: toFlow(flow) }),
  );
  change(
    {
      method: 'put',
      path: '/api/agreements/{agreementId}/flows/{flowId}',
      summary: 'Replace a flow of a Tier 2 draft',
      params: FlowParams,
      body: FlowRequest,
    },
    (actor, { agreementId, flowId }, flow) =>
      updateFlow(deps, actor, { agreementId, flowId, flow: toFlow(flow) }),
  );
  change(
    {
      method: 'delete',
      path: '/api/agreements/{agreementId}/flows/{flowId}',
      summary: 'Remove a flow from a Tier 2 draft',
      params: FlowParams,
    },
    (actor, ids) => removeFlow(deps, actor, ids),
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

  change(
    {
      method: 'post',
      path: '/api/agreements/{agreementId}/sign',
      summary: 'Sign the version awaiting signatures, for your organisation (signatories)',
      params: AgreementParams,
      body: SignRequest,
    },
    (actor, { agreementId }, { version, declaration }) =>
      signAgreement(deps, actor, { agreementId, version, declaration }),
  );
  change(
    {
      method: 'post',
      path: '/api/agreements/{agreementId}/amend',
      summary: 'Start an amendment: a new draft version; the version in force stays in force',
      params: AgreementParams,
      body: EmptyRequest,
    },
    (actor, { agreementId }) => amendAgreement(deps, actor, { agreementId }),
  );
  change(
    {
      method: 'post',
      path: '/api/agreements/{agreementId}/resume',
      summary: 'Resume a suspended agreement',
      params: AgreementParams,
      body: EmptyRequest,
    },
    (actor, { agreementId }) => resumeAgreement(deps, actor, { agreementId }),
  );
  change(
    {
      method: 'post',
      path: '/api/agreements/{agreementId}/suspend',
      summary: 'Suspend an agreement in force: its flows stop at once',
      params: AgreementParams,
      body: ReasonRequest,
    },
    (actor, { agreementId }, { reason }) => suspendAgreement(deps, actor, { agreementId, reason }),
  );
  change(
    {
      method: 'post',
      path: '/api/agreements/{agreementId}/terminate',
      summary: 'Terminate an agreement for good',
      params: AgreementParams,
      body: ReasonRequest,
    },
    (actor, { agreementId }, { reason }) => terminateAgreement(deps, actor, { agreementId, reason }),
  );
}
