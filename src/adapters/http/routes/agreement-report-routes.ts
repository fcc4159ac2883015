import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  agreementStatusLabels,
  agreementStatuses,
  confidentialityGroundLabels,
  confidentialityGrounds,
  flowFrequencies,
  flowFrequencyLabels,
  flowMethodDefinitions,
  flowMethods,
  tierLabels,
  tiers,
} from '../../../domain/agreements/agreement-terms.ts';
import { qualitySectionLabels, qualitySections } from '../../../domain/agreements/assess-quality.ts';
import { checkAgreementQuality } from '../../../domain/agreements/check-agreement-quality.ts';
import { checkCoverage } from '../../../domain/agreements/check-coverage.ts';
import { findAgreementOrganisations } from '../../../domain/agreements/find-agreement-organisations.ts';
import { findAgreementsDueForReview } from '../../../domain/agreements/find-agreements-due-for-review.ts';
import { findFlowRegister } from '../../../domain/agreements/find-flow-register.ts';
import { flowRegisterCsv } from '../../../domain/agreements/flow-register-csv.ts';
import { getAgreementCheck } from '../../../domain/agreements/get-agreement-check.ts';
import { renderAgreementDocument } from '../../../domain/agreements/render-agreement-document.ts';
import { gatewayKindLabels } from '../../../domain/gateways/gateway-kinds.ts';
import { authorise } from '../../../domain/partnership/authorise.ts';
import { capabilitiesOf, partnershipWide } from '../../../domain/partnership/capabilities.ts';
import { organisationTypeLabels, roleLabels, roles } from '../../../domain/partnership/roles.ts';
import {
  dataCategories,
  dataCategoryLabels,
  fieldGroupDefinitions,
  fieldGroups,
} from '../../../domain/policy/field-groups.ts';
import { agreementPurposes, purposeDefinitions } from '../../../domain/policy/purposes.ts';
import {
  AgreementOrganisationsResponse,
  AgreementReferenceResponse,
  CheckResponse,
  CoverageResponse,
  DueForReviewResponse,
  FlowRegisterResponse,
  QualityResponse,
} from '../contracts/agreement-views.ts';
import {
  AgreementParams,
  CoverageRequest,
  DueForReviewQuery,
  RegisterQuery,
  VersionQuery,
} from '../contracts/agreements.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonBody, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';
import { problemViews, summaryView } from './agreement-mapping.ts';

