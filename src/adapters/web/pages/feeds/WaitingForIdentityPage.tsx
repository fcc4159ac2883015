import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { WaitingRecordList } from '../../api-types.ts';
import { api } from '../../api.ts';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { fieldGroupLabel } from './run-labels.ts';

/**
 * Records waiting for identity (issue 14): kept although their person's details row was refused
 * or has not arrived. Until the details arrive, linkage has nothing to match them on, so no one
 * outside the agency sees them; the data manager corrects the details at source and sends them.
 */
export function WaitingForIdentityPage() {
  usePageTitle('Records waiting for identity');
  const [params] = useSearchParams();
  const feed = params.get('feed') ?? undefined;
  const [waiting] = useApiData(() => api.recordsWaitingForIdentity(feed), [feed]);
  return (
    <>
      <Link className="govuk-back-link" to="/feeds">
        Agency feeds
      </Link>
      <h1 className="govuk-heading-l">Records waiting for identity</h1>
      <p className="govuk-body">
        These records were kept, but the person they are about has no details yet: the person details row was
        refused (see its run&apos;s report for the line and reason) or has not been sent. Until it arrives
        they are linked to no one else&apos;s records, so no other agency sees them. Correct the person&apos;s
        details in your system and send them again: the records then join that person.
      </p>
      {waiting.status === 'loading' && <Loading />}
      {waiting.status === 'failed' && <LoadFailed error={waiting.error} />}
      {waiting.status === 'loaded' && waiting.data.byFeed.length === 0 && (
        <p className="govuk-body">No record is waiting for identity.</p>
      )}
      {waiting.status === 'loaded' && waiting.data.byFeed.length > 0 && <ByFeed data={waiting.data} />}
      {waiting.status === 'loaded' && waiting.data.total > 0 && (
        <>
          <h2 className="govuk-heading-m">{feed ? `Records of ${feed}` : 'Records, newest first'}</h2>
          <p className="govuk-body">
            {waiting.data.total === 1 ? '1 record is' : `${waiting.data.total} records are`} waiting
            {waiting.data.records.length < waiting.data.total
              ? `; the newest ${waiting.data.records.length} are listed`
              : ''}
            .
          </p>
          <WaitingCards records={waiting.data.records} />
          <table className="govuk-table app-wide-only">
            <caption className="govuk-table__caption govuk-visually-hidden">
              Records waiting for identity, newest first
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {["Agency's person id", 'Record', 'Information', 'Organisation', 'Received'].map((h) => (
                  <th scope="col" className="govuk-table__header" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {waiting.data.records.map((r) => (
                <tr className="govuk-table__row" key={r.recordId}>
                  <th scope="row" className="govuk-table__header">
                    {r.externalPersonId}
                  </th>
                  <td className="govuk-table__cell">{r.sourceReference}</td>
                  <td className="govuk-table__cell">{fieldGroupLabel(r.fieldGroup)}</td>
                  <td className="govuk-table__cell">{r.organisationName ?? r.organisationId}</td>
                  <td className="govuk-table__cell">
                    {r.runId ? (
                      <Link className="govuk-link" to={`/feeds/runs/${encodeURIComponent(r.runId)}`}>
                        <time dateTime={r.receivedAt}>{formatDateTime(r.receivedAt)}</time>
                      </Link>
                    ) : (
                      <time dateTime={r.receivedAt}>{formatDateTime(r.receivedAt)}</time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/**
 * The count per feed first: a feed whose organisation sends no person details at all leaves
 * every record waiting, a gap in the feeds rather than a bad row.
 */
function ByFeed({ data }: { readonly data: WaitingRecordList }) {
  return (
    <>
      <ul className="govuk-list app-narrow-only" aria-label="Waiting, by feed">
        {data.byFeed.map((f) => (
          <li className="govuk-summary-card" key={`${f.organisationId}:${f.feed}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">
                <Link className="govuk-link" to={`/feeds/waiting?feed=${encodeURIComponent(f.feed)}`}>
                  {f.feed}
                </Link>
              </h2>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <CardRow label="Organisation">{f.organisationName ?? f.organisationId}</CardRow>
                <CardRow label="Records">{f.records}</CardRow>
                <CardRow label="Persons without details">{f.persons}</CardRow>
              </dl>
            </div>
          </li>
        ))}
      </ul>
      <ByFeedTable data={data} />
    </>
  );
}

/**
 * Below GOV.UK's mobile breakpoint each waiting record is a summary card (as the chronology's
 * entries are), so nothing runs off the side of a phone's screen.
 */
function WaitingCards({ records }: { readonly records: WaitingRecordList['records'] }) {
  return (
    <ol className="govuk-list app-narrow-only" aria-label="Records waiting for identity, newest first">
      {records.map((r) => (
        <li className="govuk-summary-card" key={r.recordId}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{r.externalPersonId}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <CardRow label="Record">{r.sourceReference}</CardRow>
              <CardRow label="Information">{fieldGroupLabel(r.fieldGroup)}</CardRow>
              <CardRow label="Organisation">{r.organisationName ?? r.organisationId}</CardRow>
              <CardRow label="Received">
                <time dateTime={r.receivedAt}>{formatDateTime(r.receivedAt)}</time>
              </CardRow>
            </dl>
          </div>
        </li>
      ))}
    </ol>
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

function ByFeedTable({ data }: { readonly data: WaitingRecordList }) {
  return (
    <table className="govuk-table app-wide-only">
      <caption className="govuk-table__caption govuk-table__caption--m">Waiting, by feed</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Feed', 'Organisation', 'Records', 'Persons without details'].map((h) => (
            <th scope="col" className="govuk-table__header" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {data.byFeed.map((f) => (
          <tr className="govuk-table__row" key={`${f.organisationId}:${f.feed}`}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={`/feeds/waiting?feed=${encodeURIComponent(f.feed)}`}>
                {f.feed}
              </Link>
            </th>
            <td className="govuk-table__cell">{f.organisationName ?? f.organisationId}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{f.records}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{f.persons}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
