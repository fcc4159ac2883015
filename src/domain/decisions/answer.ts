import type { RequesterOrgType } from './situation.ts';

/** The guidance's answer to a situation (issue 16 point 1). Codes, never prose: pages word them. */

export const outcomes = [
  'share',
  'share_without_consent',
  'share_limited',
  'do_not_share',
  'refuse_request',
  'seek_advice_anonymised',
  'seek_consent_first',
  'verify_identity_first',
] as const;
export type Outcome = (typeof outcomes)[number];

/** Most urgent first: merging keeps the most urgent any rule asked for. */
export const urgencies = ['immediate', 'same_day', 'within_1_working_day', 'routine'] as const;
export type Urgency = (typeof urgencies)[number];

export type Deadline =
  | { readonly hours: number }
  | { readonly workingDays: number }
  | { readonly schoolDays: number }
  | { readonly months: number };

export const tellFamilyAnswers = ['yes', 'no', 'after', 'partly', 'per_lead_agency'] as const;
export type TellFamily = (typeof tellFamilyAnswers)[number];

export const adviceCodes = [
  'call_999',
  'refer_csc_now',
  'consult_dsl',
  'consult_caldicott',
  'discuss_anonymised',
  'seek_legal_advice',
] as const;
export type AdviceCode = (typeof adviceCodes)[number];

export type Recipient = RequesterOrgType;

export interface Step {
  readonly rule: string;
  readonly citation: string;
  readonly note: string;
}

export interface Answer {
  readonly edition: '2018' | '2024';
  readonly outcome: Outcome;
  readonly urgency: Urgency;
  readonly deadline: Deadline | null;
  readonly tellFamily: { readonly answer: TellFamily; readonly reason: string };
  /** Gateway ids from the built-in catalogue (src/domain/gateways/builtin-*.ts). */
  readonly lawfulBasis: readonly string[];
  readonly recipients: readonly Recipient[];
  readonly advice: readonly AdviceCode[];
  readonly partnerChecks: readonly Recipient[];
  readonly escalate: boolean;
  readonly notifyLeadPractitioner: boolean;
  readonly wholeFile: boolean;
  readonly receiptRequired: boolean;
  readonly recordReasons: readonly string[];
  readonly mustRecord: readonly string[];
  readonly never: readonly string[];
  readonly warnings: readonly string[];
  readonly steps: readonly Step[];
  readonly deadlineHint: string | null;
}

/** What one rule adds. Absent fields add nothing. */
export interface Contribution {
  readonly outcome?: Outcome;
  readonly urgency?: Urgency;
  readonly deadline?: Deadline;
  readonly tellFamily?: { readonly answer: TellFamily; readonly reason: string };
  readonly lawfulBasis?: readonly string[];
  readonly recipients?: readonly Recipient[];
  readonly advice?: readonly AdviceCode[];
  readonly partnerChecks?: readonly Recipient[];
  readonly escalate?: boolean;
  readonly notifyLeadPractitioner?: boolean;
  readonly wholeFile?: boolean;
  readonly receiptRequired?: boolean;
  readonly recordReasons?: readonly string[];
  readonly mustRecord?: readonly string[];
  readonly never?: readonly string[];
  readonly warnings?: readonly string[];
}
