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
type OrgKey = (typeof keys)[number];
export const orgId = (key: OrgKey): string => demoOrganisations.find((o) => o.key === key)!.id;

export interface DemoAgreement {
  readonly key: string;
  /** Months before the first of this month that it started. */
  readonly startedMonthsAgo: number;
  readonly reviewAfterMonths: number;
  readonly content: Omit<AgreementContent, 'startDate' | 'reviewDate'>;
  readonly flows: readonly FlowContent[];
}

const security =
  'Information is shared through Tessera, or by secure email where Tessera cannot be used, and never by ' +
  'ordinary email. Each party holds it on systems that meet the NHS Data Security and Protection Toolkit or ' +
  'an equivalent standard, limits access to those who need it, and reports any personal data breach ' +
  'involving shared information to the other parties within 24 hours, so that the controller can tell the ' +
  'ICO within 72 hours where it must (UK GDPR Art 33).';
const rights =
  'Each party tells people about this sharing in its privacy notice (UK GDPR Arts 13 and 14), unless ' +
  'telling them would put a child at risk. A subject access request that covers information from another ' +
  'party is answered by the party that received it, after consulting the party that supplied it; exemptions ' +
  '(DPA 2018 Schedules 2 and 3) are applied case by case. Each party has an appropriate policy document for ' +
  'the Schedule 1 conditions it relies on.';
const partiesOf = (...ks: OrgKey[]) =>
  ks.map((k) => ({ organisationId: orgId(k), contact: 'Data protection officer' }));

