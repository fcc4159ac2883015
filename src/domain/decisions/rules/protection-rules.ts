import type { Contribution, Recipient } from '../answer.ts';
import {
  CPIS,
  ENCOMPASS,
  gr2018,
  gr2024,
  MASH_CHECKS,
  SOA2003,
  WT2023_REFERRAL,
  flow2018,
} from '../citations.ts';
import type { Facts } from '../facts.ts';
import { BOTH, type Rule } from '../rule.ts';

/**
 * Concerns that meet the child protection threshold: refer to children's social care without
 * waiting for consent (2024 golden rule 3; 2018 golden rule 4 and flowchart box 8).
 */
const FRONT_DOOR: ReadonlySet<string> = new Set(['mash', 'mash_police', 'council_csc']);
const isFrontDoor = (f: Facts): boolean => FRONT_DOOR.has(f.situation.setting);

/**
 * Refer to the council, or, at the council's own front door, hold a strategy discussion with the
 * police. The four variants are built once, so evaluating allocates nothing for them.
 */
function referral(extra: readonly Recipient[], more: Contribution = {}): (f: Facts) => Contribution {
  const build = (frontDoor: boolean, consentGiven: boolean): Contribution => ({
    outcome: consentGiven ? 'share' : 'share_without_consent',
    urgency: 'same_day',
    advice: frontDoor ? [] : ['refer_csc_now'],
    recipients: frontDoor
      ? ['police', ...extra.filter((r) => r !== 'council_csc' && r !== 'police')]
      : ['council_csc', ...extra],
    never: ['delay_to_seek_consent'],
    ...more,
  });
  const [away, awayAgreed, atDoor, atDoorAgreed] = [
    build(false, false),
    build(false, true),
    build(true, false),
    build(true, true),
  ];
  return (f) =>
    isFrontDoor(f) ? (f.consentGiven ? atDoorAgreed : atDoor) : f.consentGiven ? awayAgreed : away;
}

const radicalisationAtSchool = referral(['police'], {
  urgency: 'within_1_working_day',
  advice: ['consult_dsl'],
  recordReasons: ['radicalisation'],
});
const radicalisationElsewhere = referral(['police'], {
  urgency: 'within_1_working_day',
  recordReasons: ['radicalisation'],
});
const referDisclosure = referral([], {
  recordReasons: ['disclosure_by_child'],
  never: ['delay_to_seek_consent', 'question_child_further_before_referral'],
});
const referSignificantHarm = referral([], { recordReasons: ['significant_harm_suspected'] });

const citeReferral = {
  '2018': `${WT2023_REFERRAL}; ${gr2018(4)}; ${flow2018(8)}`,
  '2024': `${WT2023_REFERRAL}; ${gr2024(3)}`,
};

/** The agencies a front door asks, by what the child's age and household suggest (DOMAIN.md 6). */
export function partnerChecksFor(f: Facts): Recipient[] {
  const checks: Recipient[] = ['police', 'gp'];
  const c = f.concern;
  const young = f.situation.child?.unborn || (f.age !== undefined && f.age < 5);
  if (young) checks.push(f.situation.child?.unborn ? 'midwifery' : 'health_visitor');
  if (f.age === undefined || (f.age >= 4 && f.age < 19)) checks.push('school');
  if (c.violentOffenderInHousehold || c.householdMemberChildSexOffender) checks.push('probation');
  if (c.exploitation || c.exploitationIndicators) checks.push('youth_justice');
  if (c.domesticAbuse || c.domesticAbuseIncidentChildPresent) checks.push('housing');
  return checks.filter((r) => r !== f.situation.setting);
}

