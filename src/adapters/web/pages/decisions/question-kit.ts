// The parts every question page of the decision path is built from: the slugs, what decides
// which pages are asked, and the checks a page makes before moving on (decision-questions.ts).
import type { FieldProblem } from '../../api-types.ts';
import type { DecisionPathStart, DecisionPathState } from './decision-answers.ts';

export type SituationSlug =
  | 'danger'
  | 'setting'
  | 'kind'
  | 'requester'
  | 'request'
  | 'concern'
  | 'child'
  | 'consent'
  | 'family-risk'
  | 'data';
export type RecordSlug =
  | 'decision'
  | 'recipient'
  | 'information'
  | 'justification'
  | 'basis'
  | 'method'
  | 'when'
  | 'family'
  | 'advice'
  | 'expiry';
export type QuestionSlug = SituationSlug | RecordSlug;

/** What decides which pages are asked, beside the answers themselves. */
export interface PathContext {
  readonly start: DecisionPathStart;
  /** The service the signed-in membership suggests (setting-of-membership.ts); '' when unclear. */
  readonly derivedSetting: string;
}

export interface Question {
  readonly slug: QuestionSlug;
  readonly part: 'situation' | 'record';
  /** The page's heading: the question, in the practitioner's words. */
  readonly heading: (state: DecisionPathState) => string;
  /** The page's field ids, in page order (the API's body keys where there is one). */
  readonly fields: (state: DecisionPathState) => readonly string[];
  readonly asks: (context: PathContext, state: DecisionPathState) => boolean;
  readonly problems: (state: DecisionPathState) => FieldProblem[];
}

export const FRONT_DOOR: ReadonlySet<string> = new Set(['mash', 'mash_police']);
export const SCHOOLS: ReadonlySet<string> = new Set(['school', 'early_years']);
/** The API's limit for free text (src/domain/decisions/decision-input.ts). */
export const MAX_TEXT = 4000;

/** The kinds of situation a service meets: only schools and early years move a child on. */
export function kindsFor(setting: string): string[] {
  const kinds = ['own_concern', 'incoming_request', 'partner_check'];
  return SCHOOLS.has(setting) ? [...kinds, 'school_transfer'] : kinds;
}

export const kind = (s: DecisionPathState) => s.situation.kind;
/** Someone asks: a request, or the MASH's checks answered by a partner (not the MASH itself). */
export const someoneAsks = (_c: PathContext, s: DecisionPathState) =>
  kind(s) === 'incoming_request' || (kind(s) === 'partner_check' && !FRONT_DOOR.has(s.situation.setting));
export const hasConcern = (_c: PathContext, s: DecisionPathState) =>
  kind(s) === 'own_concern' || kind(s) === 'partner_check';
export const notTransfer = (_c: PathContext, s: DecisionPathState) =>
  kind(s) !== '' && kind(s) !== 'school_transfer';
export const aboutAChild = (c: PathContext) => c.start.kind === 'child';
export const sharing = (c: PathContext, s: DecisionPathState) =>
  aboutAChild(c) && s.record.decision === 'share';

export type Check = (s: DecisionPathState) => FieldProblem | null;
export const checks =
  (...all: Check[]) =>
  (s: DecisionPathState): FieldProblem[] =>
    all.map((check) => check(s)).filter((p): p is FieldProblem => p !== null);
export const required =
  (field: string, value: (s: DecisionPathState) => string | readonly string[], problem: string): Check =>
  (s) => {
    const v = value(s);
    return (typeof v === 'string' ? v.trim() === '' : v.length === 0) ? { field, problem } : null;
  };
export const atMost =
  (field: string, value: (s: DecisionPathState) => string, label: string, max = MAX_TEXT): Check =>
  (s) =>
    value(s).length > max ? { field, problem: `${label} must be ${max} characters or fewer` } : null;
export const fixed =
  (...fields: string[]) =>
  () =>
    fields;

/** A "yes" to immediate danger stops the path at its first page (call 999, refer now). */
export const stopsForDanger = (state: DecisionPathState): boolean => state.situation.danger === 'yes';
