// The agreement draft as GOV.UK question pages (one thing per page, then "check your answers"):
// which pages a journey asks, in what order, and what each page refuses before moving on. The
// server checks everything again when the draft is saved; these checks only spare the drafter a
// round trip, and use the API's own words so a problem reads the same from either.
import { isCalendarDate } from '../../../../domain/agreements/calendar-dates.ts';
import type { FieldProblem } from '../../api-types.ts';
import type { DraftForm } from './draft-form.ts';

/** A new Tier 2 (with its first flow), a new Tier 1, or the draft version of an existing agreement. */
export type DraftJourney =
  | { readonly kind: 'new'; readonly tier: 'tier1' | 'tier2' }
  | { readonly kind: 'edit'; readonly tier: 'tier1' | 'tier2'; readonly id: string };

export type QuestionSlug =
  | 'framework'
  | 'title'
  | 'purpose'
  | 'parties'
  | 'contacts'
  | 'dates'
  | 'security'
  | 'retention'
  | 'rights'
  | 'purposes'
  | 'data-categories'
  | 'gateways'
  | 'flow-name'
  | 'flow-organisations'
  | 'flow-purposes'
  | 'flow-information'
  | 'flow-basis'
  | 'flow-gateways'
  | 'flow-method';

export interface Question {
  readonly slug: QuestionSlug;
  /** The page's heading: the question, in the drafter's words. */
  readonly heading: string;
  /** The form's field ids (the API's field names) this page holds, in page order. */
  readonly fields: readonly string[];
  readonly asks: (journey: DraftJourney, form: DraftForm) => boolean;
  readonly problems: (form: DraftForm) => FieldProblem[];
}

const always = () => true;
const tier1Only = (journey: DraftJourney) => journey.tier === 'tier1';
/** A saved Tier 2's flows are changed one at a time from its page, so only a new one asks. */
const firstFlow = (journey: DraftJourney) => journey.kind === 'new' && journey.tier === 'tier2';
const none = (): FieldProblem[] => [];

type Check = (form: DraftForm) => FieldProblem | null;
const checks =
  (...all: Check[]) =>
  (form: DraftForm): FieldProblem[] =>
    all.map((check) => check(form)).filter((p): p is FieldProblem => p !== null);

const required =
  (field: string, value: (form: DraftForm) => string | readonly string[], problem: string): Check =>
  (form) => {
    const v = value(form);
    return (typeof v === 'string' ? v.trim() === '' : v.length === 0) ? { field, problem } : null;
  };

const atMost =
  (field: string, value: (form: DraftForm) => string, label: string, max: number): Check =>
  (form) =>
    value(form).length > max ? { field, problem: `${label} must be ${max} characters or fewer` } : null;

const date =
  (field: 'startDate' | 'reviewDate', name: string): Check =>
  (form) => {
    const value = form[field].trim();
    if (value === '') return { field, problem: `Enter the ${name}, like 2026-04-01` };
    return isCalendarDate(value)
      ? null
      : { field, problem: `Enter the ${name} as a real date in the format YYYY-MM-DD, like 2026-04-01` };
  };

