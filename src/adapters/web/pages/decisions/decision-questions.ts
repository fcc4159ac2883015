// The decision path as GOV.UK question pages (one thing per page, then "check your answers"):
// which pages a practitioner is asked, in what order, and what each refuses before moving on.
// Two parts: the situation the guidance needs (HM Government information sharing advice 2018 and
// 2024; ICO 10 step guide 2023), then, for a child in Tessera, the record of the decision (2024
// golden rule 7: record the decision and the reasons, whether or not information is shared).
// The server checks everything again; these checks spare a round trip and use the API's words.
import type { Setting } from '../../../../domain/decisions/situation.ts';
import type { FieldProblem } from '../../api-types.ts';
import type { DecisionPathState } from './decision-answers.ts';
import { settingLabels } from './situation-labels.ts';
import { RECORD_QUESTIONS } from './record-questions.ts';
import {
  checks,
  fixed,
  hasConcern,
  kind,
  kindsFor,
  notTransfer,
  required,
  someoneAsks,
  stopsForDanger,
  type PathContext,
  type Question,
  type QuestionSlug,
} from './question-kit.ts';

export {
  kindsFor,
  stopsForDanger,
  type PathContext,
  type Question,
  type QuestionSlug,
  type RecordSlug,
  type SituationSlug,
} from './question-kit.ts';

const SITUATION_QUESTIONS: readonly Question[] = [
  {
    slug: 'danger',
    part: 'situation',
    heading: () => 'Is the child in immediate danger, or is anyone’s life at risk?',
    fields: fixed('danger'),
    asks: () => true,
    problems: checks(
      required('danger', (s) => s.situation.danger, 'Select yes if the child is in immediate danger'),
    ),
  },
  {
    slug: 'setting',
    part: 'situation',
    heading: () => 'Which service are you working in?',
    fields: fixed('setting'),
    // Asked when the signed-in organisation does not tell it; changed from "check your answers".
    asks: (c) => c.derivedSetting === '',
    problems: checks((s) =>
      isSetting(s.situation.setting)
        ? null
        : { field: 'setting', problem: 'Select your service from the list' },
    ),
  },
  {
    slug: 'kind',
    part: 'situation',
    heading: () => 'What is happening?',
    fields: fixed('kind'),
    asks: () => true,
    problems: checks((s) =>
      kindsFor(s.situation.setting).includes(s.situation.kind)
        ? null
        : { field: 'kind', problem: 'Select what kind of situation this is' },
    ),
  },
  {
    slug: 'requester',
    part: 'situation',
    heading: () => 'Who is asking?',
    fields: (s) =>
      s.situation.requesterOrgType === 'member_of_public'
        ? ['requesterOrgType', 'relationship', 'allegedAbuser', 'identityVerified']
        : ['requesterOrgType', 'identityVerified'],
    asks: someoneAsks,
    problems: checks(
      required('requesterOrgType', (s) => s.situation.requesterOrgType, 'Select who is asking'),
      (s) =>
        s.situation.requesterOrgType === 'member_of_public' && s.situation.relationship === ''
          ? { field: 'relationship', problem: 'Select the requester’s relationship to the child' }
          : null,
      (s) =>
        s.situation.requesterOrgType === 'member_of_public' && s.situation.allegedAbuser === ''
          ? {
              field: 'allegedAbuser',
              problem: 'Select whether the requester is suspected of harming the child',
            }
          : null,
      required(
        'identityVerified',
        (s) => s.situation.identityVerified,
        'Select yes if you have checked who is asking',
      ),
    ),
  },
  {
    slug: 'request',
    part: 'situation',
    heading: () => 'What is the information wanted for, and how was it asked for?',
    fields: fixed('requestPurpose', 'requestForm', 'wholeRecord'),
    asks: someoneAsks,
    problems: checks(
      required(
        'requestPurpose',
        (s) => s.situation.requestPurpose,
        'Select what the information is wanted for',
      ),
      required('requestForm', (s) => s.situation.requestForm, 'Select how the request was made'),
      required('wholeRecord', (s) => s.situation.wholeRecord, 'Select yes if they ask for the whole record'),
    ),
  },
  {
    slug: 'concern',
    part: 'situation',
    heading: () => 'What are you worried about?',
    fields: fixed('concerns'),
    asks: hasConcern,
    problems: () => [],
  },
  {
    slug: 'child',
    part: 'situation',
    heading: () => 'About the child',
    fields: fixed('age', 'childFacts'),
    asks: (_c, s) => kind(s) !== '',
    problems: checks((s) => {
      const age = s.situation.age.trim();
      if (age === '') return null;
      if (!/^\d{1,2}$/.test(age)) return { field: 'age', problem: 'Enter the child’s age in whole years' };
      return Number(age) > 25 ? { field: 'age', problem: 'Enter an age of 25 or under' } : null;
    }),
  },
  {
    slug: 'consent',
    part: 'situation',
    heading: () => 'Has the child or family agreed to the information being shared?',
    fields: (s) => (s.situation.consent === 'given' ? ['consent'] : ['consent', 'seekingWouldIncreaseRisk']),
    // Partner checks go without consent at the front door (DOMAIN.md 6); a school transfer is a duty.
    asks: (_c, s) => kind(s) === 'own_concern' || kind(s) === 'incoming_request',
    problems: checks(
      required(
        'consent',
        (s) => s.situation.consent,
        'Select whether consent was given, refused, not sought or cannot be sought',
      ),
      (s) =>
        s.situation.consent !== 'given' &&
        s.situation.consent !== '' &&
        s.situation.seekingWouldIncreaseRisk === ''
          ? {
              field: 'seekingWouldIncreaseRisk',
              problem: 'Select whether asking for consent would put the child at greater risk',
            }
          : null,
    ),
  },
  {
    slug: 'family-risk',
    part: 'situation',
    heading: () => 'Would telling the family put the child or anyone else at greater risk?',
    fields: fixed('familyRisk'),
    asks: notTransfer,
    problems: checks(
      required(
        'familyRisk',
        (s) => s.situation.familyRisk,
        'Select whether telling the family would increase the risk',
      ),
    ),
  },
  {
    slug: 'data',
    part: 'situation',
    heading: () => 'What kind of information would be shared?',
    fields: fixed('dataCategories'),
    asks: (_c, s) => kind(s) !== '',
    problems: () => [],
  },
];

