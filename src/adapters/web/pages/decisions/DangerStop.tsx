import { Link } from 'react-router';
import { usePageTitle } from '../../page-title.ts';
import { afterQuestion } from './decision-questions.ts';
import { pathCaption, pathHref, type PathProps } from './path-props.ts';

/**
 * Immediate danger stops the path at its first page (2024 golden rule 5; Working Together 2023
 * ch 3): act first, call 999 or refer to children's social care now, and record afterwards. The
 * practitioner may come back to the path once the child is safe.
 */
export function DangerStop({ context, state }: PathProps) {
  const heading = 'Call 999 now if the child is in immediate danger';
  usePageTitle(heading);
  const start = context.start;
  const next = afterQuestion(context, state, 'danger');
  const onward = pathHref(start, next.to === 'question' ? next.question.slug : 'check');
  return (
    <>
      <Link className="govuk-back-link" to={pathHref(start, 'danger')}>
        Back
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{pathCaption(start, state.childName)}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Do not stop to record, to ask for consent or to tell the family first.
            </strong>
          </div>
          <ol className="govuk-list govuk-list--number">
            <li>Call 999 if the child or anyone else is at risk of harm now.</li>
            <li>
              Refer to children’s social care now, by phone, and tell your designated safeguarding lead.
            </li>
            <li>When the child is safe, record what you shared, with whom, when and why.</li>
          </ol>
          <p className="govuk-body">
            {start.kind === 'child'
              ? 'Once you have acted, come back to record your decision.'
              : 'Once you have acted, you can go on to the rest of the advice.'}
          </p>
          <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={onward}>
            {start.kind === 'child' ? 'I have acted: record the decision' : 'I have acted: continue'}
          </Link>
        </div>
      </div>
    </>
  );
}
