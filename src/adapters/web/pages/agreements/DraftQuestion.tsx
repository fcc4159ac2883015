import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AgreementReference, FieldProblem, Gateway } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { type SelectOption } from '../../components/Select.tsx';
import { fromProblems, hasErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import type { DraftForm } from './draft-form.ts';
import {
  journeyBase,
  journeyExit,
  nextQuestion,
  previousQuestion,
  type DraftJourney,
  type Question,
} from './draft-questions.ts';
import { QuestionFields } from './DraftQuestionFields.tsx';
import { type NamedOrganisation } from './labels.ts';

export interface DraftListsProps {
  readonly tier1s: readonly SelectOption[];
  readonly organisations: readonly NamedOrganisation[];
  readonly reference: AgreementReference;
  readonly gateways: readonly Gateway[];
}

export interface DraftQuestionProps {
  readonly journey: DraftJourney;
  readonly question: Question;
  readonly form: DraftForm;
  readonly setForm: (update: (form: DraftForm) => DraftForm) => void;
  readonly lists: DraftListsProps;
  /** Problems the server found with this page's answers, handed on by "check your answers". */
  readonly serverProblems: readonly FieldProblem[];
  /** Reached by a Change link: Continue and Back return to "check your answers". */
  readonly returnToCheck: boolean;
}

/** The form field ids of one page, for its error summary: contacts are one field per party. */
function pageFields(question: Question, form: DraftForm): string[] {
  return question.slug === 'contacts' ? form.parties.map((o) => `contact-${o}`) : [...question.fields];
}

/** One question page: Back, the question, its fields, Continue (GOV.UK question pages pattern). */
export function DraftQuestion(props: DraftQuestionProps) {
  const { journey, question, form, serverProblems, returnToCheck } = props;
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(() =>
    fromProblems(serverProblems, pageFields(question, form)),
  );
  usePageTitle(question.heading, hasErrors(errors));
  const base = journeyBase(journey);
  const previous = previousQuestion(journey, form, question.slug);
  const back = returnToCheck ? `${base}/check` : previous ? `${base}/${previous.slug}` : journeyExit(journey);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems = question.problems(form);
    if (problems.length > 0) {
      setErrors(fromProblems(problems, pageFields(question, form)));
      return;
    }
    const next = nextQuestion(journey, form, question.slug);
    // After a change, a page that has just come to be asked (contacts, once parties are chosen) is
    // asked before returning to the answers.
    const newlyAsked = returnToCheck && question.slug === 'parties' && next?.slug === 'contacts';
    const to = (returnToCheck && !newlyAsked) || !next ? `${base}/check` : `${base}/${next.slug}`;
    void navigate(to, { state: returnToCheck ? { change: true } : null });
  }

  return (
    <>
      <Link className="govuk-back-link" to={back}>
        Back
      </Link>
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <form noValidate className="govuk-grid-column-two-thirds" onSubmit={submit}>
          <span className="govuk-caption-l">{journeyCaption(journey)}</span>
          <h1 className="govuk-heading-l">{question.heading}</h1>
          <QuestionFields {...props} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </form>
      </div>
    </>
  );
}

export function journeyCaption(journey: DraftJourney): string {
  if (journey.kind === 'edit') return 'Edit the draft';
  return journey.tier === 'tier1' ? 'Draft a Tier 1 agreement' : 'Draft a Tier 2 agreement';
}