const flow = (
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

const safeguardingHealth = {
  art9ConditionId: 'UKGDPR-9-2-g',
  art9Sched1ConditionId: 'DPA-S1-P18',
  confidentialityGatewayId: 'CLDC',
  confidentialityGround: 'overriding_public_interest',
} as const;
const offenceData = (sched1 = 'DPA-S1-P18') => ({
  art10ConditionId: 'UKGDPR-10',
  art10Sched1ConditionId: sched1,
});
const front: Purpose[] = ['front_door_screening', 'strategy_discussion'];
const s47: Purpose[] = ['strategy_discussion', 's47_enquiry', 'child_protection_conference'];

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

const tier2 = (
  key: string,
  startedMonthsAgo: number,
  title: string,
  summary: string,
  parties: OrgKey[],
  flows: FlowContent[],
): DemoAgreement => ({
  key,
  startedMonthsAgo,
  reviewAfterMonths: 12,
  content: {
    title,
    summary,
    purposes: [],
    parties: partiesOf(...parties),
    endDate: null,
    security,
    retention: '',
    rights,
    gatewayIds: [],
    dataCategories: [],
  },
  flows,
});

export const demoTier2: readonly DemoAgreement[] = [
  tier2(
    'front-door',
    7,
    'Front door (MASH) partner checks',
    'Partner agencies tell the front door what they know about a child so that a qualified social worker can decide, quickly and on the facts, what help or protection the child needs.',
    ['csc', 'police', 'trust', 'gp', 'school', 'housing', 'probation'],
    [
      flow(
        'Police checks',
        ['police'],
        ['csc'],
        front,
        ['identity', 'family_household', 'police_incidents', 'domestic_abuse_notifications'],
        { statutoryGatewayIds: ['CA2004-S16E', 'CA2004-S11'], ...offenceData() },
      ),
      flow(
        'Health checks',
        ['trust', 'gp'],
        ['csc'],
        front,
        ['identity', 'physical_health', 'mental_health'],
        { statutoryGatewayIds: ['CA2004-S16E', 'CA2004-S11'], ...safeguardingHealth },
      ),
      flow(
        'School checks',
        ['school'],
        ['csc'],
        front,
        ['identity', 'education', 'attendance_exclusions', 'special_educational_needs'],
        { statutoryGatewayIds: ['CA2004-S16E', 'EA2002-S175'], ...safeguardingHealth },
      ),
      flow('Housing checks', ['housing'], ['csc'], front, ['identity', 'contact', 'housing'], {
        statutoryGatewayIds: ['CA2004-S16E', 'CA2004-S11'],
      }),
      flow(
        'Probation checks',
        ['probation'],
        ['csc'],
        front,
        ['identity', 'family_household', 'police_incidents'],
        { statutoryGatewayIds: ['CA2004-S16E', 'CA2004-S11'], ...offenceData() },
      ),
      flow(
        'Outcome to the referrer',
        ['csc'],
        ['police', 'trust', 'gp', 'school'],
        ['front_door_screening'],
        ['identity', 'social_care_involvement'],
        { statutoryGatewayIds: ['CA2004-S16E'] },
      ),
    ],
  ),
  tier2(
    's47',
    7,
    'Strategy discussions and section 47 enquiries',
    'Where there is reasonable cause to suspect a child is suffering, or likely to suffer, significant harm, the council and its partners share what they know to decide whether to make enquiries under Children Act 1989 s47, and to carry them out.',
    ['csc', 'police', 'trust', 'gp', 'school'],
    [
      flow(
        'Police information',
        ['police'],
        ['csc'],
        s47,
        ['identity', 'family_household', 'police_incidents'],
        { statutoryGatewayIds: ['CA1989-S47'], ...offenceData() },
      ),
      flow(
        'Health information',
        ['trust', 'gp'],
        ['csc'],
        s47,
        ['identity', 'physical_health', 'mental_health', 'sexual_health'],
        {
          art6BasisId: 'UKGDPR-6-1-c',
          statutoryGatewayIds: ['CA1989-S47'],
          ...safeguardingHealth,
          confidentialityGround: 'legal_requirement',
        },
      ),
      flow(
        'School information',
        ['school'],
        ['csc'],
        s47,
        ['identity', 'education', 'attendance_exclusions'],
        { statutoryGatewayIds: ['CA1989-S47', 'EA2002-S175'] },
      ),
      flow(
        'Social care information for the strategy discussion',
        ['csc'],
        ['police', 'trust', 'gp', 'school'],
        s47,
        ['identity', 'family_household', 'social_care_involvement', 'child_protection_status'],
        { statutoryGatewayIds: ['CA1989-S47'] },
      ),
    ],
  ),
  tier2(
    'encompass',
    7,
    'Operation Encompass',
    'The police tell a child’s school, before the start of the next school day, that the child was involved in a domestic abuse incident the police attended, so that a key adult can support the child.',
    ['police', 'school', 'education'],
    [
      flow(
        'Domestic abuse notification',
        ['police'],
        ['school'],
        ['operation_encompass'],
        ['domestic_abuse_notifications'],
        { art6BasisId: 'UKGDPR-6-1-c', statutoryGatewayIds: ['VPA2024-OPENCOMPASS'], ...offenceData() },
        {
          methodDetail: 'Notification before the start of the next school day',
          retention: 'Kept on the school’s child protection file until the child is 25',
        },
      ),
    ],
  ),
  tier2(
    'cp-status',
    7,
    'Child protection status to health services',
    'Children’s social care tells health services which children are on a child protection plan or looked after, so that clinicians who see the child in an unscheduled setting know and can act.',
    ['csc', 'trust', 'gp'],
    [
      flow(
        'Child protection and looked-after status',
        ['csc'],
        ['trust', 'gp'],
        ['child_protection_conference', 'looked_after_care'],
        ['identity', 'child_protection_status'],
        { statutoryGatewayIds: ['CA2004-S11', 'CA1989-S47'] },
        {
          method: 'system_interface',
          methodDetail: 'Child Protection – Information Sharing (CP-IS) on the NHS Spine',
          frequency: 'real_time',
          retention: 'Held while the plan lasts and for 12 months after it ends, then removed from the alert',
        },
      ),
    ],
  ),
  tier2(
    'early-help',
    7,
    'Early help with the family’s consent',
    'With the family’s agreement, the family support charity, the school and the council share what is needed to plan and give early help. If a family withdraws consent, the sharing stops unless a child is at risk.',
    ['csc', 'charity', 'school'],
    [
      flow(
        'Family support to the council',
        ['charity'],
        ['csc'],
        ['early_help'],
        ['identity', 'contact', 'family_household', 'social_care_involvement'],
        { art6BasisId: 'UKGDPR-6-1-a' },
        { retention: 'Kept for 6 years after the early help plan closes' },
      ),
      flow(
        'Council to family support',
        ['csc'],
        ['charity'],
        ['early_help'],
        ['identity', 'contact', 'family_household', 'social_care_involvement'],
        { art6BasisId: 'UKGDPR-6-1-a', statutoryGatewayIds: ['CA2004-S10'] },
        { retention: 'Kept for 6 years after the support ends' },
      ),
      flow(
        'School to the council',
        ['school'],
        ['csc'],
        ['early_help'],
        ['identity', 'education', 'attendance_exclusions'],
        { art6BasisId: 'UKGDPR-6-1-a', statutoryGatewayIds: ['CA2004-S10'] },
        { retention: 'Kept for 6 years after the early help plan closes' },
      ),
    ],
  ),
  tier2(
    'youth-justice',
    11,
    'Youth justice and children’s social care',
    'The youth justice service, police, children’s social care and education share what they know about children in the youth justice system, to assess and meet their needs and to protect them from exploitation.',
    ['yjs', 'police', 'csc', 'education'],
    [
      flow(
        'Police to youth justice',
        ['police'],
        ['yjs'],
        ['child_in_need_assessment', 'strategy_discussion'],
        ['identity', 'police_incidents'],
        { statutoryGatewayIds: ['CDA1998-S115'], ...offenceData('DPA-S1-P6') },
      ),
      flow(
        'Youth justice to social care',
        ['yjs'],
        ['csc'],
        ['child_in_need_assessment', 'looked_after_care', 'strategy_discussion'],
        ['identity', 'youth_justice'],
        { statutoryGatewayIds: ['CA2004-S11', 'CDA1998-S115'], ...offenceData('DPA-S1-P6') },
      ),
      flow(
        'Social care to youth justice',
        ['csc'],
        ['yjs'],
        ['child_in_need_assessment', 'looked_after_care'],
        ['identity', 'family_household', 'social_care_involvement', 'child_protection_status'],
        { statutoryGatewayIds: ['CA2004-S10'] },
      ),
      flow(
        'Education to youth justice',
        ['education'],
        ['yjs'],
        ['child_in_need_assessment'],
        ['identity', 'education', 'attendance_exclusions'],
        { statutoryGatewayIds: ['CA2004-S10'] },
      ),
    ],
  ),
];