export const QUESTIONS: readonly Question[] = [...SITUATION_QUESTIONS, ...RECORD_QUESTIONS];

export function questionBySlug(slug: string | undefined): Question | undefined {
  return QUESTIONS.find((q) => q.slug === slug);
}

/** The pages this practitioner is asked in one part, in order, given the answers so far. */
export function questionsFor(
  context: PathContext,
  state: DecisionPathState,
  part: Question['part'],
): Question[] {
  return QUESTIONS.filter((q) => q.part === part && q.asks(context, state));
}

/** Immediate danger stops the path at once: call 999 or refer now, record afterwards (2024 golden rule 5). */

export type NextPage =
  { readonly to: 'question'; readonly question: Question } | { readonly to: 'stop' | 'check' };

/** The page after this one: the danger stop, the next question, or "check your answers". */
export function nextPage(context: PathContext, state: DecisionPathState, slug: QuestionSlug): NextPage {
  if (slug === 'danger' && stopsForDanger(state)) return { to: 'stop' };
  return afterQuestion(context, state, slug);
}

/** The next question regardless of the danger stop (the stop page's "continue" goes here). */
export function afterQuestion(context: PathContext, state: DecisionPathState, slug: QuestionSlug): NextPage {
  const question = questionBySlug(slug);
  if (!question) return { to: 'check' };
  const asked = questionsFor(context, state, question.part);
  const next = asked[asked.findIndex((q) => q.slug === slug) + 1];
  return next ? { to: 'question', question: next } : { to: 'check' };
}

/** The page before this one, or null on the first page of its part. */
export function previousQuestion(
  context: PathContext,
  state: DecisionPathState,
  slug: QuestionSlug,
): Question | null {
  const question = questionBySlug(slug);
  if (!question) return null;
  const asked = questionsFor(context, state, question.part);
  const at = asked.findIndex((q) => q.slug === slug);
  return at > 0 ? (asked[at - 1] ?? null) : null;
}

/** Every problem on the pages of one part: what "check your answers" refuses. */
export function unansweredProblems(
  context: PathContext,
  state: DecisionPathState,
  part: Question['part'],
): FieldProblem[] {
  return questionsFor(context, state, part).flatMap((q) => q.problems(state));
}

/**
 * After a change from "check your answers": the first page of the part still unanswered (a page
 * the change has just brought in, such as "Who is asking?" after choosing a request), or null to
 * return to the answers.
 */
export function firstUnanswered(
  context: PathContext,
  state: DecisionPathState,
  part: Question['part'],
): Question | null {
  return questionsFor(context, state, part).find((q) => q.problems(state).length > 0) ?? null;
}

/** The page that holds a field the server named (`fieldGroups.1.justification` is on its page). */
export function questionOfField(field: string, state: DecisionPathState): Question | undefined {
  return QUESTIONS.find((q) => q.fields(state).includes(pageFieldOf(field, state)));
}

/** The field id on the page for a field the server named. */
export function pageFieldOf(field: string, state: DecisionPathState): string {
  const justification = /^fieldGroups\.(\d+)\.justification$/.exec(field);
  if (justification) return `justification-${state.record.fieldGroups[Number(justification[1])] ?? ''}`;
  if (/^fieldGroups\.\d+/.test(field)) return 'fieldGroups';
  if (/^lawfulBasis\.\d+$/.test(field)) return 'lawfulBasis';
  if (field === 'sharedAt') return state.situation.danger === 'yes' ? 'sharedOn' : 'disclosureExpiresAt';
  return field;
}

/** The services, from their labels (a type-only import keeps the domain's zod out of the bundle). */
export function isSetting(value: string): value is Setting {
  return Object.hasOwn(settingLabels, value);
}
