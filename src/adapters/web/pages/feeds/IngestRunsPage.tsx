import { Link } from 'react-router';
import { api } from '../../api.ts';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { statusLabels } from './run-labels.ts';

/** The ingest report: every run of the agency feeds this data manager may see, newest first. */
export function IngestRunsPage() {
  usePageTitle('Agency feeds');
  const [runs] = useApiData(() => api.ingestRuns(), []);
  return (
    <>
      <h1 className="govuk-heading-l">Agency feeds</h1>
      <p className="govuk-body">
        Each time an agency feed is loaded (with <code>tessera ingest</code> or by upload), its run is listed
        here with what became of each row. Rows that were refused are listed by line and reason, never by
        their values.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/feeds/waiting">
          Records waiting for identity
        </Link>{' '}
        lists records kept although their person&apos;s details row was refused or has not arrived.
      </p>
      {runs.status === 'loading' && <Loading />}
      {runs.status === 'failed' && <LoadFailed error={runs.error} />}
      {runs.status === 'loaded' && runs.data.length === 0 && (
        <p className="govuk-body">No feed has been loaded yet.</p>
      )}
      {runs.status === 'loaded' && runs.data.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Ingest runs, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {[
                'Feed',
                'Organisation',
                'Started',
                'Status',
                'Rows',
                'New',
                'Changed',
                'Rejected',
                'Waiting',
              ].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {runs.data.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/feeds/runs/${encodeURIComponent(r.id)}`}>
                    {r.feed}
                  </Link>
                  {r.fileName && <span className="govuk-body-s app-secondary-text">{r.fileName}</span>}
                </th>
                <td className="govuk-table__cell">{r.organisationName ?? r.organisationId}</td>
                <td className="govuk-table__cell">
                  <time dateTime={r.startedAt}>{formatDateTime(r.startedAt)}</time>
                </td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${statusLabels[r.status].colour}`}>
                    {statusLabels[r.status].text}
                  </strong>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.rowsRead}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.inserted}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.updated}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.rejected}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.waitingForIdentity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
