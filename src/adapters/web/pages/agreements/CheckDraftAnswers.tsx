import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { plainDate } from '../../../../domain/shared/plain-date.ts';
import { ApiError } from '../../api-client.ts';
import { api } from '../../api.ts';
import type { AgreementDetail, FieldProblem, UpdateDraftBody } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { fromError, hasErrors, noErrors, type FormErrors, type SummaryItem } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { flowBody, problemsForForm, sectionsBody, tier1Body, type DraftForm } from './draft-form.ts';
import {
  journeyBase,
  journeyExit,
  questionOfField,
  questionsFor,
  unansweredProblems,
  type DraftJourney,
  type QuestionSlug,
} from './draft-questions.ts';
import { forgetDraft } from './draft-storage.ts';
import { journeyCaption, type DraftListsProps } from './DraftQuestion.tsx';

interface CheckDraftAnswersProps {
  readonly journey: DraftJourney;
  readonly form: DraftForm;
  readonly lists: DraftListsProps;
  /** The agreement's reference when editing ("T2-014"). */
  readonly reference: string | null;
  readonly storageKey: string;
}

interface Row {
  readonly key: string;
  readonly value: ReactNode;
  readonly question: QuestionSlug;
  /** Words after "Change", for a screen reader: "Change the title". */
  readonly change: string;
}

const NOT_GIVEN = 'Not given';

