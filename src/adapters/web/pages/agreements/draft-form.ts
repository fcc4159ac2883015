// The draft form's state (a Tier 2 with its first flow, or a Tier 1 with its purposes, gateways
// and data categories), and the request bodies it becomes. Field ids are the API's
// field names (flows.0.art6BasisId), so that a 400's `fields` find their inputs.
import type { AgreementFlow, AgreementVersion, FieldProblem, FlowBody } from '../../api-types.ts';

export interface FlowForm {
  name: string;
  fromOrganisationIds: string[];
  toOrganisationIds: string[];
  purposes: string[];
  fieldGroups: string[];
  art6BasisId: string;
  art9ConditionId: string;
  art9Sched1ConditionId: string;
  art10ConditionId: string;
  art10Sched1ConditionId: string;
  statutoryGatewayId: string;
  confidentialityGatewayId: string;
  confidentialityGround: string;
  method: string;
  frequency: string;
  retention: string;
  dpiaReference: string;
  /** Kept as they were when editing: the form has no fields for them. */
  readonly kept: {
    readonly extraStatutoryGatewayIds: readonly string[];
    readonly otherGatewayIds: readonly string[];
    readonly dataCategories: readonly string[];
    readonly methodDetail: string | null;
  };
}

export interface DraftForm {
  tier1AgreementId: string;
  title: string;
  summary: string;
  parties: string[];
  startDate: string;
  reviewDate: string;
  security: string;
  retention: string;
  rights: string;
  /** Tier 1 only: what the framework covers, and the gateways of its appendix. */
  purposes: string[];
  gatewayIds: string[];
  dataCategories: string[];
  flow: FlowForm;
  /**
   * Whom to contact about the agreement at each party, by organisation id (the quality check
   * asks for one: assess-quality.ts). Kept for a party unticked and ticked again.
   */
  contacts: Readonly<Record<string, string | null>>;
  /** Kept as it was when editing: the form has no field for it. */
  readonly endDate: string | null;
}

export const emptyFlow: FlowForm = {
  name: '',
  fromOrganisationIds: [],
  toOrganisationIds: [],
  purposes: [],
  fieldGroups: [],
  art6BasisId: '',
  art9ConditionId: '',
  art9Sched1ConditionId: '',
  art10ConditionId: '',
  art10Sched1ConditionId: '',
  statutoryGatewayId: '',
  confidentialityGatewayId: '',
  confidentialityGround: '',
  method: '',
  frequency: '',
  retention: '',
  dpiaReference: '',
  kept: { extraStatutoryGatewayIds: [], otherGatewayIds: [], dataCategories: [], methodDetail: null },
};

export const emptyDraft: DraftForm = {
  tier1AgreementId: '',
  title: '',
  summary: '',
  parties: [],
  startDate: '',
  reviewDate: '',
  security: '',
  retention: '',
  rights: '',
  purposes: [],
  gatewayIds: [],
  dataCategories: [],
  flow: emptyFlow,
  contacts: {},
  endDate: null,
};

const SECTION_FIELDS = [
  'tier1AgreementId',
  'title',
  'summary',
  'parties',
  'startDate',
  'reviewDate',
  'security',
  'retention',
  'rights',
  'purposes',
  'gatewayIds',
  'dataCategories',
];
export const FLOW_FIELDS = [
  'name',
  'fromOrganisationIds',
  'toOrganisationIds',
  'purposes',
  'fieldGroups',
  'art6BasisId',
  'art9ConditionId',
  'art9Sched1ConditionId',
  'art10ConditionId',
  'art10Sched1ConditionId',
  'statutoryGatewayIds',
  'confidentialityGatewayId',
  'confidentialityGround',
  'method',
  'frequency',
  'retention',
  'dpiaReference',
] as const;
export const FORM_FIELDS = [...SECTION_FIELDS, ...FLOW_FIELDS.map((f) => `flows.0.${f}`)];

/**
 * A problem about `parties.1.organisationId` or `flows.0.toOrganisationIds.1` belongs to the
 * field that holds the list; a flow endpoint's problems (no `flows.0.` prefix) to the flow's fields.
 */
export function problemsForForm(problems: readonly FieldProblem[], flowEndpoint = false): FieldProblem[] {
  return problems.map(({ field, problem }) => {
    const named = flowEndpoint && field !== '(body)' ? `flows.0.${field}` : field;
    const owner = [...FORM_FIELDS]
      .sort((a, b) => b.length - a.length)
      .find((f) => named === f || named.startsWith(`${f}.`));
    return { field: owner ?? named, problem };
  });
}

