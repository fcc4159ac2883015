import type { AgreementContent, FlowContent } from '../agreements/agreement-terms.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { Purpose } from '../policy/purposes.ts';
import { demoOrganisations } from './northshire.ts';

/**
 * Northshire's agreements: one Tier 1 framework and the Tier 2 agreements a real partnership
 * has (front door, s47 enquiries, Operation Encompass, child protection status to health, early
 * help with consent, youth justice). DEMO ONLY, like the rest of the Northshire data.
 */
const keys = [
  'csc',
  'education',
  'police',
  'trust',
  'icb',
  'gp',
  'school',
  'yjs',
  'probation',
  'housing',
  'charity',
] as const;
export type OrgKey = (typeof keys)[number];
export const orgId = (key: OrgKey): string => demoOrganisations.find((o) => o.key === key)!.id;

export interface DemoAgreement {
  readonly key: string;
  /** Months before the first of this month that it started. */
  readonly startedMonthsAgo: number;
  readonly reviewAfterMonths: number;
  readonly content: Omit<AgreementContent, 'startDate' | 'reviewDate'>;
  readonly flows: readonly FlowContent[];
}

export const security =
  'Information is shared through Tessera, or by secure email where Tessera cannot be used, and never by ' +
  'ordinary email. Each party holds it on systems that meet the NHS Data Security and Protection Toolkit or ' +
  'an equivalent standard, limits access to those who need it, and reports any personal data breach ' +
  'involving shared information to the other parties within 24 hours, so that the controller can tell the ' +
  'ICO within 72 hours where it must (UK GDPR Art 33).';
export const rights =
  'Each party tells people about this sharing in its privacy notice (UK GDPR Arts 13 and 14), unless ' +
  'telling them would put a child at risk. A subject access request that covers information from another ' +
  'party is answered by the party that received it, after consulting the party that supplied it; exemptions ' +
  '(DPA 2018 Schedules 2 and 3) are applied case by case. Each party has an appropriate policy document for ' +
  'the Schedule 1 conditions it relies on.';
export const partiesOf = (...ks: OrgKey[]) =>
  ks.map((k) => ({ organisationId: orgId(k), contact: 'Data protection officer' }));

export const flow = (
  name: string,
  from: OrgKey[],
  to: OrgKey[],
  purposes: Purpose[],
  fieldGroups: FieldGroup[],
  legal: Partial<FlowContent>,
  extra: Partial<FlowContent> = {},
): FlowContent => ({
  name,
  fromOrganisationIds: from.map(orgId),
  toOrganisationIds: to.map(orgId),
  purposes,
  fieldGroups,
  art6BasisId: 'UKGDPR-6-1-e',
  art9ConditionId: null,
  art9Sched1ConditionId: null,
  art10ConditionId: null,
  art10Sched1ConditionId: null,
  statutoryGatewayIds: [],
  confidentialityGatewayId: null,
  confidentialityGround: null,
  otherGatewayIds: [],
  method: 'tessera',
  methodDetail: null,
  frequency: 'per_case',
  retention: 'Kept on the child’s social care record for 35 years after the case closes',
  dpiaReference: 'NSCP-DPIA-2026-01',
  ...legal,
  ...extra,
});

export const safeguardingHealth = {
  art9ConditionId: 'UKGDPR-9-2-g',
  art9Sched1ConditionId: 'DPA-S1-P18',
  confidentialityGatewayId: 'CLDC',
  confidentialityGround: 'overriding_public_interest',
} as const;
export const offenceData = (sched1 = 'DPA-S1-P18') => ({
  art10ConditionId: 'UKGDPR-10',
  art10Sched1ConditionId: sched1,
});
export const front: Purpose[] = ['front_door_screening', 'strategy_discussion'];
export const s47: Purpose[] = ['strategy_discussion', 's47_enquiry', 'child_protection_conference'];

export const demoTier1: DemoAgreement = {
  key: 'tier1',
  startedMonthsAgo: 12,
  reviewAfterMonths: 36,
  content: {
    title: 'Northshire Safeguarding Children Partnership overarching information sharing agreement',
    summary:
      'The partners share information about children and their families so that children get the right help ' +
      'at the right time and are protected from abuse and neglect (Working Together to Safeguard Children ' +
      '2023). This agreement sets the principles; the Tier 2 agreements under it say who shares what.',
    purposes: [
      'early_help',
      'child_in_need_assessment',
      'front_door_screening',
      'strategy_discussion',
      's47_enquiry',
      'child_protection_conference',
      'looked_after_care',
      'operation_encompass',
      'learning_review',
      'multi_agency_audit',
      's16h_request',
    ],
    parties: partiesOf(...keys),
    endDate: null,
    security,
    retention:
      'Each party keeps shared information for the periods in its own retention schedule and no longer; ' +
      'the Tier 2 agreements give the period for each flow.',
    rights,
    gatewayIds: [
      'CA1989-S17',
      'CA1989-S47',
      'CA2004-S10',
      'CA2004-S11',
      'CA2004-S16E',
      'CA2004-S16H',
      'EA2002-S175',
      'VPA2024-OPENCOMPASS',
      'CDA1998-S115',
      'WT2023',
      'UKGDPR-6-1-a',
      'UKGDPR-6-1-c',
      'UKGDPR-6-1-e',
      'UKGDPR-9-2-g',
      'UKGDPR-9-2-h',
      'DPA-S1-P2',
      'DPA-S1-P6',
      'DPA-S1-P18',
      'UKGDPR-10',
      'CLDC',
    ],
    dataCategories: ['personal', 'special_category', 'criminal_offence'],
  },
  flows: [],
};
