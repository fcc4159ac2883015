import type { ChronologyEntry } from '../../api-types.ts';
import { confidence, eventDateLabel, recordedDateLabel } from './person-labels.ts';

/** The chronology as a table: source, event and recorded dates, fact or opinion, link confidence. */
export function ChronologyTable({ entries }: { readonly entries: readonly ChronologyEntry[] }) {
  if (entries.length === 0) return <p className="govuk-body">No entries match these filters.</p>;
  return (
    <table className="govuk-table app-chronology">
      <caption className="govuk-table__caption govuk-table__caption--s">Entries, newest event first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Event date
          </th>
          <th scope="col" className="govuk-table__header">
            What happened
          </th>
          <th scope="col" className="govuk-table__header">
            Source
          </th>
          <th scope="col" className="govuk-table__header">
            Fact or opinion
          </th>
          <th scope="col" className="govuk-table__header">
            Recorded
          </th>
          <th scope="col" className="govuk-table__header">
            Link confidence
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {entries.map((e) => (
          <tr className="govuk-table__row" key={e.id}>
            <td className="govuk-table__cell">{eventDateLabel(e.eventDate)}</td>
            <td className="govuk-table__cell">
              {e.summary}
              <br />
              <span className="govuk-hint govuk-!-font-size-16">{e.fieldGroupLabel}</span>
            </td>
            <td className="govuk-table__cell">{e.holderName ?? 'An organisation'}</td>
            <td className="govuk-table__cell">
              {e.factOrOpinion === 'opinion' ? (
                <strong className="govuk-tag govuk-tag--yellow">Opinion</strong>
              ) : (
                'Fact'
              )}
            </td>
            <td className="govuk-table__cell">{recordedDateLabel(e.recordedDate)}</td>
            <td className="govuk-table__cell">{confidence(e.linkConfidence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
