import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { percent, reasonLabels, statusLabels } from './labels.ts';

const statuses = ['pending', 'confirmed', 'rejected', 'undone'] as const;

/**
 * The review queue: pairs of records that may be one person. It names only the agencies
 * holding each record, the score and why the pair is here; identity is shown on the pair's page.
 */
export function LinkReviewsPage() {
  const [params] = useSearchParams();
  const wanted = params.get('status');
  const status = statuses.find((s) => s === wanted) ?? 'pending';
  const [queue] = useApiData(() => api.linkReviews(status), [status]);
  usePageTitle('Possible matches');
  return (
    <>
      <h1 className="govuk-heading-l">Possible matches</h1>
      <p className="govuk-body">
        Records from different agencies that may be about the same person. Until you confirm a pair, each
        record stays with its own person.
      </p>
      <nav aria-label="Show pairs" className="app-section">
        <ul className="govuk-list">
          {statuses.map((s) => (
            <li key={s}>
              {s === status ? (
                <strong aria-current="page">{statusLabels[s]}</strong>
              ) : (
                <Link
                  className="govuk-link"
                  to={s === 'pending' ? '/link-reviews' : `/link-reviews?status=${s}`}
                >
                  {statusLabels[s]}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {queue.status === 'loading' && <Loading />}
      {queue.status === 'failed' && <LoadFailed error={queue.error} />}
      {queue.status === 'loaded' &&
        (queue.data.reviews.length === 0 ? (
          <p className="govuk-body">There are no pairs here.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {queue.data.total} {queue.data.total === 1 ? 'pair' : 'pairs'}:{' '}
              {statusLabels[status]?.toLowerCase()}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Records held by
                </th>
                <th scope="col" className="govuk-table__header">
                  Why it is here
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Match probability
                </th>
                <th scope="col" className="govuk-table__header">
                  Found
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queue.data.reviews.map((r) => (
                <tr className="govuk-table__row" key={r.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/link-reviews/${r.id}`}>
                      {r.organisations[0]} and {r.organisations[1]}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">{reasonLabels[r.reason] ?? r.reason}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {percent(r.matchProbability)}
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