const orNull = (value: string) => (value.trim() === '' ? null : value);

/** The codes come from the server's reference lists, and the server checks them again. */
export function flowBody(flow: FlowForm): FlowBody {
  return {
    name: flow.name,
    fromOrganisationIds: flow.fromOrganisationIds,
    toOrganisationIds: flow.toOrganisationIds,
    purposes: flow.purposes,
    fieldGroups: flow.fieldGroups,
    art6BasisId: flow.art6BasisId,
    art9ConditionId: orNull(flow.art9ConditionId),
    art9Sched1ConditionId: orNull(flow.art9Sched1ConditionId),
    art10ConditionId: orNull(flow.art10ConditionId),
    art10Sched1ConditionId: orNull(flow.art10Sched1ConditionId),
    statutoryGatewayIds: [
      ...(flow.statutoryGatewayId === '' ? [] : [flow.statutoryGatewayId]),
      ...flow.kept.extraStatutoryGatewayIds,
    ],
    otherGatewayIds: [...flow.kept.otherGatewayIds],
    // Omitted unless kept: an empty list would claim the flow shares no category of data.
    ...(flow.kept.dataCategories.length === 0 ? {} : { dataCategories: [...flow.kept.dataCategories] }),
    methodDetail: flow.kept.methodDetail,
    confidentialityGatewayId: orNull(flow.confidentialityGatewayId),
    confidentialityGround: orNull(flow.confidentialityGround),
    method: flow.method,
    frequency: flow.frequency,
    retention: orNull(flow.retention),
    dpiaReference: orNull(flow.dpiaReference),
  } as FlowBody;
}

export function sectionsBody(form: DraftForm) {
  return {
    title: form.title,
    summary: form.summary,
    parties: form.parties.map((organisationId) => ({
      organisationId,
      contact: orNull(form.contacts[organisationId] ?? ''),
    })),
    startDate: form.startDate,
    reviewDate: form.reviewDate,
    endDate: form.endDate,
    security: form.security,
    retention: form.retention,
    rights: form.rights,
  };
}

/** A Tier 1's own sections; a Tier 2's purposes and categories come from its flows. */
export function tier1Body(form: DraftForm) {
  return { purposes: form.purposes, gatewayIds: form.gatewayIds, dataCategories: form.dataCategories };
}

const text = (value: string | null) => value ?? '';

export function flowFormOf(flow: AgreementFlow | undefined): FlowForm {
  if (!flow) return emptyFlow;
  return {
    name: flow.name,
    fromOrganisationIds: flow.from.map((o) => o.organisationId),
    toOrganisationIds: flow.to.map((o) => o.organisationId),
    purposes: [...flow.purposes],
    fieldGroups: [...flow.fieldGroups],
    art6BasisId: flow.art6BasisId,
    art9ConditionId: text(flow.art9ConditionId),
    art9Sched1ConditionId: text(flow.art9Sched1ConditionId),
    art10ConditionId: text(flow.art10ConditionId),
    art10Sched1ConditionId: text(flow.art10Sched1ConditionId),
    statutoryGatewayId: flow.statutoryGatewayIds[0] ?? '',
    confidentialityGatewayId: text(flow.confidentialityGatewayId),
    confidentialityGround: text(flow.confidentialityGround),
    method: flow.method,
    frequency: flow.frequency,
    retention: text(flow.retention),
    dpiaReference: text(flow.dpiaReference),
    kept: {
      extraStatutoryGatewayIds: flow.statutoryGatewayIds.slice(1),
      otherGatewayIds: flow.otherGatewayIds,
      dataCategories: flow.dataCategories,
      methodDetail: flow.methodDetail,
    },
  };
}

export function draftFormOf(version: AgreementVersion, tier1AgreementId: string): DraftForm {
  return {
    tier1AgreementId,
    title: version.title,
    summary: version.summary,
    parties: version.parties.map((p) => p.organisationId),
    startDate: version.startDate,
    reviewDate: version.reviewDate,
    security: version.security,
    retention: version.retention,
    rights: version.rights,
    purposes: [...version.purposes],
    gatewayIds: [...version.gatewayIds],
    dataCategories: [...version.dataCategories],
    flow: flowFormOf(version.flows[0]),
    contacts: Object.fromEntries(version.parties.map((p) => [p.organisationId, p.contact])),
    endDate: version.endDate,
  };
}