function listOf(items: readonly string[]): ReactNode {
  if (items.length === 0) return NOT_GIVEN;
  if (items.length === 1) return items[0];
  return (
    <ul className="govuk-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

const textOr = (value: string): ReactNode => (value.trim() === '' ? NOT_GIVEN : value);
const dateOr = (value: string): ReactNode => (value.trim() === '' ? NOT_GIVEN : plainDate(value));

/**
 * The problems, each linking to the question page that holds its field (GOV.UK check answers:
 * the answer is changed on its own page, then the drafter returns here).
 */
function errorsOnPages(problems: readonly FieldProblem[], base: string): FormErrors {
  const summary: SummaryItem[] = [];
  for (const problem of problems) {
    const question = questionOfField(problem.field);
    if (!question) {
      summary.push({ text: problem.problem });
      continue;
    }
    const own = problems.filter((p) => questionOfField(p.field)?.slug === question.slug);
    summary.push({
      text: problem.problem,
      field: problem.field,
      page: { to: `${base}/${question.slug}`, state: { change: true, problems: own } },
    });
  }
  return { summary, fields: {} };
}

/** "Check your answers" (GOV.UK pattern): every answer with a Change link, then save the draft. */
export function CheckDraftAnswers({ journey, form, lists, reference, storageKey }: CheckDraftAnswersProps) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const heading =
    journey.kind === 'edit' ? `Edit the draft of ${reference ?? 'the agreement'}` : 'Check your answers';
  usePageTitle(heading, hasErrors(errors));
  const base = journeyBase(journey);
  const asked = new Set(questionsFor(journey, form).map((q) => q.slug));
  const organisationName = (id: string) =>
    lists.organisations.find((o) => o.organisationId === id)?.name ?? id;
  const labelOf = (
    list: 'purposes' | 'fieldGroups' | 'methods' | 'frequencies' | 'confidentialityGrounds',
    code: string,
  ) => lists.reference[list].find((o) => o.id === code)?.label ?? code;
  const gatewayOf = (id: string) => {
    if (id === '') return NOT_GIVEN;
    const gateway = lists.gateways.find((g) => g.id === id);
    return gateway ? `${gateway.id}: ${gateway.title}` : id;
  };

  const sections = (
    [
      {
        key: 'Tier 1 agreement',
        value: lists.tier1s.find((t) => t.value === form.tier1AgreementId)?.label ?? NOT_GIVEN,
        question: 'framework',
        change: 'the Tier 1 agreement',
      },
      { key: 'Title', value: textOr(form.title), question: 'title', change: 'the title' },
      { key: 'Purpose', value: textOr(form.summary), question: 'purpose', change: 'the purpose' },
      {
        key: 'Parties',
        value: listOf(form.parties.map(organisationName)),
        question: 'parties',
        change: 'the parties',
      },
      ...form.parties.map((o) => ({
        key: `Contact at ${organisationName(o)}`,
        value: textOr(form.contacts[o] ?? ''),
        question: 'contacts' as const,
        change: `the contact at ${organisationName(o)}`,
      })),
      { key: 'Start date', value: dateOr(form.startDate), question: 'dates', change: 'the start date' },
      { key: 'Review date', value: dateOr(form.reviewDate), question: 'dates', change: 'the review date' },
      { key: 'Security', value: textOr(form.security), question: 'security', change: 'the security section' },
      {
        key: 'Retention',
        value: textOr(form.retention),
        question: 'retention',
        change: 'the retention section',
      },
      {
        key: 'Rights of the people concerned',
        value: textOr(form.rights),
        question: 'rights',
        change: 'the rights section',
      },
      {
        key: 'Purposes',
        value: listOf(form.purposes.map((p) => labelOf('purposes', p))),
        question: 'purposes',
        change: 'the purposes',
      },
      {
        key: 'Categories of data',
        value: listOf(
          form.dataCategories.map((c) => lists.reference.dataCategories.find((d) => d.id === c)?.label ?? c),
        ),
        question: 'data-categories',
        change: 'the categories of data',
      },
      {
        key: 'Legal gateways',
        value: listOf(form.gatewayIds.map(gatewayOf)),
        question: 'gateways',
        change: 'the legal gateways',
      },
    ] satisfies Row[]
  ).filter((row) => asked.has(row.question));

  const flow = form.flow;
  const flowRows = (
    [
      { key: 'Name', value: textOr(flow.name), question: 'flow-name', change: 'the name of the flow' },
      {
        key: 'Shared by',
        value: listOf(flow.fromOrganisationIds.map(organisationName)),
        question: 'flow-organisations',
        change: 'who shares',
      },
      {
        key: 'Received by',
        value: listOf(flow.toOrganisationIds.map(organisationName)),
        question: 'flow-organisations',
        change: 'who receives',
      },
      {
        key: 'Purposes',
        value: listOf(flow.purposes.map((p) => labelOf('purposes', p))),
        question: 'flow-purposes',
        change: 'the purposes of the flow',
      },
      {
        key: 'Information shared',
        value: listOf(flow.fieldGroups.map((g) => labelOf('fieldGroups', g))),
        question: 'flow-information',
        change: 'the information shared',
      },
      {
        key: 'Article 6 lawful basis',
        value: gatewayOf(flow.art6BasisId),
        question: 'flow-basis',
        change: 'the lawful basis',
      },
      {
        key: 'Article 9 condition',
        value: gatewayOf(flow.art9ConditionId),
        question: 'flow-basis',
        change: 'the Article 9 condition',
      },
      {
        key: 'Schedule 1 condition for Article 9',
        value: gatewayOf(flow.art9Sched1ConditionId),
        question: 'flow-basis',
        change: 'the Schedule 1 condition for Article 9',
      },
      {
        key: 'Article 10 condition',
        value: gatewayOf(flow.art10ConditionId),
        question: 'flow-basis',
        change: 'the Article 10 condition',
      },
      {
        key: 'Schedule 1 condition for Article 10',
        value: gatewayOf(flow.art10Sched1ConditionId),
        question: 'flow-basis',
        change: 'the Schedule 1 condition for Article 10',
      },
      {
        key: 'Statutory gateway',
        value: gatewayOf(flow.statutoryGatewayId),
        question: 'flow-gateways',
        change: 'the statutory gateway',
      },
      {
        key: 'Common law duty of confidentiality',
        value: gatewayOf(flow.confidentialityGatewayId),
        question: 'flow-gateways',
        change: 'the common law gateway',
      },
      {
        key: 'Ground for setting confidentiality aside',
        value:
          flow.confidentialityGround === ''
            ? NOT_GIVEN
            : labelOf('confidentialityGrounds', flow.confidentialityGround),
        question: 'flow-gateways',
        change: 'the ground for setting confidentiality aside',
      },
      {
        key: 'How it is shared',
        value: flow.method === '' ? NOT_GIVEN : labelOf('methods', flow.method),
        question: 'flow-method',
        change: 'how it is shared',
      },
      {
        key: 'How often',
        value: flow.frequency === '' ? NOT_GIVEN : labelOf('frequencies', flow.frequency),
        question: 'flow-method',
        change: 'how often it is shared',
      },
      {
        key: 'How long the receiver keeps it',
        value: textOr(flow.retention),
        question: 'flow-method',
        change: 'how long the receiver keeps it',
      },
      {
        key: 'DPIA reference',
        value: textOr(flow.dpiaReference),
        question: 'flow-method',
        change: 'the DPIA reference',
      },
    ] satisfies Row[]
  ).filter((row) => asked.has(row.question));

  async function save(): Promise<AgreementDetail> {
    const body = { ...sectionsBody(form), ...(journey.tier === 'tier1' ? tier1Body(form) : {}) };
    // The codes come from the server's reference lists, and the server checks them again.
    if (journey.kind === 'edit') return api.updateAgreementDraft(journey.id, body as UpdateDraftBody);
    if (journey.tier === 'tier1')
      return api.createAgreement({ tier: 'tier1', ...body } as Parameters<typeof api.createAgreement>[0]);
    return api.createAgreement({
      tier: 'tier2',
      tier1AgreementId: form.tier1AgreementId,
      ...body,
      flows: [flowBody(form.flow)],
    } as Parameters<typeof api.createAgreement>[0]);
  }

  async function submit(): Promise<void> {
    if (busy) return;
    const unanswered = unansweredProblems(journey, form);
    if (unanswered.length > 0) {
      setErrors(errorsOnPages(unanswered, base));
      return;
    }
    setBusy(true);
    setErrors(noErrors);
    try {
      const saved = await save();
      forgetDraft(storageKey);
      await navigate(`/agreements/${saved.id}`, { state: { notice: `Draft ${saved.reference} saved` } });
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? errorsOnPages(problemsForForm(error.fields), base)
          : fromError(error, []),
      );
      setBusy(false);
    }
  }

  return (
    <>
      <Link className="govuk-back-link" to={journeyExit(journey)}>
        {journey.kind === 'edit' ? 'Back to the agreement' : 'Back to agreements'}
      </Link>
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{journeyCaption(journey)}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          {journey.kind === 'edit' && <p className="govuk-body">Change any answer, then save the draft.</p>}
          <h2 className="govuk-heading-m">The agreement</h2>
          <AnswerList rows={sections} base={base} />
          {flowRows.length > 0 && (
            <>
              <h2 className="govuk-heading-m">The first flow</h2>
              <p className="govuk-body">
                You can add more flows from the agreement’s page once the draft is saved.
              </p>
              <AnswerList rows={flowRows} base={base} />
            </>
          )}
          {journey.kind === 'edit' && journey.tier === 'tier2' && (
            <p className="govuk-body">
              The flows are added, changed and removed from the{' '}
              <Link className="govuk-link" to={journeyExit(journey)}>
                agreement’s page
              </Link>
              .
            </p>
          )}
          <h2 className="govuk-heading-m">Save the draft</h2>
          <p className="govuk-body">
            Saving does not send the agreement for signature. The quality check on the agreement’s page says
            what is still missing.
          </p>
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            disabled={busy}
            onClick={() => void submit()}
          >
            Save the draft
          </button>
        </div>
      </div>
    </>
  );
}

function AnswerList({ rows, base }: { readonly rows: readonly Row[]; readonly base: string }) {
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-9">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={`${row.question}:${row.key}`}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          <dd className="govuk-summary-list__actions">
            <Link className="govuk-link" to={`${base}/${row.question}`} state={{ change: true }}>
              Change<span className="govuk-visually-hidden"> {row.change}</span>
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}
