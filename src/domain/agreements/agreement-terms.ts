import { plainDate } from '../shared/plain-date.ts';
import type { DataCategory, FieldGroup } from '../policy/field-groups.ts';
import type { Purpose } from '../policy/purposes.ts';

/**
 * The vocabulary of data sharing agreements, as closed unions with labels (STYLE.md practice 2).
 * A Tier 1 agreement is the partnership's strategic framework; a Tier 2 agreement sets out, flow
 * by flow, who shares what with whom, why and under which gateways (Somerset toolkit, seed 000).
 */
export const tiers = ['tier1', 'tier2'] as const;
export type Tier = (typeof tiers)[number];

export const tierLabels = {
  tier1: 'Tier 1 (strategic) agreement',
  tier2: 'Tier 2 (operational) agreement',
} as const satisfies Record<Tier, string>;

/** What is stored on a version. Everything else a reader sees is derived (agreement-status.ts). */
export const storedVersionStatuses = ['draft', 'awaiting_signatures', 'active', 'superseded'] as const;
export type StoredVersionStatus = (typeof storedVersionStatuses)[number];

/** The status a person sees: stored status, plus suspension, termination, review and end dates. */
export const agreementStatuses = [
  'draft',
  'awaiting_signatures',
  'signed_not_started',
  'active',
  'review_due',
  'suspended',
  'expired',
  'superseded',
  'terminated',
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const agreementStatusLabels = {
  draft: 'Draft',
  awaiting_signatures: 'Awaiting signatures',
  signed_not_started: 'Signed, not yet in force',
  active: 'Active',
  review_due: 'Active, review due',
  suspended: 'Suspended',
  expired: 'Expired',
  superseded: 'Superseded',
  terminated: 'Terminated',
} as const satisfies Record<AgreementStatus, string>;

/**
 * A status in words with its date where the date is the news: an agreement signed by every
 * party whose start date is still ahead is "Signed, in force from 4 Jan 2027", never "Active"
 * (nothing flows under it until then; find-flows-in-force.ts leaves it out).
 */
export function agreementStatusLabel(status: AgreementStatus, startDate: string): string {
  return status === 'signed_not_started'
    ? `Signed, in force from ${plainDate(startDate)}`
    : agreementStatusLabels[status];
}

/** How information travels in a flow, and whether the channel itself protects it (UK GDPR Art 32). */
export const flowMethods = [
  'tessera',
  'secure_email',
  'secure_file_transfer',
  'system_interface',
  'meeting',
  'telephone',
  'email',
  'post',
] as const;
export type FlowMethod = (typeof flowMethods)[number];

export interface FlowMethodDefinition {
  readonly label: string;
  /** Null when the channel is secure; otherwise what the quality check says about it ("the method 'email' …"). */
  readonly weakness: string | null;
}

export const flowMethodDefinitions = {
  tessera: { label: 'Tessera (this service)', weakness: null },
  secure_email: { label: 'Secure email (encrypted end to end, e.g. NHSmail)', weakness: null },
  secure_file_transfer: { label: 'Secure file transfer', weakness: null },
  system_interface: { label: 'System to system interface', weakness: null },
  meeting: { label: 'Multi-agency meeting (minuted)', weakness: null },
  telephone: {
    label: 'Telephone',
    weakness: 'needs the caller’s identity checked and the call recorded afterwards',
  },
  email: { label: 'Email', weakness: 'gives no secure channel' },
  post: { label: 'Post', weakness: 'gives no secure channel unless sent tracked and sealed' },
} as const satisfies Record<FlowMethod, FlowMethodDefinition>;

export const flowFrequencies = ['real_time', 'daily', 'weekly', 'monthly', 'per_case', 'on_request'] as const;
export type FlowFrequency = (typeof flowFrequencies)[number];

export const flowFrequencyLabels = {
  real_time: 'As it happens',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  per_case: 'For each case, as needed',
  on_request: 'On request',
} as const satisfies Record<FlowFrequency, string>;

/**
 * Grounds on which confidential information may be disclosed at common law (DOMAIN.md section 1,
 * CLDC): consent (explicit, or implied for direct care), a legal requirement or permission
 * (statute, court order), or an overriding public interest such as protecting a child from harm.
 */
export const confidentialityGrounds = [
  'consent',
  'implied_consent_direct_care',
  'legal_requirement',
  'overriding_public_interest',
] as const;
export type ConfidentialityGround = (typeof confidentialityGrounds)[number];

export const confidentialityGroundLabels = {
  consent: 'Consent of the person (or of someone with parental responsibility)',
  implied_consent_direct_care: 'Implied consent for direct care',
  legal_requirement: 'Required or permitted by law (statute or court order)',
  overriding_public_interest: 'Overriding public interest (protecting a child from significant harm)',
} as const satisfies Record<ConfidentialityGround, string>;

/** A party to an agreement, with the person to contact about it. */
export interface PartyContent {
  readonly organisationId: string;
  readonly contact: string | null;
}

/** The sections of an agreement version other than its flows. */
export interface AgreementContent {
  readonly title: string;
  /** The "Purpose" section: why the parties share, in words. */
  readonly summary: string;
  readonly purposes: readonly Purpose[];
  readonly parties: readonly PartyContent[];
  /** Calendar dates (YYYY-MM-DD), read in UK local time. */
  readonly startDate: string;
  readonly reviewDate: string;
  readonly endDate: string | null;
  readonly security: string;
  readonly retention: string;
  readonly rights: string;
  /** Tier 1 only: the gateways the partnership relies on (its "Appendix 3"). */
  readonly gatewayIds: readonly string[];
  /** Tier 1 only: the categories of data shared under the framework. */
  readonly dataCategories: readonly DataCategory[];
}

/** One Tier 2 flow: who shares what with whom, why, how and under which gateways. */
export interface FlowContent {
  readonly name: string;
  readonly fromOrganisationIds: readonly string[];
  readonly toOrganisationIds: readonly string[];
  readonly purposes: readonly Purpose[];
  readonly fieldGroups: readonly FieldGroup[];
  /** When given, must match the categories of the field groups; stored as derived. */
  readonly dataCategories?: readonly DataCategory[] | undefined;
  readonly art6BasisId: string;
  readonly art9ConditionId: string | null;
  readonly art9Sched1ConditionId: string | null;
  readonly art10ConditionId: string | null;
  readonly art10Sched1ConditionId: string | null;
  readonly statutoryGatewayIds: readonly string[];
  readonly confidentialityGatewayId: string | null;
  readonly confidentialityGround: ConfidentialityGround | null;
  /** Anything else relied on or followed: DPA Part 3, Caldicott principles, guidance. */
  readonly otherGatewayIds: readonly string[];
  readonly method: FlowMethod;
  readonly methodDetail: string | null;
  readonly frequency: FlowFrequency;
  readonly retention: string | null;
  readonly dpiaReference: string | null;
}

/** Every gateway a flow cites, in a stable order: statute first, then the DP conditions, then CLDC. */
export function flowGatewayIds(flow: FlowContent): string[] {
  const ids = [
    ...flow.statutoryGatewayIds,
    flow.art6BasisId,
    flow.art9ConditionId,
    flow.art9Sched1ConditionId,
    flow.art10ConditionId,
    flow.art10Sched1ConditionId,
    flow.confidentialityGatewayId,
    ...flow.otherGatewayIds,
  ].filter((id): id is string => typeof id === 'string' && id.length > 0);
  return [...new Set(ids)];
}
