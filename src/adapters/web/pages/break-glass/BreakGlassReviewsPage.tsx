import { Link } from 'react-router';
import { api } from '../../api.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { outcomeLabel, reasonLabel } from './labels.ts';

/**
 * The retrospective review queue of the reader's organisation (its DPO and Caldicott guardian):
 * every break-glass on a child whose records it holds, pending first (Caldicott principle 8).
 */
export function BreakGlassReviewsPage() {
  const [queue] = useApiData(() => api.breakGlassReviews(), []);
  usePageTitle('Break-glass reviews');
  return (
    <>
      <h1 className="govuk-heading-l">Break-glass reviews</h1>
      <p className="govuk-body">
        Each time someone breaks glass on a child whose records your organisation holds, you review whether it
        was justified. Nobody reviews their own.
      </p>
      {queue.status === 'loading' && <Loading />}
      {queue.status === 'failed' && <LoadFailed error={queue.error} />}
      {queue.status === 'loaded' &&
        (queue.data.reviews.length === 0 ? (
          <p className="govuk-body">There are no break-glasses to review.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {queue.data.reviews.filter((r) => r.status === 'pending').length} waiting for review
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Broken by
                </th>
                <th scope="col" className="govuk-table__header">
                  When
                </th>
                <th scope="col" className="govuk-table__header">
                  Reason
                </th>
                <th scope="col" className="govuk-table__header">
                  Outcome
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queue.data.reviews.map((r) => (
                <tr className="govuk-table__row" key={r.breakGlassId}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/break-glass/reviews/${r.breakGlassId}`}>
                      {r.by.name}
                      <span className="govuk-visually-hidden">{`, ${formatDateTime(r.startedAt)}`}</span>
                    </Link>
                    <span className="govuk-hint govuk-!-font-size-16 app-block">{r.by.organisationName}</span>
                  </td>
                  <td className="govuk-table__cell">{formatDateTime(r.startedAt)}</td>
                  <td className="govuk-table__cell">{reasonLabel(r.reasonCode)}</td>
                  <td className="govuk-table__cell">
                    {r.status === 'pending' ? (
                      <strong className="govuk-tag govuk-tag--yellow">
                        {r.outcome === null ? 'To review' : outcomeLabel(r.outcome)}
                      </strong>
                    ) : (
                      outcomeLabel(r.outcome)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
