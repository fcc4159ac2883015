import type { Outcome } from '../answer.ts';
import { flow2018, gr2018, gr2024, ico, SCHED2, WT2023_S47, KCSIE_TRANSFER, GILLICK } from '../citations.ts';
import type { Facts } from '../facts.ts';
import { BOTH, type Rule } from '../rule.ts';

/**
 * Whether to tell the family, and why (2018 golden rule 2: open and honest unless unsafe; 2024
 * golden rule 2: engage where practicable and safe, not where it could increase the risk). The
 * first rule that applies decides.
 */
const NOT_SHARED: ReadonlySet<Outcome | undefined> = new Set([
  'do_not_share',
  'refuse_request',
  'verify_identity_first',
  'seek_advice_anonymised',
]);
const crime = (f: Facts): boolean => {
  const p = f.situation.requester?.purpose;
  return p === 'crime_investigation_not_safeguarding' || p === 'crime_investigation_serious';
};
const rule2 = { '2018': gr2018(2), '2024': gr2024(2) };

export const familyRules: readonly Rule[] = [
  {
    id: 'family.nothing_shared',
    editions: BOTH,
    citation: { '2018': flow2018(2), '2024': gr2024(7) },
    note: 'Nothing is shared, so there is nothing to tell yet',
    when: (_f, o) => NOT_SHARED.has(o),
    then: { tellFamily: { answer: 'no', reason: 'nothing_shared' } },
  },
  {
    id: 'family.would_increase_risk',
    editions: BOTH,
    citation: { '2018': `${gr2018(2)}; ${flow2018(7)}`, '2024': `${gr2024(2)}; ${ico(4)}` },
    note: 'Telling the family could increase the risk to the child or others, so they are not told',
    // Only a risk in telling the family decides this; that seeking consent would increase the
    // risk means consent is not asked for, and the lead agency still decides when to tell.
    when: (f) => f.familyRisk,
    then: {
      tellFamily: { answer: 'no', reason: 'informing_would_increase_risk' },
      never: ['inform_family_before_referral'],
    },
  },
  {
    id: 'family.crime_prejudice',
    editions: BOTH,
    citation: SCHED2,
    note: 'Telling the person could prejudice the investigation, so the duty to inform is set aside to that extent',
    when: (f) => crime(f),
    then: { tellFamily: { answer: 'no', reason: 'would_prejudice_crime_investigation' } },
  },
  {
    id: 'family.emergency',
    editions: BOTH,
    citation: { '2018': flow2018(7), '2024': `${gr2024(2)}; ${ico(9)}` },
    note: 'In an emergency, act first and tell the family afterwards if that is safe',
    when: (f) => f.level === 'emergency',
    then: { tellFamily: { answer: 'after', reason: 'emergency_act_first_inform_after_if_safe' } },
  },
  {
    id: 'family.lead_agency',
    editions: BOTH,
    citation: { '2018': `${WT2023_S47}; ${gr2018(2)}`, '2024': `${WT2023_S47}; ${gr2024(2)}` },
    note: 'A child protection referral: children’s social care or the police, as lead agency, decide when the family is told',
    when: (f) => f.level === 'child_protection' || f.situation.requester?.purpose === 's47_enquiry',
    then: { tellFamily: { answer: 'per_lead_agency', reason: 'lead_agency_decides_when_family_told' } },
  },
  {
    id: 'family.competent_child',
    editions: BOTH,
    citation: GILLICK,
    note: 'A competent young person who agreed is told; their parents only as the young person agrees',
    when: (f) => Boolean(f.situation.child?.competent),
    then: { tellFamily: { answer: 'partly', reason: 'competent_child_told_parents_as_child_agrees' } },
  },
  {
    id: 'family.transfer',
    editions: BOTH,
    citation: KCSIE_TRANSFER,
    note: 'Parents know their child is moving school and that the file goes with the child',
    when: (f) => f.situation.kind === 'school_transfer',
    then: { tellFamily: { answer: 'yes', reason: 'open_and_honest' } },
  },
  {
    id: 'family.open_and_honest',
    editions: BOTH,
    citation: rule2,
    note: 'Be open and honest with the family about what is shared, with whom and why',
    when: () => true,
    then: { tellFamily: { answer: 'yes', reason: 'open_and_honest' } },
  },
];

/** 2018 only: seek agreement where it is safe and causes no delay (2018 golden rules 2 and 4). */
export const familyRules2018: readonly Rule[] = [
  {
    id: 'family.2018_seek_agreement',
    editions: ['2018'],
    citation: `${gr2018(2)}; ${gr2018(4)}`,
    note: 'The 2018 advice asks for the family’s agreement where it is safe and causes no delay, while not waiting for it',
    when: (f) =>
      f.level === 'child_protection' &&
      !f.familyRisk &&
      !f.consentGiven &&
      !f.situation.consent?.seekingWouldIncreaseRisk,
    then: { warnings: ['seek_agreement_where_safe_without_delay'] },
  },
];