export const QUESTIONS: readonly Question[] = [
  {
    slug: 'framework',
    heading: 'Which Tier 1 agreement does it come under?',
    fields: ['tier1AgreementId'],
    asks: (journey) => journey.kind === 'new' && journey.tier === 'tier2',
    problems: checks(
      required('tier1AgreementId', (f) => f.tier1AgreementId, 'Select the Tier 1 agreement it comes under'),
    ),
  },
  {
    slug: 'title',
    heading: 'What is the agreement called?',
    fields: ['title'],
    asks: always,
    problems: checks(
      required('title', (f) => f.title, 'Enter a title'),
      atMost('title', (f) => f.title, 'Title', 200),
    ),
  },
  {
    slug: 'purpose',
    heading: 'Why do the partners share information?',
    fields: ['summary'],
    asks: always,
    problems: checks(atMost('summary', (f) => f.summary, 'Purpose', 5000)),
  },
  {
    slug: 'parties',
    heading: 'Which organisations are parties to it?',
    fields: ['parties'],
    asks: always,
    problems: checks(
      required('parties', (f) => f.parties, 'Select every organisation that shares or receives information'),
    ),
  },
  {
    slug: 'contacts',
    heading: 'Who should the other parties contact at each party?',
    fields: ['contacts'],
    // Nothing to ask until parties are chosen.
    asks: (_journey, form) => form.parties.length > 0,
    problems: (form) =>
      form.parties
        .filter((o) => (form.contacts[o] ?? '').length > 200)
        .map((o) => ({ field: `contact-${o}`, problem: 'A contact must be 200 characters or fewer' })),
  },
  {
    slug: 'dates',
    heading: 'When does it start, and when will it be reviewed?',
    fields: ['startDate', 'reviewDate'],
    asks: always,
    problems: checks(date('startDate', 'start date'), date('reviewDate', 'review date')),
  },
  {
    slug: 'security',
    heading: 'How do the parties keep the information secure?',
    fields: ['security'],
    asks: always,
    problems: checks(atMost('security', (f) => f.security, 'Security', 5000)),
  },
  {
    slug: 'retention',
    heading: 'How long do the parties keep the information?',
    fields: ['retention'],
    asks: always,
    problems: checks(atMost('retention', (f) => f.retention, 'Retention', 5000)),
  },
  {
    slug: 'rights',
    heading: 'How are the rights of the people concerned met?',
    fields: ['rights'],
    asks: always,
    problems: checks(atMost('rights', (f) => f.rights, 'Rights', 5000)),
  },
  {
    slug: 'purposes',
    heading: 'What do the partners share information for under it?',
    fields: ['purposes'],
    asks: tier1Only,
    problems: none,
  },
  {
    slug: 'data-categories',
    heading: 'Which categories of data are shared under it?',
    fields: ['dataCategories'],
    asks: tier1Only,
    problems: none,
  },
  {
    slug: 'gateways',
    heading: 'Which legal gateways does it rely on?',
    fields: ['gatewayIds'],
    asks: tier1Only,
    problems: none,
  },
  {
    slug: 'flow-name',
    heading: 'What is the first flow called?',
    fields: ['flows.0.name'],
    asks: firstFlow,
    problems: checks(
      required('flows.0.name', (f) => f.flow.name, 'Enter a name for the flow'),
      atMost('flows.0.name', (f) => f.flow.name, 'Name', 200),
    ),
  },
  {
    slug: 'flow-organisations',
    heading: 'Who shares the information, and who receives it?',
    fields: ['flows.0.fromOrganisationIds', 'flows.0.toOrganisationIds'],
    asks: firstFlow,
    problems: checks(
      required(
        'flows.0.fromOrganisationIds',
        (f) => f.flow.fromOrganisationIds,
        'Select at least one organisation that shares',
      ),
      required(
        'flows.0.toOrganisationIds',
        (f) => f.flow.toOrganisationIds,
        'Select at least one organisation that receives',
      ),
    ),
  },
  {
    slug: 'flow-purposes',
    heading: 'What is the information shared for?',
    fields: ['flows.0.purposes'],
    asks: firstFlow,
    problems: checks(required('flows.0.purposes', (f) => f.flow.purposes, 'Select at least one purpose')),
  },
  {
    slug: 'flow-information',
    heading: 'What information is shared?',
    fields: ['flows.0.fieldGroups'],
    asks: firstFlow,
    problems: checks(
      required('flows.0.fieldGroups', (f) => f.flow.fieldGroups, 'Select the information shared'),
    ),
  },
  {
    slug: 'flow-basis',
    heading: 'What is the lawful basis under data protection law?',
    fields: [
      'flows.0.art6BasisId',
      'flows.0.art9ConditionId',
      'flows.0.art9Sched1ConditionId',
      'flows.0.art10ConditionId',
      'flows.0.art10Sched1ConditionId',
    ],
    asks: firstFlow,
    problems: checks(
      required('flows.0.art6BasisId', (f) => f.flow.art6BasisId, 'Select the UK GDPR Article 6 lawful basis'),
    ),
  },
  {
    slug: 'flow-gateways',
    heading: 'Which law allows it, and what sets confidentiality aside?',
    fields: [
      'flows.0.statutoryGatewayIds',
      'flows.0.confidentialityGatewayId',
      'flows.0.confidentialityGround',
    ],
    asks: firstFlow,
    problems: none,
  },
  {
    slug: 'flow-method',
    heading: 'How is it shared, and how long is it kept?',
    fields: ['flows.0.method', 'flows.0.frequency', 'flows.0.retention', 'flows.0.dpiaReference'],
    asks: firstFlow,
    problems: checks(
      required('flows.0.method', (f) => f.flow.method, 'Select how the information is shared'),
      required('flows.0.frequency', (f) => f.flow.frequency, 'Select how often it is shared'),
      atMost('flows.0.retention', (f) => f.flow.retention, 'Retention', 1000),
      atMost('flows.0.dpiaReference', (f) => f.flow.dpiaReference, 'DPIA reference', 100),
    ),
  },
];

/** Where a journey's pages live: `${base}/<question>` and `${base}/check`. */
export function journeyBase(journey: DraftJourney): string {
  return journey.kind === 'new' ? `/agreements/new/${journey.tier}` : `/agreements/${journey.id}/edit`;
}

/** Where leaving the journey goes: the agreements list, or the agreement being edited. */
export function journeyExit(journey: DraftJourney): string {
  return journey.kind === 'new' ? '/agreements' : `/agreements/${journey.id}`;
}

/** The pages this journey asks, in order, given the answers so far. */
export function questionsFor(journey: DraftJourney, form: DraftForm): Question[] {
  return QUESTIONS.filter((q) => q.asks(journey, form));
}

export function questionBySlug(slug: string | undefined): Question | undefined {
  return QUESTIONS.find((q) => q.slug === slug);
}

/** The page after this one, or null for "check your answers". */
export function nextQuestion(journey: DraftJourney, form: DraftForm, slug: QuestionSlug): Question | null {
  const asked = questionsFor(journey, form);
  const at = asked.findIndex((q) => q.slug === slug);
  return asked[at + 1] ?? null;
}

/** The page before this one, or null on the first page. */
export function previousQuestion(
  journey: DraftJourney,
  form: DraftForm,
  slug: QuestionSlug,
): Question | null {
  const asked = questionsFor(journey, form);
  const at = asked.findIndex((q) => q.slug === slug);
  return at > 0 ? (asked[at - 1] ?? null) : null;
}

/**
 * The page that holds a field, for a problem the server found: `contact-<organisation>` is on the
 * contacts page, and a field no page holds (such as `(body)`) belongs to none.
 */
export function questionOfField(field: string): Question | undefined {
  if (field.startsWith('contact-')) return questionBySlug('contacts');
  return QUESTIONS.find((q) => q.fields.includes(field));
}

/** Every problem on the pages this journey asks, page by page: what "check your answers" refuses. */
export function unansweredProblems(journey: DraftJourney, form: DraftForm): FieldProblem[] {
  return questionsFor(journey, form).flatMap((q) => q.problems(form));
}
