import { Link } from 'react-router';
import type { AgreementSummary } from '../../api-types.ts';
import { formatDate } from '../../format.ts';
import { AgreementStatusTag } from './AgreementStatusTag.tsx';

export function AgreementTable({
  agreements,
  caption,
}: {
  readonly agreements: readonly AgreementSummary[];
  readonly caption: string;
}) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Reference
          </th>
          <th scope="col" className="govuk-table__header">
            Title
          </th>
          <th scope="col" className="govuk-table__header">
            Tier
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
          <th scope="col" className="govuk-table__header">
            Review date
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Parties
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {agreements.map((a) => (
          <tr className="govuk-table__row" key={a.id}>
            <td className="govuk-table__cell app-id">{a.reference}</td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/agreements/${a.id}`}>
                {a.title}
              </Link>
            </td>
            <td className="govuk-table__cell">{a.tierLabel}</td>
            <td className="govuk-table__cell">
              <AgreementStatusTag status={a.status} label={a.statusLabel} />
            </td>
            <td className="govuk-table__cell">
              <time dateTime={a.reviewDate}>{formatDate(a.reviewDate)}</time>
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{a.parties.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
