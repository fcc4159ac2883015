import type { RefusalReason } from '../../../../domain/requests/change-partner-check.ts';

/** Time to a deadline in words: "1 hour 20 minutes left", "Overdue by 3 hours". */
export function timeLeftInWords(msLeft: number | null): string {
  if (msLeft === null) return 'Clock stopped';
  const minutes = Math.floor(Math.abs(msLeft) / 60_000);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  const parts = [
    days > 0 ? plural(days, 'day') : '',
    hours > 0 ? plural(hours, 'hour') : '',
    // Minutes matter only within the day.
    days === 0 && mins > 0 ? plural(mins, 'minute') : '',
  ].filter(Boolean);
  const amount = parts.length === 0 ? 'less than a minute' : parts.join(' ');
  return msLeft < 0 ? `Overdue by ${amount}` : `${amount} left`.replace(/^./, (c) => c.toUpperCase());
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

export const ragLabels: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
/** GOV.UK tag colours for each RAG rating. */
export const ragTagClass: Record<string, string> = {
  red: 'govuk-tag govuk-tag--red',
  amber: 'govuk-tag govuk-tag--orange',
  green: 'govuk-tag govuk-tag--green',
};

export const statusLabels: Record<string, string> = {
  open: 'Open',
  awaiting_clarification: 'Waiting for clarification',
  awaiting_verification: 'Waiting for the requester to verify',
  answered: 'Answered',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
};

export const purposeLabels: Record<string, string> = {
  safeguarding: 'Safeguarding (front-door screening)',
  early_help: 'Early help',
  s17_assessment: 'Child in need assessment (Children Act 1989 s17)',
  s47_enquiry: 'Child protection enquiry (Children Act 1989 s47)',
  crime_investigation_serious: 'Investigation of a serious crime',
  crime_investigation_not_safeguarding: 'Criminal investigation, not about the child’s safety',
  other: 'Other',
};

export const refusalReasonLabels: Record<RefusalReason, string> = {
  no_lawful_basis: 'No lawful basis covers this disclosure for this purpose',
  not_necessary: 'It is not necessary for the purpose, or more than it needs',
  third_party_information: 'It would identify another person who has not agreed',
  prohibited_by_enactment: 'The law forbids disclosing it',
  prejudice_to_investigation: 'It would prejudice the prevention or detection of crime',
  requester_not_verified: 'The requester could not be verified',
};

export const messageLabels: Record<string, string> = {
  clarification_asked: 'Asked to clarify',
  clarification_given: 'Clarified',
  verification_asked: 'Asked to verify who they are',
  verification_given: 'Verified',
};
