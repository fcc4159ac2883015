import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface AnswerRow {
  readonly key: string;
  readonly value: ReactNode;
  /** The page that asks it, as a link (pathHref). */
  readonly to: string;
  /** Words after "Change", for a screen reader: "Change your service". */
  readonly change: string;
}

export const NOT_GIVEN = 'Not given';

export function listOf(items: readonly string[], none = NOT_GIVEN): ReactNode {
  if (items.length === 0) return none;
  if (items.length === 1) return items[0];
  return (
    <ul className="govuk-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** A GOV.UK summary list of answers, each with a Change link back to its page. */
export function AnswerRows({ rows }: { readonly rows: readonly AnswerRow[] }) {
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-9">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          <dd className="govuk-summary-list__actions">
            <Link className="govuk-link" to={row.to} state={{ change: true }}>
              Change<span className="govuk-visually-hidden"> {row.change}</span>
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}
