// The guidance's answer (src/domain/decisions/answer.ts) in plain English. The engine speaks in
// codes so that pages word them; a code without words here is shown humanised, never hidden.
import type { Deadline } from '../../../../domain/decisions/answer.ts';
import { humanise } from '../../format.ts';

export const outcomeLabels: Readonly<Record<string, string>> = {
  share: 'Share the information',
  share_without_consent: 'Share the information without consent',
  share_limited: 'Share only what is needed',
  do_not_share: 'Do not share the information',
  refuse_request: 'Refuse the request',
  seek_advice_anonymised: 'Seek advice first, without naming the child',
  seek_consent_first: 'Ask for consent before sharing',
  verify_identity_first: 'Check who is asking before sharing anything',
};

export const urgencyLabels: Readonly<Record<string, string>> = {
  immediate: 'Now',
  same_day: 'Today',
  within_1_working_day: 'Within 1 working day',
  routine: 'In the usual way',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function deadlineWords(deadline: Deadline | null): string | null {
  if (deadline === null) return null;
  if ('hours' in deadline) return `within ${plural(deadline.hours, 'hour', 'hours')}`;
  if ('workingDays' in deadline)
    return `within ${plural(deadline.workingDays, 'working day', 'working days')}`;
  if ('schoolDays' in deadline) return `within ${plural(deadline.schoolDays, 'school day', 'school days')}`;
  return `within ${plural(deadline.months, 'month', 'months')}`;
}

export const tellFamilyLabels: Readonly<Record<string, string>> = {
  yes: 'Tell the family you are sharing',
  no: 'Do not tell the family',
  after: 'Tell the family afterwards, if it is safe',
  partly: 'Tell the family in part',
  per_lead_agency: 'Children’s social care (or the police) decide when the family is told',
};

export const tellFamilyReasons: Readonly<Record<string, string>> = {
  competent_child_told_parents_as_child_agrees:
    'The child can decide for themselves: tell the parents what the child agrees to',
  emergency_act_first_inform_after_if_safe:
    'In an emergency, act first and tell the family afterwards if it is safe',
  informing_would_increase_risk: 'Telling them would put the child or someone else at greater risk',
  lead_agency_decides_when_family_told:
    'Telling them now could harm an enquiry; the lead agency decides when, so ask them',
  nothing_shared: 'Nothing is shared, so there is nothing to tell',
  open_and_honest: 'Be open and honest with the family about what you share, why and with whom',
  would_prejudice_crime_investigation: 'Telling them could harm a criminal investigation',
};

export const adviceLabels: Readonly<Record<string, string>> = {
  call_999: 'Call 999 now',
  refer_csc_now: 'Refer to children’s social care now',
  consult_dsl: 'Talk to your designated safeguarding lead',
  consult_caldicott: 'Talk to your Caldicott guardian',
  discuss_anonymised: 'Discuss the concern without naming the child',
  seek_legal_advice: 'Ask for legal advice',
};

export const neverLabels: Readonly<Record<string, string>> = {
  delay_to_seek_consent: 'Do not delay sharing to ask for consent',
  question_child_further_before_referral: 'Do not question the child further before referring',
  inform_family_before_referral: 'Do not tell the family before you refer',
  reveal_informant_identity: 'Do not reveal who gave the information',
  send_cp_file_with_main_record: 'Do not send the child protection file with the main school record',
  share_whole_record: 'Do not share the whole record: only what is needed',
  share_with_unverified_requester: 'Do not share with someone whose identity you have not checked',
  tell_alleged_abuser: 'Do not tell the person suspected of harming the child',
};

export const mustRecordLabels: Readonly<Record<string, string>> = {
  consent_status: 'Whether consent was asked for and given',
  decision: 'Your decision',
  reasons: 'Your reasons',
  explanation_to_requester: 'What you told the person who asked',
  reconsider_if_new_information: 'That you will think again if new information comes',
  receipt_confirmed: 'That the receiving school confirmed receipt',
  time_of_referral: 'The time you referred',
  recorded_after_the_act: 'That you recorded this after acting',
  who_advised: 'Who advised you',
};

export const warningLabels: Readonly<Record<string, string>> = {
  seek_agreement_where_safe_without_delay:
    'Where it is safe and causes no delay, ask the family to agree, and tell them what you share',
  whole_record_asked_share_minimum_necessary:
    'The whole record was asked for: share only what is necessary for the purpose',
  contradiction_consent_given_but_unsafe_to_seek:
    'You said consent was given and that asking would be unsafe: the consent given is recorded',
  contradiction_danger_below_threshold:
    'You said the child is in immediate danger and that the concern is below the threshold: the guidance takes the danger as true',
  contradiction_harm_below_threshold:
    'You gave child protection concerns and said the concern is below the threshold: the guidance takes the child protection concerns as true',
  contradiction_unborn_with_age: 'An unborn baby has no age: the age you gave is set aside',
  contradiction_under13_with_age:
    'You gave an age of 13 or over with sexual activity under 13: the guidance treats it as involving a child under 13',
  unborn_baby_data_is_the_mothers: 'Before birth, what you share is the expectant mother’s information',
};

/** A warning is "code: note"; the words for the code, or the note the engine gave. */
export function warningWords(warning: string): string {
  const [code = '', ...rest] = warning.split(':');
  return warningLabels[code] ?? (rest.length > 0 ? rest.join(':').trim() : humanise(code));
}

export const wordsFor = (labels: Readonly<Record<string, string>>, code: string): string =>
  labels[code] ?? humanise(code);

export const methodLabels: Readonly<Record<string, string>> = {
  secure_portal: 'Through a secure portal',
  secure_email: 'By secure email',
  phone: 'By phone',
  letter: 'By letter',
  in_person: 'In person',
  meeting: 'At a meeting',
};

export const familyToldLabels: Readonly<Record<string, string>> = {
  yes: 'Yes',
  partly: 'In part',
  after: 'Not yet: they will be told afterwards',
  no: 'No',
};
