// The words for the situation's codes (src/domain/decisions/situation.ts), as a practitioner
// would say them, and which concerns each service is asked about. Guidance: HM Government
// "Information sharing: advice for practitioners" (2018, 2024); Working Together 2023 ch 3.
import type { ConcernFlag, Setting, SituationKind } from '../../../../domain/decisions/situation.ts';

export const settingLabels: Readonly<Record<Setting, string>> = {
  school: 'School',
  early_years: 'Early years or nursery',
  gp: 'GP practice',
  health_visitor: 'Health visiting',
  midwifery: 'Midwifery',
  school_nurse: 'School nursing',
  emergency_department: 'Emergency department',
  sexual_health: 'Sexual health service',
  camhs: 'Child and adolescent mental health service (CAMHS)',
  police: 'Police',
  mash: 'Multi-agency safeguarding hub (MASH), council',
  mash_police: 'Multi-agency safeguarding hub (MASH), police',
  council_csc: 'Children’s social care',
  council_early_help: 'Council early help',
  housing: 'Housing',
  probation: 'Probation',
  youth_justice: 'Youth justice',
  youth_charity: 'Youth or family charity',
};

export const requesterOrgTypeLabels: Readonly<Record<string, string>> = {
  ...settingLabels,
  voluntary_group: 'A voluntary or community group',
  member_of_public: 'A parent, carer, the child or another member of the public',
  other: 'Another organisation',
};

export const kindLabels: Readonly<Record<SituationKind, { label: string; hint: string }>> = {
  own_concern: {
    label: 'I have a concern about a child',
    hint: 'Something you saw, heard or were told, and you are deciding whether to pass it on',
  },
  incoming_request: {
    label: 'Someone has asked me for information about a child',
    hint: 'Another organisation, a parent or the police',
  },
  partner_check: {
    label: 'Partner agency checks through the MASH',
    hint: 'The MASH asks partners what they know, or you answer the MASH’s checks',
  },
  school_transfer: {
    label: 'A child is moving to another school or setting',
    hint: 'Sending the child protection file on',
  },
};

export const concernLabels: Readonly<Record<ConcernFlag, string>> = {
  immediateDanger: 'The child is in immediate danger',
  riskToLife: 'Someone’s life is at risk',
  specificThreat: 'A specific threat has been made to harm the child',
  significantHarmSuspected: 'You suspect the child is suffering, or likely to suffer, significant harm',
  belowThreshold: 'A concern below the threshold for children’s social care',
  thresholdUnclear: 'You are not sure whether it meets the threshold',
  earlyHelpOnly: 'The family would benefit from early help only',
  disclosureByChild: 'The child has told you of abuse',
  domesticAbuse: 'Domestic abuse in the household',
  domesticAbuseIncidentChildPresent: 'The police attended a domestic abuse incident with the child present',
  exploitation: 'The child is being exploited (criminally or sexually)',
  exploitationIndicators: 'Signs the child may be exploited',
  radicalisation: 'Signs of radicalisation',
  under13Sexual: 'Sexual activity involving a child under 13',
  sexualActivityPeerAge: 'Sexual activity with someone of a similar age',
  selfHarmLowRisk: 'Self-harm that is assessed as low risk',
  neglectIndicators: 'Signs of neglect',
  injuryNonMobileBaby: 'An injury to a baby who is not yet mobile',
  previousChildRemoved: 'A previous child of the parent was removed from their care',
  householdMemberChildSexOffender: 'Someone in the household has offended sexually against children',
  violentOffenderInHousehold: 'Someone in the household has a history of violence',
};

const EVERY_SERVICE: readonly ConcernFlag[] = [
  'significantHarmSuspected',
  'disclosureByChild',
  'specificThreat',
  'neglectIndicators',
  'domesticAbuse',
  'exploitationIndicators',
  'radicalisation',
  'under13Sexual',
  'sexualActivityPeerAge',
  'selfHarmLowRisk',
  'thresholdUnclear',
  'belowThreshold',
];

