import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { AnswerRows, listOf, NOT_GIVEN, type AnswerRow } from './AnswerRows.tsx';
import type { DecisionPathState } from './decision-answers.ts';
import {
  questionBySlug,
  questionsFor,
  unansweredProblems,
  type PathContext,
  type QuestionSlug,
} from './decision-questions.ts';
import { pathCaption, pathExit, pathHref, type PathProps } from './path-props.ts';
import {
  childFactLabels,
  childFactsFor,
  concernLabels,
  concernsFor,
  consentLabels,
  dataCategoryLabels,
  kindLabels,
  relationshipLabels,
  requesterOrgTypeLabels,
  requestFormLabels,
  requestPurposeLabels,
  settingLabels,
  yesNoNotSureLabels,
} from './situation-labels.ts';

const word = (labels: Readonly<Record<string, string>>, code: string) =>
  code === '' ? NOT_GIVEN : (labels[code] ?? code);

/** The rows of the situation's answers, for the pages this practitioner was asked. */
export function situationRows(context: PathContext, state: DecisionPathState): AnswerRow[] {
  const a = state.situation;
  const start = context.start;
  const row = (
    key: string,
    value: AnswerRow['value'],
    question: QuestionSlug,
    change: string,
  ): AnswerRow => ({
    key,
    value,
    to: pathHref(start, question),
    change,
  });
  const asked = new Set(questionsFor(context, state, 'situation').map((q) => q.slug));
  const member = a.requesterOrgType === 'member_of_public';
  const rows: (AnswerRow | false)[] = [
    row(
      'Immediate danger',
      word(yesNoNotSureLabels, a.danger),
      'danger',
      'whether the child is in immediate danger',
    ),
    // The service is always shown, though asked only when the organisation does not tell it.
    row('Your service', word(settingLabels, a.setting), 'setting', 'your service'),
    row(
      'What is happening',
      a.kind === '' ? NOT_GIVEN : (kindLabels[a.kind as keyof typeof kindLabels]?.label ?? a.kind),
      'kind',
      'what is happening',
    ),
    asked.has('requester') &&
      row('Who is asking', word(requesterOrgTypeLabels, a.requesterOrgType), 'requester', 'who is asking'),
    asked.has('requester') &&
      member &&
      row(
        'Their relationship to the child',
        word(relationshipLabels, a.relationship),
        'requester',
        'their relationship',
      ),
    asked.has('requester') &&
      member &&
      row(
        'Suspected of harming the child',
        word(yesNoNotSureLabels, a.allegedAbuser),
        'requester',
        'whether they are suspected',
      ),
    asked.has('requester') &&
      row(
        'Identity checked',
        word(yesNoNotSureLabels, a.identityVerified),
        'requester',
        'whether you checked who they are',
      ),
    asked.has('request') &&
      row('Wanted for', word(requestPurposeLabels, a.requestPurpose), 'request', 'what it is wanted for'),
    asked.has('request') &&
      row('How they asked', word(requestFormLabels, a.requestForm), 'request', 'how they asked'),
    asked.has('request') &&
      row(
        'The whole record asked for',
        word(yesNoNotSureLabels, a.wholeRecord),
        'request',
        'whether the whole record is asked for',
      ),
    asked.has('concern') &&
      row(
        'Concerns',
        listOf(
          concernsFor(a.setting)
            .filter((f) => a.concerns.includes(f))
            .map((f) => concernLabels[f]),
          'None of these',
        ),
        'concern',
        'the concerns',
      ),
    asked.has('child') &&
      row('Age', a.age.trim() === '' ? 'Not known' : a.age.trim(), 'child', 'the child’s age'),
    asked.has('child') &&
      row(
        'About the child',
        listOf(
          childFactsFor(a.setting)
            .filter((f) => a.childFacts.includes(f))
            .map((f) => childFactLabels[f]?.label ?? f),
          'None of these',
        ),
        'child',
        'what you know about the child',
      ),
    asked.has('consent') && row('Consent', word(consentLabels, a.consent), 'consent', 'consent'),
    asked.has('consent') &&
      a.consent !== 'given' &&
      row(
        'Asking would increase the risk',
        word(yesNoNotSureLabels, a.seekingWouldIncreaseRisk),
        'consent',
        'whether asking would increase the risk',
      ),
    asked.has('family-risk') &&
      row(
        'Telling the family would increase the risk',
        word(yesNoNotSureLabels, a.familyRisk),
        'family-risk',
        'the risk of telling the family',
      ),
    asked.has('data') &&
      row(
        'Information besides personal details',
        listOf(
          a.dataCategories.map((c) => dataCategoryLabels[c]?.label ?? c),
          'None',
        ),
        'data',
        'the kind of information',
      ),
  ];
  return rows.filter((r): r is AnswerRow => r !== false);
}

/** "Check your answers" for the situation, then the guidance's recommendation. */
export function CheckSituationAnswers({ context, state }: PathProps) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const heading = 'Check your answers';
  usePageTitle(heading, hasErrors(errors));
  const start = context.start;

  function submit(): void {
    const unanswered = unansweredProblems(context, state, 'situation');
    // The service is always on this page, so it is checked even when it was not asked.
    const setting = questionBySlug('setting')?.problems(state) ?? [];
    const problems = [...setting, ...unanswered.filter((p) => p.field !== 'setting')];
    if (problems.length > 0) {
      setErrors({
        summary: problems.map((p) => {
          const page = [...questionsFor(context, state, 'situation'), questionBySlug('setting')].find((q) =>
            q?.fields(state).includes(p.field),
          );
          return {
            text: p.problem,
            field: p.field,
            ...(page
              ? { page: { to: pathHref(start, page.slug), state: { change: true, problems: [p] } } }
              : {}),
          };
        }),
        fields: {},
      });
      return;
    }
    void navigate(pathHref(start, 'recommendation'));
  }

  return (
    <>
      <Link className="govuk-back-link" to={pathExit(start)}>
        {start.kind === 'child' ? 'Back to the child' : 'Back to home'}
      </Link>
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{pathCaption(start, state.childName)}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          <AnswerRows rows={situationRows(context, state)} />
          <h2 className="govuk-heading-m">See what the guidance recommends</h2>
          <p className="govuk-body">
            The recommendation follows HM Government’s information sharing advice and the ICO’s guidance. You
            decide: you may decide differently, and say why.
          </p>
          <button type="button" className="govuk-button" data-module="govuk-button" onClick={submit}>
            See the recommendation
          </button>
        </div>
      </div>
    </>
  );
}