const tags = ['Agreements'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const file = (type: string, description: string) => ({
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
  description,
});
const labelled = <T extends string>(ids: readonly T[], labels: Record<T, string>) =>
  ids.map((id) => ({ id, label: labels[id] }));

/** Reports on agreements: reference lists, review, coverage, the flow register, quality, Word. */
export function agreementReportRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/reference',
      tags,
      summary: 'The vocabulary of agreements: purposes, field groups, methods, signatory roles…',
      responses: { 200: jsonResponse(AgreementReferenceResponse, 'Reference lists'), ...commonErrors },
    }),
    async (c) => {
      await authorise(
        deps,
        requireSession(c).actor,
        'read_agreements',
        partnershipWide,
        'agreement.reference',
      );
      return c.json(
        {
          tiers: labelled(tiers, tierLabels),
          statuses: labelled(agreementStatuses, agreementStatusLabels),
          purposes: agreementPurposes.map((id) => ({ id, ...purposeDefinitions[id] })),
          fieldGroups: fieldGroups.map((id) => ({ id, ...fieldGroupDefinitions[id] })),
          dataCategories: labelled(dataCategories, dataCategoryLabels),
          methods: flowMethods.map((id) => ({
            id,
            label: flowMethodDefinitions[id].label,
            secure: flowMethodDefinitions[id].weakness === null,
          })),
          frequencies: labelled(flowFrequencies, flowFrequencyLabels),
          confidentialityGrounds: labelled(confidentialityGrounds, confidentialityGroundLabels),
          signatoryRoles: roles
            .filter((r) => capabilitiesOf(r).includes('sign_agreements'))
            .map((id) => ({ id, label: roleLabels[id] })),
          qualitySections: labelled(qualitySections, qualitySectionLabels),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/organisations',
      tags,
      summary: 'The organisations of your partnership that agreements can name (no people)',
      responses: { 200: jsonResponse(AgreementOrganisationsResponse, 'Organisations'), ...commonErrors },
    }),
    async (c) => {
      const found = await findAgreementOrganisations(deps, requireSession(c).actor);
      return c.json(
        { organisations: found.map((o) => ({ ...o, typeLabel: organisationTypeLabels[o.type] })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/due-for-review',
      tags,
      summary: 'Agreements whose review date has passed or falls within the coming days',
      request: { query: DueForReviewQuery },
      responses: { 200: jsonResponse(DueForReviewResponse, 'Soonest first'), ...commonErrors },
    }),
    async (c) => {
      const due = await findAgreementsDueForReview(deps, requireSession(c).actor, c.req.valid('query'));
      return c.json(
        { agreements: due.map((a) => ({ ...summaryView(a), daysUntilReview: a.daysUntilReview })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/agreements/coverage',
      tags,
      summary: 'Is this sharing covered by an agreement in force? If not, every reason why',
      request: { body: jsonBody(CoverageRequest) },
      responses: {
        200: jsonResponse(CoverageResponse, 'Covered, or the reasons it is not'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await checkCoverage(deps, requireSession(c).actor, {
        ...body,
        at: body.at ? new Date(body.at) : undefined,
      });
      return c.json(
        {
          covered: result.covered,
          at: result.at.toISOString(),
          matches: result.covered
            ? result.matches.map((m) => ({
                ...m,
                gateways: m.gateways.map((g) => ({ ...g, kindLabel: gatewayKindLabels[g.kind] })),
              }))
            : [],
          reasons: result.covered ? [] : [...result.reasons],
        },
        200,
      );
    },
  );

  const register = async (actor: Parameters<typeof findFlowRegister>[1], at: string | undefined) =>
    findFlowRegister(deps, actor, { at: at ? new Date(at) : undefined });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/flows',
      tags,
      summary: 'The register of every flow in force, with its parties, purposes and bases',
      request: { query: RegisterQuery },
      responses: { 200: jsonResponse(FlowRegisterResponse, 'Flows in force'), ...commonErrors },
    }),
    async (c) => {
      const { at, flows } = await register(requireSession(c).actor, c.req.valid('query').at);
      return c.json(
        {
          at: at.toISOString(),
          flows: flows.map(({ id, from, to, ...f }) => ({
            ...f,
            flowId: id,
            from: [...from],
            to: [...to],
            purposes: [...f.purposes],
            fieldGroups: [...f.fieldGroups],
            dataCategories: [...f.dataCategories],
            statutoryGatewayIds: [...f.statutoryGatewayIds],
            otherGatewayIds: [...f.otherGatewayIds],
            gateways: [...f.gateways],
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/flows.csv',
      tags,
      summary: 'The flow register as CSV (cells that look like formulas are neutralised)',
      request: { query: RegisterQuery },
      responses: { 200: file('text/csv', 'CSV, UTF-8 with a byte order mark'), ...commonErrors },
    }),
    async (c) => {
      const { at, flows } = await register(requireSession(c).actor, c.req.valid('query').at);
      return c.body(flowRegisterCsv(flows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="flow-register-${at.toISOString().slice(0, 10)}.csv"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/{agreementId}/check',
      tags,
      summary: 'What would stop the latest version being submitted, and any warnings',
      request: { params: AgreementParams },
      responses: {
        200: jsonResponse(CheckResponse, 'Errors and warnings, each naming its field'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const result = await getAgreementCheck(deps, requireSession(c).actor, c.req.valid('param'));
      return c.json(
        {
          version: result.version,
          errors: problemViews(result.errors),
          warnings: problemViews(result.warnings),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/{agreementId}/quality',
      tags,
      summary: 'Quality check against the Tier 1 / Tier 2 template sections',
      request: { params: AgreementParams, query: VersionQuery },
      responses: {
        200: jsonResponse(QualityResponse, 'Each section: complete, weak or missing'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const report = await checkAgreementQuality(deps, requireSession(c).actor, {
        ...c.req.valid('param'),
        version: c.req.valid('query').version,
      });
      return c.json(
        {
          ...report,
          sections: report.sections.map((s) => ({ ...s, findings: [...s.findings] })),
          findings: [...report.findings],
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/agreements/{agreementId}/document.docx',
      tags,
      summary: 'The agreement as a Word document (latest version unless ?version= names one)',
      request: { params: AgreementParams, query: VersionQuery },
      responses: { 200: file(DOCX, 'Word document'), ...commonErrors },
    }),
    async (c) => {
      const { filename, content } = await renderAgreementDocument(deps, requireSession(c).actor, {
        ...c.req.valid('param'),
        version: c.req.valid('query').version,
      });
      return c.body(new Uint8Array(content), 200, {
        'content-type': DOCX,
        'content-disposition': `attachment; filename="${filename}"`,
      });
    },
  );
}
