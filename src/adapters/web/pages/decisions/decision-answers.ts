// What a practitioner has answered on the decision path so far (issue 16 point 2): the situation
// questions, whether they follow the guidance's recommendation, and the record of their decision.
// Kept as strings and lists of codes, as the form controls hold them; situation-of-answers.ts and
// decision-body.ts turn them into the API's shapes.

/** Where the path began: guidance only ("seek advice"), or a decision about a child in Tessera. */
export type DecisionPathStart =
  | { readonly kind: 'advice' }
  | { readonly kind: 'child'; readonly personId: string; readonly purpose: string };

export type YesNo = '' | 'yes' | 'no';
export type YesNoNotSure = YesNo | 'not_sure';

export interface SituationAnswers {
  readonly danger: YesNo;
  readonly setting: string;
  readonly kind: string;
  readonly concerns: readonly string[];
  readonly age: string;
  /** Checkbox codes: unborn, competent, onChildProtectionPlan, hadChildInNeedPlan, knownToServices. */
  readonly childFacts: readonly string[];
  readonly consent: string;
  readonly seekingWouldIncreaseRisk: YesNoNotSure;
  readonly familyRisk: YesNoNotSure;
  readonly dataCategories: readonly string[];
  readonly requesterOrgType: string;
  readonly identityVerified: YesNo;
  readonly requestPurpose: string;
  readonly requestForm: string;
  readonly wholeRecord: YesNo;
  readonly relationship: string;
  readonly allegedAbuser: YesNoNotSure;
}

export interface RecordAnswers {
  readonly decision: '' | 'share' | 'not_share';
  readonly reasons: string;
  readonly recipientOrganisationId: string;
  readonly fieldGroups: readonly string[];
  /** Why each chosen field group is needed, by group (data minimisation, UK GDPR Art 5(1)(c)). */
  readonly justifications: Readonly<Record<string, string>>;
  readonly lawfulBasis: readonly string[];
  readonly method: string;
  /** When it was shared, if before now (after an emergency): YYYY-MM-DD and HH:MM, UK time. */
  readonly sharedOn: string;
  readonly sharedTime: string;
  readonly familyTold: string;
  readonly familyNotToldReason: string;
  readonly advisedBy: string;
  /** YYYY-MM-DD; empty for the API's default of 90 days. */
  readonly expiresOn: string;
}

export interface DecisionPathState {
  /** Made once when the path starts: a second submission (a double click) records nothing more. */
  readonly idempotencyKey: string;
  /** The child's name as the single view showed it, for captions; never read again for this. */
  readonly childName: string;
  readonly situation: SituationAnswers;
  /** Whether the practitioner follows the recommendation; "no" needs a reason. */
  readonly follow: YesNo;
  readonly departureReason: string;
  readonly record: RecordAnswers;
  /** Set once recorded: the confirmation page shows it, and the path cannot record twice. */
  readonly recorded: { readonly id: string; readonly version: number } | null;
}

export const emptySituation: SituationAnswers = {
  danger: '',
  setting: '',
  kind: '',
  concerns: [],
  age: '',
  childFacts: [],
  consent: '',
  seekingWouldIncreaseRisk: '',
  familyRisk: '',
  dataCategories: [],
  requesterOrgType: '',
  identityVerified: '',
  requestPurpose: '',
  requestForm: '',
  wholeRecord: '',
  relationship: '',
  allegedAbuser: '',
};

export const emptyRecord: RecordAnswers = {
  decision: '',
  reasons: '',
  recipientOrganisationId: '',
  fieldGroups: [],
  justifications: {},
  lawfulBasis: [],
  method: '',
  sharedOn: '',
  sharedTime: '',
  familyTold: '',
  familyNotToldReason: '',
  advisedBy: '',
  expiresOn: '',
};

/** A new path: the setting starts at the one the signed-in membership suggests (setting-of-membership.ts). */
export function newPath(idempotencyKey: string, setting: string, childName = ''): DecisionPathState {
  return {
    idempotencyKey,
    childName,
    situation: { ...emptySituation, setting },
    follow: '',
    departureReason: '',
    record: emptyRecord,
    recorded: null,
  };
}
