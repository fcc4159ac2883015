import { api } from '../../api.ts';
import { LoadFailed } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { useApiData } from '../../use-api-data.ts';
import { WarningText } from '../feeds/FeedWarnings.tsx';
import { fieldGroupLabel } from '../feeds/run-labels.ts';

/**
 * The coverage page's warning (issue 14): categories of information agencies send that no
 * agreement in force lets anyone outside the sender see. Operation Encompass delivered nothing
 * in the trial because the police filed domestic abuse under another category and no one knew.
 */
export function UnsharedFeeds() {
  const [unshared] = useApiData(() => api.unsharedFeeds(), []);
  if (unshared.status === 'failed') return <LoadFailed error={unshared.error} />;
  if (unshared.status !== 'loaded' || unshared.data.length === 0) return null;
  return (
    <div className="app-section">
      <h2 className="govuk-heading-m">Information that reaches no one</h2>
      <WarningText>
        Agencies send records in these categories, but no agreement in force lets anyone outside the agency
        see them.
      </WarningText>
      <ul className="govuk-list app-narrow-only" aria-label="Categories received that no agreement shares">
        {unshared.data.map((u) => (
          <li className="govuk-summary-card" key={`${u.organisationId}:${u.fieldGroup}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">{u.organisationName ?? u.organisationId}</h3>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Information</dt>
                  <dd className="govuk-summary-list__value">{fieldGroupLabel(u.fieldGroup)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Feeds</dt>
                  <dd className="govuk-summary-list__value">{u.feeds.join(', ')}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Last received</dt>
                  <dd className="govuk-summary-list__value">
                    <time dateTime={u.lastReceivedAt}>{formatDateTime(u.lastReceivedAt)}</time>
                  </dd>
                </div>
              </dl>
            </div>
          </li>
        ))}
      </ul>
      {/* On a phone the same rows are the summary cards above. */}
      <table className="govuk-table app-wide-only">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Categories received that no agreement shares
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Organisation', 'Information', 'Feeds', 'Last received'].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {unshared.data.map((u) => (
            <tr className="govuk-table__row" key={`${u.organisationId}:${u.fieldGroup}`}>
              <th scope="row" className="govuk-table__header">
                {u.organisationName ?? u.organisationId}
              </th>
              <td className="govuk-table__cell">{fieldGroupLabel(u.fieldGroup)}</td>
              <td className="govuk-table__cell">{u.feeds.join(', ')}</td>
              <td className="govuk-table__cell">
                <time dateTime={u.lastReceivedAt}>{formatDateTime(u.lastReceivedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
