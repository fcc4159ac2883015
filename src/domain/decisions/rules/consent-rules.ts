import type { Recipient } from '../answer.ts';
import { flow2018, GILLICK, gr2018, gr2024, ico, MASH_CHECKS, SSCP } from '../citations.ts';
import type { Facts } from '../facts.ts';
import { BOTH, type Rule } from '../rule.ts';

/**
 * Below the child protection threshold the work is consent-based: a refusal stands and is
 * recorded, and is revisited if the concern grows (DOMAIN.md 2.7). A competent young person's
 * confidence is respected unless there is a risk of significant harm.
 */
const asking = (f: Facts): boolean =>
  f.situation.kind === 'incoming_request' || f.situation.kind === 'partner_check';
const purpose = (f: Facts) => f.situation.requester?.purpose;
const requesterOrg = (f: Facts): Recipient[] => {
  const org = f.situation.requester?.orgType;
  return org ? [org] : f.situation.kind === 'partner_check' ? ['mash'] : [];
};
const adviser = (f: Facts) =>
  f.health
    ? ('consult_caldicott' as const)
    : f.situation.setting === 'school' || f.situation.setting === 'early_years'
      ? ('consult_dsl' as const)
      : ('discuss_anonymised' as const);

const consentPath = (f: Facts) =>
  f.consentGiven
    ? ({ outcome: 'share', recordReasons: ['consent_given'] } as const)
    : f.situation.consent?.status === 'refused'
      ? ({ outcome: 'do_not_share', recordReasons: ['consent_refused_below_threshold'] } as const)
      : f.situation.consent?.status === 'cannot_be_sought'
        ? ({
            outcome: 'seek_advice_anonymised',
            advice: ['discuss_anonymised', adviser(f)],
            recordReasons: ['consent_cannot_be_sought'],
          } as const)
        : ({ outcome: 'seek_consent_first', recordReasons: ['consent_not_yet_sought'] } as const);

export const consentRules: readonly Rule[] = [
  {
    id: 'request.safeguarding_partner',
    editions: BOTH,
    citation: { '2018': `${MASH_CHECKS}; ${gr2018(4)}`, '2024': `${MASH_CHECKS}; ${gr2024(3)}; ${SSCP}` },
    note: 'A verified safeguarding request or partner check: share what is relevant without consent',
    when: (f) =>
      asking(f) &&
      (purpose(f) === 'safeguarding' ||
        (f.situation.kind === 'partner_check' && purpose(f) !== 'early_help')),
    then: (f) => ({
      outcome: f.consentGiven ? 'share' : 'share_without_consent',
      urgency: 'within_1_working_day',
      recipients: requesterOrg(f),
      recordReasons: ['safeguarding_request'],
    }),
  },
  {
    id: 'consent.s17_assessment',
    editions: BOTH,
    citation: { '2018': `${flow2018(5)}; ${gr2018(4)}`, '2024': `${gr2024(2)}; ${SSCP}` },
    note: 'A child in need assessment is done with the family’s agreement: share with consent, or return to the council to seek it',
    when: (f) => asking(f) && purpose(f) === 's17_assessment',
    then: (f) => ({ ...consentPath(f), urgency: 'within_1_working_day', recipients: requesterOrg(f) }),
  },
  {
    id: 'consent.competent_peer_sexual_activity',
    editions: BOTH,
    citation: GILLICK,
    note: 'A competent 13 to 15 year old in a relationship with a peer, with no sign of exploitation: confidential advice is respected',
    when: (f) =>
      Boolean(f.concern.sexualActivityPeerAge && f.situation.child?.competent) && f.level === 'early_help',
    then: {
      outcome: 'do_not_share',
      recordReasons: ['competent_young_person_confidence'],
      advice: ['discuss_anonymised'],
    },
  },
  {
    id: 'consent.self_harm_low_risk',
    editions: BOTH,
    citation: { '2018': `${GILLICK}; ${gr2018(4)}`, '2024': `${GILLICK}; ${gr2024(2)}` },
    note: 'Low-risk self-harm with a safety plan is managed with the young person’s agreement',
    when: (f) => Boolean(f.concern.selfHarmLowRisk) && f.level === 'early_help',
    then: (f) => ({
      ...(f.consentGiven
        ? { outcome: 'share' as const, recipients: ['gp' as const], recordReasons: ['young_person_agreed'] }
        : { outcome: 'do_not_share' as const, recordReasons: ['competent_young_person_confidence'] }),
      advice: [adviser(f)],
    }),
  },
  {
    id: 'consent.threshold_unclear',
    editions: BOTH,
    citation: { '2018': `${gr2018(3)}; ${flow2018(8)}`, '2024': `${gr2024(4)}; ${ico(1)}` },
    note: 'Unsure whether the threshold is met: seek advice without naming the family first',
    when: (f) => f.level === 'unclear',
    then: (f) => ({
      outcome: 'seek_advice_anonymised',
      urgency: 'within_1_working_day',
      advice: ['discuss_anonymised', adviser(f)],
      recordReasons: ['threshold_unclear'],
    }),
  },
  {
    id: 'consent.early_help',
    editions: BOTH,
    citation: {
      '2018': `${gr2018(4)}; ${flow2018(5)}; ${flow2018(6)}`,
      '2024': `${gr2024(2)}; ${gr2024(3)}; ${SSCP}`,
    },
    note: 'Early help below the threshold is consent-based: a refusal stands, is recorded and is revisited if the concern grows',
    when: (f) => f.level === 'early_help' || (asking(f) && purpose(f) === 'early_help'),
    then: (f) => ({
      ...consentPath(f),
      urgency: 'routine',
      recipients: asking(f) ? requesterOrg(f) : ['council_early_help'],
      warnings: f.situation.child?.competent ? ['consent_is_the_competent_childs'] : [],
    }),
  },
  {
    id: 'purpose.none',
    editions: BOTH,
    citation: { '2018': flow2018(2), '2024': `${gr2024(6)}; ${ico(2)}` },
    note: 'No clear and legitimate purpose to share: do not share',
    when: (_f, outcome) => outcome === undefined,
    then: (f) => ({
      outcome: asking(f) ? 'refuse_request' : 'do_not_share',
      recordReasons: ['no_legitimate_purpose'],
    }),
  },
];
