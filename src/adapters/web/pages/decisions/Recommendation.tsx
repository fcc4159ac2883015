import type { DecisionAnswer, Gateway } from '../../api-types.ts';
import { humanise } from '../../format.ts';
import {
  adviceLabels,
  deadlineWords,
  mustRecordLabels,
  neverLabels,
  tellFamilyLabels,
  tellFamilyReasons,
  urgencyLabels,
  warningWords,
  wordsFor,
} from './answer-labels.ts';
import { gatewayName } from './lawful-basis.ts';
import { requesterOrgTypeLabels } from './situation-labels.ts';

/** Advice that cannot wait is shown first, as a warning. */
const URGENT_ADVICE: ReadonlySet<string> = new Set(['call_999', 'refer_csc_now']);

function Warning({ children }: { readonly children: React.ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

function Bullets({ items }: { readonly items: readonly string[] }) {
  return (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/**
 * The guidance's answer in plain English: what to do and how soon, whether to tell the family
 * and why, the lawful basis by gateway name, advice, what never to do, warnings, and each step
 * with the rule it cites (ICO step 10 and 2024 golden rule 7: the reasons are recorded).
 */
export function Recommendation({
  answer,
  gateways,
}: {
  readonly answer: DecisionAnswer;
  readonly gateways: readonly Gateway[];
}) {
  const urgent = answer.advice.filter((a) => URGENT_ADVICE.has(a));
  const otherAdvice = answer.advice.filter((a) => !URGENT_ADVICE.has(a));
  const deadline = deadlineWords(answer.deadline);
  const when = `${wordsFor(urgencyLabels, answer.urgency)}${deadline ? `, ${deadline}` : ''}`;
  const rows: [string, React.ReactNode][] = [
    ['How soon', when],
    [
      'Tell the family',
      <>
        <p className="govuk-body govuk-!-margin-bottom-1">
          {wordsFor(tellFamilyLabels, answer.tellFamily.answer)}
        </p>
        <p className="govuk-body govuk-!-margin-bottom-0">
          {wordsFor(tellFamilyReasons, answer.tellFamily.reason)}
        </p>
      </>,
    ],
    [
      'Lawful basis',
      answer.lawfulBasis.length === 0 ? (
        'None needed'
      ) : (
        <Bullets items={answer.lawfulBasis.map((id) => gatewayName(gateways, id))} />
      ),
    ],
  ];
  if (answer.recipients.length > 0)
    rows.push([
      'Share with',
      <Bullets key="r" items={answer.recipients.map((r) => wordsFor(requesterOrgTypeLabels, r))} />,
    ]);
  if (answer.partnerChecks.length > 0)
    rows.push([
      'Ask these partners',
      <Bullets key="p" items={answer.partnerChecks.map((r) => wordsFor(requesterOrgTypeLabels, r))} />,
    ]);
  if (answer.wholeFile)
    rows.push(['What to send', 'The whole child protection file, separately from the main record']);
  if (answer.receiptRequired) rows.push(['Receipt', 'Get a receipt from the recipient']);
  if (answer.deadlineHint) rows.push(['Your deadline note', answer.deadlineHint]);

  return (
    <>
      {urgent.map((a) => (
        <Warning key={a}>{wordsFor(adviceLabels, a)}</Warning>
      ))}
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {otherAdvice.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Advice</h2>
          <Bullets items={otherAdvice.map((a) => wordsFor(adviceLabels, a))} />
        </>
      )}
      {answer.never.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Never</h2>
          <Bullets items={answer.never.map((n) => wordsFor(neverLabels, n))} />
        </>
      )}
      {answer.warnings.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Take care</h2>
          {answer.warnings.map((w) => (
            <div className="govuk-inset-text" key={w}>
              {warningWords(w)}
            </div>
          ))}
        </>
      )}
      {answer.mustRecord.length > 0 && (
        <>
          <h2 className="govuk-heading-m">What to record</h2>
          <Bullets items={answer.mustRecord.map((m) => wordsFor(mustRecordLabels, m))} />
        </>
      )}
      <h2 className="govuk-heading-m">How the guidance reached this</h2>
      {answer.recordReasons.length > 0 && (
        <p className="govuk-body">
          Reasons: {answer.recordReasons.map((r) => humanise(r).toLowerCase()).join('; ')}.
        </p>
      )}
      <ol className="govuk-list govuk-list--number app-decision-steps">
        {answer.steps.map((step) => (
          <li key={step.rule}>
            {step.note}
            <br />
            <span className="govuk-hint govuk-!-font-size-16">{step.citation}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
