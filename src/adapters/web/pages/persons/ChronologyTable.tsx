import type { ReactNode } from 'react';
import type { ChronologyEntry } from '../../api-types.ts';
import { confidence, eventDateLabel, recordedDateLabel, versionLabel } from './person-labels.ts';

/** The chronology as a table: source, event and recorded dates, fact or opinion, link confidence. */
export function ChronologyTable({
  entries,
  cardHeading = 'h3',
}: {
  readonly entries: readonly ChronologyEntry[];
  /** The level of each card's title: one below the heading the chronology sits under. */
  readonly cardHeading?: 'h2' | 'h3';
}) {
  if (entries.length === 0) return <p className="govuk-body">No entries match these filters.</p>;
  return (
    <>
      <div className="app-wide-only">
        <Table entries={entries} />
      </div>
      <div className="app-narrow-only">
        <ChronologyCards entries={entries} cardHeading={cardHeading} />
      </div>
    </>
  );
}

/**
 * On a narrow screen each entry is a GOV.UK summary card: its date and source as the card's
 * title, the rest as rows, so nothing runs off the side of the screen.
 */
function ChronologyCards({
  entries,
  cardHeading: CardHeading,
}: {
  readonly entries: readonly ChronologyEntry[];
  readonly cardHeading: 'h2' | 'h3';
}) {
  return (
    <ol className="govuk-list app-chronology-cards" aria-label="Entries, newest event first">
      {entries.map((e) => (
        <li className="govuk-summary-card" key={e.id}>
          <div className="govuk-summary-card__title-wrapper">
            <CardHeading className="govuk-summary-card__title">
              {`${eventDateLabel(e.eventDate)}, ${e.holderName ?? 'An organisation'}`}
            </CardHeading>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <CardRow label="What happened">
                {e.summary}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">{e.fieldGroupLabel}</span>
              </CardRow>
              <CardRow label="Fact or opinion">
                {e.factOrOpinion === 'opinion' ? (
                  <strong className="govuk-tag govuk-tag--yellow">Opinion</strong>
                ) : (
                  'Fact'
                )}
              </CardRow>
              <CardRow label="Recorded">
                {recordedDateLabel(e.recordedDate)}
                <Version entry={e} />
              </CardRow>
              <CardRow label="Link confidence">{confidence(e.linkConfidence)}</CardRow>
            </dl>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A changed record says which version is shown and when it changed, so no one mistakes it for the first. */
function Version({ entry }: { readonly entry: ChronologyEntry }) {
  const label = versionLabel(entry.version, entry.recordedAt);
  if (label === null) return null;
  return (
    <>
      <br />
      <span className="govuk-hint govuk-!-font-size-16">{label}</span>
    </>
  );
}

function CardRow({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Table({ entries }: { readonly entries: readonly ChronologyEntry[] }) {
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
            <td className="govuk-table__cell">
              {recordedDateLabel(e.recordedDate)}
              <Version entry={e} />
            </td>
            <td className="govuk-table__cell">{confidence(e.linkConfidence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
