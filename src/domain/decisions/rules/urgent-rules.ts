import { BOTH, type Rule } from '../rule.ts';
import { flow2018, gr2018, gr2024, ico } from '../citations.ts';

/**
 * Immediate danger and risk to life come before anything else: call 999 or refer to children's
 * social care now, share without waiting for consent, record afterwards (ICO step 9).
 */
export const urgentRules: readonly Rule[] = [
  {
    id: 'urgent.immediate_danger',
    editions: BOTH,
    citation: {
      '2018': `${ico(9)}; ${flow2018(8)}; ${gr2018(4)}`,
      '2024': `${ico(9)}; ${gr2024(1)}; ${gr2024(3)}`,
    },
    note: 'A child in immediate danger or at risk to life: call 999 and refer to children’s social care now; consent is not waited for; record afterwards',
    when: (f) => f.level === 'emergency',
    then: {
      outcome: 'share_without_consent',
      urgency: 'immediate',
      advice: ['call_999', 'refer_csc_now'],
      recipients: ['police', 'council_csc'],
      escalate: true,
      recordReasons: ['immediate_danger_to_child'],
      never: ['delay_to_seek_consent'],
      mustRecord: ['time_of_referral', 'recorded_after_the_act'],
    },
  },
  {
    id: 'urgent.specific_threat',
    editions: BOTH,
    citation: { '2018': `${ico(9)}; ${gr2018(5)}`, '2024': `${ico(9)}; ${gr2024(1)}` },
    note: 'A specific threat to a child or others: tell the police and children’s social care the same day',
    when: (f) => Boolean(f.concern.specificThreat) && f.level !== 'emergency',
    then: {
      outcome: 'share_without_consent',
      urgency: 'same_day',
      advice: ['refer_csc_now'],
      recipients: ['police', 'council_csc'],
      escalate: true,
      recordReasons: ['specific_threat'],
      never: ['delay_to_seek_consent'],
    },
  },
];