const HEALTH_AND_STATUTORY: ReadonlySet<Setting> = new Set([
  'gp',
  'health_visitor',
  'midwifery',
  'emergency_department',
  'police',
  'mash',
  'mash_police',
  'council_csc',
]);
const POLICE: ReadonlySet<Setting> = new Set(['police', 'mash_police']);
const KNOWS_OFFENDERS: ReadonlySet<Setting> = new Set([
  'police',
  'mash',
  'mash_police',
  'council_csc',
  'probation',
  'youth_justice',
  'housing',
]);
const PRE_BIRTH: ReadonlySet<Setting> = new Set(['midwifery', 'health_visitor', 'mash', 'council_csc']);
const KNOWS_EXPLOITATION: ReadonlySet<Setting> = new Set([
  'police',
  'mash',
  'mash_police',
  'council_csc',
  'youth_justice',
]);

/**
 * The concerns a service is asked about: the same for every service, plus those only some see
 * (an injury to a non-mobile baby in health and the statutory services, an Operation Encompass
 * incident only in the police, a previous removal only before a birth).
 */
export function concernsFor(setting: string): ConcernFlag[] {
  const s = setting as Setting;
  const extra: ConcernFlag[] = [];
  if (KNOWS_EXPLOITATION.has(s)) extra.push('exploitation');
  if (HEALTH_AND_STATUTORY.has(s)) extra.push('injuryNonMobileBaby');
  if (POLICE.has(s)) extra.push('domesticAbuseIncidentChildPresent');
  if (KNOWS_OFFENDERS.has(s)) extra.push('householdMemberChildSexOffender', 'violentOffenderInHousehold');
  if (PRE_BIRTH.has(s)) extra.push('previousChildRemoved');
  if (s === 'council_early_help' || s === 'early_years' || s === 'youth_charity') extra.push('earlyHelpOnly');
  const ordered = [...EVERY_SERVICE];
  // Threshold answers read best last, after the facts.
  ordered.splice(ordered.indexOf('thresholdUnclear'), 0, ...extra);
  return ordered;
}

export const childFactLabels: Readonly<Record<string, { label: string; hint?: string }>> = {
  unborn: { label: 'The baby is not yet born' },
  onChildProtectionPlan: { label: 'The child is on a child protection plan' },
  hadChildInNeedPlan: { label: 'The child has, or had, a child in need plan' },
  knownToServices: { label: 'The child is known to children’s social care' },
  competent: {
    label: 'The child understands the decision and can make it for themselves',
    hint: 'Gillick competent, or 16 or over with capacity',
  },
};

/** Only maternity services ask about an unborn baby. */
export function childFactsFor(setting: string): string[] {
  const facts = ['onChildProtectionPlan', 'hadChildInNeedPlan', 'knownToServices', 'competent'];
  return setting === 'midwifery' ||
    setting === 'health_visitor' ||
    setting === 'mash' ||
    setting === 'council_csc'
    ? ['unborn', ...facts]
    : facts;
}

export const consentLabels: Readonly<Record<string, string>> = {
  given: 'Yes, they agreed',
  refused: 'No, they refused',
  not_sought: 'I have not asked yet',
  cannot_be_sought: 'They cannot be asked',
};

export const yesNoNotSureLabels: Readonly<Record<string, string>> = {
  yes: 'Yes',
  no: 'No',
  not_sure: 'I do not know',
};

export const dataCategoryLabels: Readonly<Record<string, { label: string; hint: string }>> = {
  special_category: {
    label: 'Health, sexual life, ethnicity or religion',
    hint: 'Special category data (UK GDPR Article 9)',
  },
  criminal_offence: {
    label: 'Crimes, allegations or police involvement',
    hint: 'Criminal offence data (UK GDPR Article 10)',
  },
};

export const requestPurposeLabels: Readonly<Record<string, string>> = {
  safeguarding: 'To keep the child safe',
  early_help: 'Early help for the family',
  s17_assessment: 'A child in need assessment (Children Act 1989 s17)',
  s47_enquiry: 'A child protection enquiry (Children Act 1989 s47)',
  crime_investigation_serious: 'Investigating a serious crime',
  crime_investigation_not_safeguarding: 'Investigating a crime that is not about the child’s safety',
  other: 'Something else',
};

export const requestFormLabels: Readonly<Record<string, string>> = {
  phone: 'By phone',
  email: 'By email',
  letter: 'By letter',
  secure_portal: 'Through a secure portal',
  sched2_para2: 'A written police request under DPA 2018 Schedule 2 paragraph 2',
};

export const relationshipLabels: Readonly<Record<string, string>> = {
  parent_with_pr: 'A parent with parental responsibility',
  parent_without_pr: 'A parent without parental responsibility',
  carer: 'A carer',
  the_child: 'The child',
};
