import { z } from '@hono/zod-openapi';

/** Responses of the agreements API. Dates are YYYY-MM-DD; instants are ISO 8601 strings. */

const date = z.string().openapi({ format: 'date', example: '2026-04-01' });
const instant = z.string().openapi({ format: 'date-time' });

export const NamedOrganisationView = z
  .object({ organisationId: z.string(), name: z.string() })
  .openapi('NamedOrganisation');

export const ProblemView = z
  .object({ field: z.string(), problem: z.string(), rule: z.string() })
  .openapi('AgreementProblem');

export const GatewayView = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    citation: z.string(),
  })
  .openapi('AgreementGateway');

export const AgreementSummaryView = z
  .object({
    id: z.string(),
    reference: z.string().openapi({ example: 'T2-014' }),
    tier: z.enum(['tier1', 'tier2']),
    tierLabel: z.string(),
    title: z.string(),
    status: z.string().openapi({
      description:
        'draft, awaiting_signatures, signed_not_started, active, review_due, suspended, expired, superseded or terminated',
    }),
    statusLabel: z.string(),
    inForce: z.boolean().openapi({
      description: 'A version applies now (signed, started, not ended or stopped, its Tier 1 in force)',
    }),
    versionInForce: z.number().nullable(),
    latestVersion: z.number(),
    pendingVersion: z
      .number()
      .nullable()
      .openapi({ description: 'A draft or awaiting-signatures version not yet in force' }),
    startDate: date,
    reviewDate: date,
    endDate: date.nullable(),
    tier1: z.object({ id: z.string(), reference: z.string() }).nullable(),
    parties: z.array(NamedOrganisationView),
    suspension: z.object({ since: instant, reason: z.string() }).nullable(),
    termination: z.object({ at: instant, reason: z.string() }).nullable(),
  })
  .openapi('AgreementSummary');

export const FlowView = z
  .object({
    id: z.string(),
    position: z.number(),
    name: z.string(),
    from: z.array(NamedOrganisationView),
    to: z.array(NamedOrganisationView),
    purposes: z.array(z.string()),
    fieldGroups: z.array(z.string()),
    dataCategories: z.array(z.string()),
    art6BasisId: z.string(),
    art9ConditionId: z.string().nullable(),
    art9Sched1ConditionId: z.string().nullable(),
    art10ConditionId: z.string().nullable(),
    art10Sched1ConditionId: z.string().nullable(),
    statutoryGatewayIds: z.array(z.string()),
    confidentialityGatewayId: z.string().nullable(),
    confidentialityGround: z.string().nullable(),
    otherGatewayIds: z.array(z.string()),
    method: z.string(),
    methodDetail: z.string().nullable(),
    frequency: z.string(),
    retention: z.string().nullable(),
    dpiaReference: z.string().nullable(),
  })
  .openapi('AgreementFlow');

export const VersionView = z
  .object({
    version: z.number(),
    status: z.string(),
    statusLabel: z.string(),
    title: z.string(),
    summary: z.string(),
    purposes: z.array(z.string()),
    parties: z.array(NamedOrganisationView.extend({ contact: z.string().nullable(), signed: z.boolean() })),
    startDate: date,
    reviewDate: date,
    endDate: date.nullable(),
    security: z.string(),
    retention: z.string(),
    rights: z.string(),
    gatewayIds: z.array(z.string()),
    dataCategories: z.array(z.string()),
    flows: z.array(FlowView),
    signatures: z.array(
      NamedOrganisationView.extend({
        userId: z.string(),
        signerName: z.string(),
        role: z.string(),
        roleLabel: z.string(),
        signedAt: instant,
      }),
    ),
    awaitingSignatureFrom: z.array(NamedOrganisationView),
    createdAt: instant,
    submittedAt: instant.nullable(),
    activatedAt: instant.nullable(),
    supersededAt: instant.nullable(),
  })
  .openapi('AgreementVersion');

export const AgreementDetailView = AgreementSummaryView.extend({
  versions: z.array(VersionView).openapi({ description: 'Oldest first: the whole history, never edited' }),
  tier2Agreements: z.array(
    z.object({ id: z.string(), reference: z.string(), title: z.string(), status: z.string() }),
  ),
  gateways: z
    .array(GatewayView)
    .openapi({ description: 'Every gateway any version cites, from the catalogue' }),
}).openapi('Agreement');

export const AgreementResponse = z.object({ agreement: AgreementDetailView });
export const SubmittedResponse = z.object({ agreement: AgreementDetailView, warnings: z.array(ProblemView) });
export const AgreementListResponse = z.object({ agreements: z.array(AgreementSummaryView) });
export const DueForReviewResponse = z.object({
  agreements: z.array(AgreementSummaryView.extend({ daysUntilReview: z.number() })),
});

export const CheckResponse = z
  .object({ version: z.number(), errors: z.array(ProblemView), warnings: z.array(ProblemView) })
  .openapi('AgreementCheck');

const QualityFindingView = z.object({
  section: z.string(),
  severity: z.enum(['missing', 'weak']),
  message: z.string(),
});
export const QualityResponse = z
  .object({
    agreementId: z.string(),
    reference: z.string(),
    version: z.number(),
    status: z.string(),
    sections: z.array(
      z.object({
        section: z.string(),
        label: z.string(),
        status: z.enum(['complete', 'weak', 'missing']),
        findings: z.array(QualityFindingView),
      }),
    ),
    findings: z.array(QualityFindingView),
  })
  .openapi('AgreementQuality');

export const CoverageResponse = z
  .object({
    covered: z.boolean(),
    at: instant,
    matches: z.array(
      z.object({
        agreementId: z.string(),
        reference: z.string(),
        title: z.string(),
        version: z.number(),
        flowId: z.string(),
        flowPosition: z.number(),
        flowName: z.string(),
        gateways: z.array(GatewayView),
      }),
    ),
    reasons: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        agreementId: z.string().optional(),
        reference: z.string().optional(),
        version: z.number().optional(),
        flowId: z.string().optional(),
      }),
    ),
  })
  .openapi('Coverage');

export const FlowRegisterResponse = z
  .object({
    at: instant,
    flows: z.array(
      FlowView.omit({ id: true }).extend({
        flowId: z.string(),
        agreementId: z.string(),
        reference: z.string(),
        title: z.string(),
        version: z.number(),
        gateways: z.array(z.object({ id: z.string(), title: z.string() })),
        startDate: date,
        reviewDate: date,
        endDate: date.nullable(),
      }),
    ),
  })
  .openapi('FlowRegister');

const option = z.object({ id: z.string(), label: z.string() });
export const AgreementReferenceResponse = z
  .object({
    tiers: z.array(option),
    statuses: z.array(option),
    purposes: z.array(option.extend({ description: z.string(), statutoryGateway: z.string().nullable() })),
    fieldGroups: z.array(option.extend({ category: z.string(), description: z.string() })),
    dataCategories: z.array(option),
    methods: z.array(option.extend({ secure: z.boolean() })),
    frequencies: z.array(option),
    confidentialityGrounds: z.array(option),
    signatoryRoles: z.array(option),
    qualitySections: z.array(option),
  })
  .openapi('AgreementReference');

export const AgreementOrganisationsResponse = z
  .object({
    organisations: z.array(
      z.object({ id: z.string(), name: z.string(), type: z.string(), typeLabel: z.string() }).strict(),
    ),
  })
  .openapi('AgreementOrganisations');