export const protectionRules: readonly Rule[] = [
  {
    id: 'protection.operation_encompass',
    editions: BOTH,
    citation: ENCOMPASS,
    note: 'Police at a domestic abuse incident with a child present tell the child’s school before the next school day, and children’s social care',
    when: (f) =>
      Boolean(f.concern.domesticAbuseIncidentChildPresent) &&
      (f.situation.setting === 'police' || f.situation.setting === 'mash_police'),
    then: {
      outcome: 'share_without_consent',
      urgency: 'same_day',
      deadline: { schoolDays: 1 },
      recipients: ['school', 'council_csc'],
      recordReasons: ['operation_encompass_notification'],
    },
  },
  {
    id: 'protection.cp_plan_contact',
    editions: BOTH,
    citation: CPIS,
    note: 'A child on a child protection plan has a new contact or concern: tell the lead practitioner',
    when: (f) => Boolean(f.situation.child?.onChildProtectionPlan) && f.situation.setting !== 'council_csc',
    then: (f) => ({
      ...(f.level === 'none' || f.level === 'early_help' || f.level === 'unclear'
        ? {
            outcome: 'share_without_consent' as const,
            urgency: 'same_day' as const,
            recipients: ['council_csc' as const],
          }
        : {}),
      notifyLeadPractitioner: true,
      recordReasons: ['child_on_protection_plan'],
    }),
  },
  {
    id: 'protection.under_13_sexual',
    editions: BOTH,
    citation: SOA2003,
    note: 'Sexual activity involving a child under 13 is always a child protection matter: refer to children’s social care and the police',
    when: (f) =>
      Boolean(
        f.concern.under13Sexual || (f.concern.sexualActivityPeerAge && f.age !== undefined && f.age < 13),
      ),
    then: referral(['police'], { recordReasons: ['child_under_13_cannot_consent'] }),
  },
  {
    id: 'protection.non_mobile_baby_injury',
    editions: BOTH,
    citation: `${WT2023_REFERRAL}; local bruising in non-mobile babies protocols`,
    note: 'An injury to a baby who is not yet mobile is referred the same day',
    when: (f) => Boolean(f.concern.injuryNonMobileBaby),
    then: referral([], { recordReasons: ['injury_non_mobile_baby'] }),
  },
  {
    id: 'protection.exploitation',
    editions: BOTH,
    citation: citeReferral,
    note: 'Signs of sexual or criminal exploitation: refer to children’s social care and tell the police',
    when: (f) => Boolean(f.concern.exploitation || f.concern.exploitationIndicators),
    then: referral(['police'], { recordReasons: ['exploitation'] }),
  },
  {
    id: 'protection.radicalisation',
    editions: BOTH,
    citation: {
      '2018': `Counter-Terrorism and Security Act 2015 s26 (Prevent); ${gr2018(4)}`,
      '2024': `Counter-Terrorism and Security Act 2015 s26 (Prevent); ${gr2024(3)}`,
    },
    note: 'A risk of radicalisation: share with the police Prevent team and children’s social care',
    when: (f) => Boolean(f.concern.radicalisation),
    then: (f) => (f.situation.setting === 'school' ? radicalisationAtSchool(f) : radicalisationElsewhere(f)),
  },
  {
    id: 'protection.offender_in_household',
    editions: BOTH,
    citation: `${citeReferral['2024']}; Criminal Justice Act 2003 s325 (MAPPA)`,
    note: 'A child sex offender or violent offender in the child’s household: refer to children’s social care and the police',
    when: (f) => Boolean(f.concern.householdMemberChildSexOffender || f.concern.violentOffenderInHousehold),
    then: referral(['police'], { recordReasons: ['offender_in_household'] }),
  },
  {
    id: 'protection.unborn_previous_removal',
    editions: BOTH,
    citation: `${WT2023_REFERRAL} (pre-birth referral)`,
    note: 'An unborn baby whose parent has had a child removed: a pre-birth referral to children’s social care',
    when: (f) => Boolean(f.situation.child?.unborn && f.concern.previousChildRemoved),
    then: referral([], { recordReasons: ['pre_birth_previous_removal'] }),
  },
  {
    id: 'protection.significant_harm',
    editions: BOTH,
    citation: citeReferral,
    note: 'Reasonable cause to suspect significant harm (including a disclosure or domestic abuse): refer without waiting for consent',
    when: (f) => f.level === 'child_protection',
    then: (f) => (f.concern.disclosureByChild ? referDisclosure(f) : referSignificantHarm(f)),
  },
  {
    id: 'protection.front_door_partner_checks',
    editions: BOTH,
    citation: MASH_CHECKS,
    note: 'The front door asks partner agencies what they know, each with its own clock',
    when: (f) =>
      isFrontDoor(f) &&
      (f.level === 'child_protection' || f.level === 'emergency' || f.situation.kind === 'partner_check'),
    then: (f) => ({
      partnerChecks: partnerChecksFor(f),
      ...(f.situation.kind === 'partner_check'
        ? { outcome: 'share_limited' as const, urgency: 'same_day' as const }
        : {}),
    }),
  },
];
