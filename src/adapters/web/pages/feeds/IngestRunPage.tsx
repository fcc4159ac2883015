import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import type { IngestReport } from '../../api-types.ts';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { RunWarnings } from './FeedWarnings.tsx';
import { fieldGroupLabel, statusLabels } from './run-labels.ts';

function Counts({ run }: { readonly run: IngestReport['run'] }) {
  const rows: [string, number][] = [
    ['Rows read', run.rowsRead],
    ['New records', run.inserted],
    ['Changed records (a new version kept beside the old)', run.updated],
    ['Unchanged (already held)', run.unchanged],
    ['Rejected rows', run.rejected],
    ['Rows kept with a warning', run.flagged],
    ['Rows repeated later in the file', run.duplicates],
    ['Records waiting for identity', run.waitingForIdentity],
    ['Erased records, not reloaded', run.erasedNotReloaded],
  ];
  return (
    <dl className="govuk-summary-list">
      {rows.map(([label, value]) => (
        <div className="govuk-summary-list__row" key={label}>
          <dt className="govuk-summary-list__key">{label}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One run's report: its counts, then every rejected or flagged row by line, column and reason. */
export function IngestRunPage() {
  const { runId = '' } = useParams();
  const [report] = useApiData(() => api.ingestRun(runId), [runId]);
  usePageTitle(report.status === 'loaded' ? `Ingest run: ${report.data.run.feed}` : 'Ingest run');
  if (report.status === 'loading') return <Loading />;
  if (report.status === 'failed') return <LoadFailed error={report.error} />;
  const { run, issues } = report.data;
  const status = statusLabels[run.status];
  return (
    <>
      <Link className="govuk-back-link" to="/feeds">
        Agency feeds
      </Link>
      <span className="govuk-caption-l">{run.organisationName ?? run.organisationId}</span>
      <h1 className="govuk-heading-l">Ingest run: {run.feed}</h1>
      <p className="govuk-body">
        <strong className={`govuk-tag ${status.colour}`}>{status.text}</strong> Started{' '}
        <time dateTime={run.startedAt}>{formatDateTime(run.startedAt)}</time>
        {run.fileName ? `, file ${run.fileName}` : ''}. Record kind {run.recordKind}, field group{' '}
        {fieldGroupLabel(run.fieldGroup)}.
      </p>
      {run.failure && (
        <div className="govuk-inset-text" role="alert">
          The run stopped: {run.failure}
        </div>
      )}
      <RunWarnings run={run} />
      <Counts run={run} />
      <h2 className="govuk-heading-m">Rows refused or flagged</h2>
      {issues.length === 0 ? (
        <p className="govuk-body">Every row was accepted without a warning.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Rows refused or flagged, by line
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Line', 'Column', 'Outcome', 'Reason'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {issues.map((i, n) => (
              <tr className="govuk-table__row" key={n}>
                <td className="govuk-table__cell govuk-table__cell--numeric">{i.line}</td>
                <td className="govuk-table__cell">{i.column ?? '(row)'}</td>
                <td className="govuk-table__cell">
                  {i.severity === 'rejected' ? 'Rejected' : 'Kept, flagged'}
                </td>
                <td className="govuk-table__cell">{i.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run.rejected + run.flagged > issues.length && (
        <p className="govuk-body">
          Only the first {issues.length} problems are listed; the counts above are complete.
        </p>
      )}
    </>
  );
}
