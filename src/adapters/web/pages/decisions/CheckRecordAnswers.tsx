import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldGroupDefinitions } from '../../../../domain/policy/field-groups.ts';
import { plainDate } from '../../../../domain/shared/plain-date.ts';
import { ApiError } from '../../api-client.ts';
import { api } from '../../api.ts';
import type { FieldProblem } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { fromError, hasErrors, noErrors, type FormErrors, type SummaryItem } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { familyToldLabels, methodLabels } from './answer-labels.ts';
import { AnswerRows, listOf, NOT_GIVEN, type AnswerRow } from './AnswerRows.tsx';
import { decisionBodyOf, followProblems } from './decision-body.ts';
import { pageFieldOf, questionOfField, unansweredProblems, type QuestionSlug } from './decision-questions.ts';
import { gatewayName } from './lawful-basis.ts';
import { pathCaption, pathHref, type PathProps } from './path-props.ts';

const textOr = (value: string) => (value.trim() === '' ? NOT_GIVEN : value);

/** Each problem links to the page that holds its field; the recommendation's own go there. */
function errorsOnPages(problems: readonly FieldProblem[], props: PathProps): FormErrors {
  const { context, state } = props;
  const summary: SummaryItem[] = problems.map((problem) => {
    if (problem.field === 'followedRecommendation' || problem.field === 'departureReason')
      return {
        text: problem.problem,
        field: 'departureReason',
        page: { to: pathHref(context.start, 'recommendation') },
      };
    if (problem.field === 'situation' || problem.field.startsWith('situation.'))
      return { text: problem.problem, field: problem.field, page: { to: pathHref(context.start, 'check') } };
    const question = questionOfField(problem.field, state);
    if (!question) return { text: problem.problem };
    const own = problems.filter((p) => questionOfField(p.field, state)?.slug === question.slug);
    return {
      text: problem.problem,
      field: pageFieldOf(problem.field, state),
      page: { to: pathHref(context.start, question.slug), state: { change: true, problems: own } },
    };
  });
  return { summary, fields: {} };
}

/** "Check your answers" for the record, then record it (POST /api/decisions, once per path). */
export function CheckRecordAnswers(props: PathProps) {
  const { context, state, setState, lists } = props;
  const start = context.start;
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const heading = 'Check your decision before recording it';
  usePageTitle(heading, hasErrors(errors));
  const r = state.record;
  const share = r.decision === 'share';
  const to = (question: QuestionSlug) => pathHref(start, question);
  const organisation = (id: string) =>
    id === '' ? NOT_GIVEN : (lists.organisations.find((o) => o.organisationId === id)?.name ?? id);

  const rows: (AnswerRow | false)[] = [
    {
      key: 'The recommendation',
      value: state.follow === 'yes' ? 'You follow it' : `You decide differently: ${state.departureReason}`,
      to: pathHref(start, 'recommendation'),
      change: 'whether you follow the recommendation',
    },
    {
      key: 'Decision',
      value: share ? 'Share' : r.decision === 'not_share' ? 'Do not share' : NOT_GIVEN,
      to: to('decision'),
      change: 'the decision',
    },
    { key: 'Reasons', value: textOr(r.reasons), to: to('decision'), change: 'the reasons' },
    {
      key: share ? 'Receiving organisation' : 'Organisation that asked',
      value: organisation(r.recipientOrganisationId),
      to: to('recipient'),
      change: 'the organisation',
    },
    share && {
      key: 'Information shared',
      value: listOf(
        r.fieldGroups.map(
          (g) =>
            `${fieldGroupDefinitions[g as keyof typeof fieldGroupDefinitions]?.label ?? g}: ${r.justifications[g] ?? ''}`,
        ),
      ),
      to: to('information'),
      change: 'the information shared',
    },
    share && {
      key: 'Lawful basis',
      value: listOf(r.lawfulBasis.map((id) => gatewayName(lists.gateways, id))),
      to: to('basis'),
      change: 'the lawful basis',
    },
    {
      key: 'How',
      value: r.method === '' ? NOT_GIVEN : (methodLabels[r.method] ?? r.method),
      to: to('method'),
      change: 'how',
    },
    share &&
      state.situation.danger === 'yes' && {
        key: 'When shared',
        value: r.sharedOn === '' ? NOT_GIVEN : `${plainDate(r.sharedOn)} at ${r.sharedTime}`,
        to: to('when'),
        change: 'when you shared it',
      },
    {
      key: 'Family told',
      value:
        r.familyTold === ''
          ? NOT_GIVEN
          : `${familyToldLabels[r.familyTold] ?? r.familyTold}${r.familyTold === 'yes' ? '' : `: ${r.familyNotToldReason}`}`,
      to: to('family'),
      change: 'whether the family was told',
    },
    { key: 'Advised by', value: textOr(r.advisedBy), to: to('advice'), change: 'who advised you' },
    share && {
      key: 'Access ends',
      value: r.expiresOn.trim() === '' ? '90 days from today' : plainDate(r.expiresOn),
      to: to('expiry'),
      change: 'when access ends',
    },
  ];

  async function record(): Promise<void> {
    if (busy) return;
    const unanswered = [...followProblems(state), ...unansweredProblems(context, state, 'record')];
    const body = decisionBodyOf(context, state);
    if (unanswered.length > 0 || body === null) {
      setErrors(errorsOnPages(unanswered, props));
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const recorded = await api.recordDecision(body, state.idempotencyKey);
      setState((s) => ({ ...s, recorded: { id: recorded.id, version: recorded.version } }));
      await navigate(pathHref(start, 'recorded'));
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? errorsOnPages(error.fields, props)
          : fromError(error, []),
      );
      setBusy(false);
    }
  }

  return (
    <>
      <Link className="govuk-back-link" to={pathHref(start, 'recommendation')}>
        Back to the recommendation
      </Link>
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{pathCaption(start, state.childName)}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          <AnswerRows rows={rows.filter((row): row is AnswerRow => row !== false)} />
          <h2 className="govuk-heading-m">Record your decision</h2>
          <p className="govuk-body">
            The record cannot be changed afterwards, only corrected by a new version. What the guidance
            recommended is recorded with it.
          </p>
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            disabled={busy}
            aria-disabled={busy}
            onClick={() => void record()}
          >
            Record the decision
          </button>
        </div>
      </div>
    </>
  );
}
