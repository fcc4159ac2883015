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
          <table className="govuk-table">
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
    <table className="govuk-table">
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
