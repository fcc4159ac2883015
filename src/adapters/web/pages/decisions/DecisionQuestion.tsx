import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FieldProblem } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { fromProblems, hasErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import {
  firstUnanswered,
  nextPage,
  pageFieldOf,
  previousQuestion,
  type Question,
} from './decision-questions.ts';
import { RecordFields } from './RecordFields.tsx';
import { pathCaption, pathExit, pathHref, type PathProps } from './path-props.ts';
import { SituationFields } from './SituationFields.tsx';

export interface DecisionQuestionProps extends PathProps {
  readonly question: Question;
  /** Problems the server found with this page's answers, handed on by "check your answers". */
  readonly serverProblems: readonly FieldProblem[];
  /** Reached by a Change link: Continue returns to "check your answers". */
  readonly returnToCheck: boolean;
}

/** Where a part's "check your answers" page is. */
export const checkPageOf = (question: Question): string =>
  question.part === 'situation' ? 'check' : 'record-check';

/** One question page: Back, the question, its fields, Continue (GOV.UK question pages pattern). */
export function DecisionQuestion(props: DecisionQuestionProps) {
  const { context, state, question, serverProblems, returnToCheck } = props;
  const start = context.start;
  const navigate = useNavigate();
  const fields = question.fields(state);
  const [errors, setErrors] = useState<FormErrors>(() =>
    fromProblems(
      serverProblems.map((p) => ({ ...p, field: pageFieldOf(p.field, state) })),
      fields,
    ),
  );
  const heading = question.heading(state);
  usePageTitle(heading, hasErrors(errors));
  const previous = previousQuestion(context, state, question.slug);
  const back = returnToCheck
    ? pathHref(start, checkPageOf(question))
    : previous
      ? pathHref(start, previous.slug)
      : question.part === 'record'
        ? pathHref(start, 'recommendation')
        : pathExit(start);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems = question.problems(state);
    if (problems.length > 0) {
      setErrors(fromProblems(problems, question.fields(state)));
      return;
    }
    const next = nextPage(context, state, question.slug);
    if (next.to === 'stop') {
      void navigate(pathHref(start, 'stop'));
      return;
    }
    if (returnToCheck) {
      // A change can bring in a page not yet answered (choosing a request asks who is asking).
      const unanswered = firstUnanswered(context, state, question.part);
      void navigate(pathHref(start, unanswered ? unanswered.slug : checkPageOf(question)), {
        state: { change: true },
      });
      return;
    }
    void navigate(pathHref(start, next.to === 'question' ? next.question.slug : checkPageOf(question)));
  }

  return (
    <>
      <Link className="govuk-back-link" to={back}>
        Back
      </Link>
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <form noValidate className="govuk-grid-column-two-thirds" onSubmit={submit}>
          <span className="govuk-caption-l">{pathCaption(start, state.childName)}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          {question.part === 'situation' ? (
            <SituationFields {...props} errors={errors} />
          ) : (
            <RecordFields {...props} errors={errors} />
          )}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </form>
      </div>
    </>
  );
}
