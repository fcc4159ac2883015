import { gr2018, gr2024, principle, TEES_7 } from '../citations.ts';
import { BOTH, ONLY_2024, SHARING_OUTCOMES, type Rule } from '../rule.ts';

/** What the record must hold, and what must never be done (golden rule 7 in both editions). */
export const recordRules: readonly Rule[] = [
  {
    id: 'record.share',
    editions: BOTH,
    citation: { '2018': gr2018(7), '2024': gr2024(7) },
    note: 'Record what was shared, with whom, how, when, why, on which basis and whether the family was told',
    when: (_f, o) => SHARING_OUTCOMES.has(o),
    then: {
      mustRecord: [
        'decision',
        'reasons',
        'what_shared',
        'with_whom',
        'how_shared',
        'when_shared',
        'lawful_basis',
        'family_told_or_why_not',
      ],
    },
  },
  {
    id: 'record.not_shared',
    editions: BOTH,
    citation: { '2018': gr2018(7), '2024': gr2024(7) },
    note: 'Record the decision not to share and its reasons',
    when: (_f, o) => !SHARING_OUTCOMES.has(o),
    then: { mustRecord: ['decision', 'reasons'] },
  },
  {
    id: 'record.refusal_explained',
    editions: ONLY_2024,
    citation: gr2024(7),
    note: 'Explain a refusal to the requester and reconsider if they bring new information',
    when: (_f, o) => o === 'refuse_request' || o === 'do_not_share',
    then: { mustRecord: ['explanation_to_requester', 'reconsider_if_new_information'] },
  },
  {
    id: 'record.consent',
    editions: BOTH,
    citation: { '2018': gr2018(4), '2024': gr2024(3) },
    note: 'Record whether consent was sought, given or refused, and why not where it was not sought',
    when: (f, o) =>
      f.situation.consent !== undefined ||
      f.level === 'early_help' ||
      o === 'seek_consent_first' ||
      f.situation.requester?.purpose === 'early_help' ||
      f.situation.requester?.purpose === 's17_assessment',
    then: { mustRecord: ['consent_status'] },
  },
  {
    id: 'record.advice',
    editions: BOTH,
    citation: { '2018': gr2018(3), '2024': gr2024(4) },
    note: 'Record who advised and what they said',
    when: (_f, o) => o === 'seek_advice_anonymised',
    then: { mustRecord: ['who_advised'] },
  },
  {
    id: 'never.whole_record',
    editions: BOTH,
    citation: {
      '2018': `${principle('necessary and proportionate')}; ${TEES_7}`,
      '2024': `${gr2024(6)}; ${TEES_7}`,
    },
    note: 'A request for the whole record is answered with the minimum necessary for its purpose',
    when: (f) => Boolean(f.situation.requester?.asksForWholeRecord) && f.situation.kind !== 'school_transfer',
    then: { never: ['share_whole_record'], warnings: ['whole_record_asked_share_minimum_necessary'] },
  },
  {
    id: 'never.reveal_informant',
    editions: ONLY_2024,
    citation: gr2024(5),
    note: 'Protect the identity of anyone who could be harmed if an abuser learnt it',
    when: (f, o) => SHARING_OUTCOMES.has(o) && (f.level === 'child_protection' || f.level === 'emergency'),
    then: { never: ['reveal_informant_identity'] },
  },
];
