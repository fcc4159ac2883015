import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api-client.ts';
import { api } from '../../api.ts';
import type { InboxAlert } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { alertSummary, alertTitles } from './alert-words.ts';

/**
 * The alert inbox (GET /api/alerts): what is addressed to you or your role, unacknowledged
 * first. Each alert is a summary card with its minimal content; the child is only a link to the
 * single view for the alert's purpose, where the policy decides (and audits) what is shown.
 */
export function AlertsPage() {
  const [inbox, reload] = useApiData(() => api.alerts(), []);
  const [error, setError] = useState<string | null>(null);
  usePageTitle('Alerts');

  async function acknowledge(alert: InboxAlert) {
    setError(null);
    try {
      await api.acknowledgeAlert(alert.id);
      reload();
      window.dispatchEvent(new Event('tessera:alerts-changed'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The alert could not be acknowledged. Try again.');
    }
  }

  return (
    <>
      <h1 className="govuk-heading-l">Alerts</h1>
      {error && <ErrorSummary errors={{ summary: [{ text: error }], fields: {} }} />}
      {inbox.status === 'loading' && <Loading />}
      {inbox.status === 'failed' && <LoadFailed error={inbox.error} />}
      {inbox.status === 'loaded' && (
        <>
          <p className="govuk-body">
            {inbox.data.unacknowledged === 0
              ? 'You have no alerts to acknowledge.'
              : `${inbox.data.unacknowledged} ${inbox.data.unacknowledged === 1 ? 'alert is' : 'alerts are'} waiting for you to acknowledge.`}
          </p>
          {inbox.data.alerts.map((alert) => (
            <AlertCard key={alert.id} alert={alert} onAcknowledge={() => void acknowledge(alert)} />
          ))}
        </>
      )}
    </>
  );
}

function AlertCard({
  alert,
  onAcknowledge,
}: {
  readonly alert: InboxAlert;
  readonly onAcknowledge: () => void;
}) {
  const titleId = `alert-${alert.id}`;
  return (
    <div className="govuk-summary-card" aria-labelledby={titleId} role="region">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={titleId}>
          {alertTitles[alert.kind]}
          {alert.acknowledgedAt === null && (
            <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">New</strong>
          )}
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body">{alertSummary(alert)}</p>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Raised</dt>
            <dd className="govuk-summary-list__value">{formatDateTime(alert.raisedAt)}</dd>
          </div>
          {alert.acknowledgeBy && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Acknowledge by</dt>
              <dd className="govuk-summary-list__value">{formatDateTime(alert.acknowledgeBy)}</dd>
            </div>
          )}
          {alert.child && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Child</dt>
              <dd className="govuk-summary-list__value">
                <Link
                  className="govuk-link"
                  to={`/persons/${alert.child.personId}?purpose=${encodeURIComponent(alert.child.purpose)}`}
                >
                  Open the child’s record
                </Link>
              </dd>
            </div>
          )}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Acknowledged</dt>
            <dd className="govuk-summary-list__value">
              {alert.acknowledgedAt
                ? `${formatDateTime(alert.acknowledgedAt)}${alert.acknowledgedBy ? ` by ${alert.acknowledgedBy}` : ''}`
                : 'Not yet'}
            </dd>
          </div>
        </dl>
        {alert.acknowledgedAt === null && (
          <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={onAcknowledge}>
            Acknowledge<span className="govuk-visually-hidden"> {alertTitles[alert.kind].toLowerCase()}</span>
          </button>
        )}
      </div>
    </div>
  );
}
