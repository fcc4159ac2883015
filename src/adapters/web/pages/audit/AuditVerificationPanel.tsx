import { useId } from 'react';
import { api } from '../../api.ts';
import type { AuditVerification } from '../../api-types.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDateTime, humanise } from '../../format.ts';
import { useApiData } from '../../use-api-data.ts';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function Verified({ result, titleId }: { readonly result: AuditVerification; readonly titleId: string }) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="region"
      aria-labelledby={titleId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          Audit log integrity
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          Audit log verified: {count(result.verifiedEvents, 'event', 'events')},{' '}
          {count(result.checkpointsVerified, 'checkpoint', 'checkpoints')}
        </p>
        {result.pendingEvents > 0 && (
          <p className="govuk-body">
            {count(result.pendingEvents, 'newer event is', 'newer events are')} not yet sealed into a
            checkpoint.
          </p>
        )}
        {result.checkpointsVerified === 0 && (
          <p className="govuk-body">
            There are no signed checkpoints yet. That is expected for a new log: the events are linked in a
            hash chain as they are sealed, and a signed checkpoint is added about every minute once enough
            have been. Nothing is wrong.
          </p>
        )}
        <p className="govuk-body">Checked {formatDateTime(result.checkedAt, { seconds: true })}.</p>
      </div>
    </div>
  );
}

function Tampered({ result, titleId }: { readonly result: AuditVerification; readonly titleId: string }) {
  const problem = result.problem;
  return (
    <div
      className="govuk-notification-banner app-notification-banner--error"
      role="region"
      aria-labelledby={titleId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          Audit log integrity
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          The audit log has been changed{problem ? ` at event ${problem.seq}` : ''}
        </p>
        {problem && (
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Event</dt>
              <dd className="govuk-summary-list__value">{problem.seq}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Problem</dt>
              <dd className="govuk-summary-list__value">{humanise(problem.kind)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Details</dt>
              <dd className="govuk-summary-list__value">{problem.message}</dd>
            </div>
          </dl>
        )}
        <p className="govuk-body">
          Tell your data protection officer and system administrator now. Events up to the problem were
          verified: {count(result.verifiedEvents, 'event', 'events')},{' '}
          {count(result.checkpointsVerified, 'checkpoint', 'checkpoints')}.
        </p>
        <p className="govuk-body">Checked {formatDateTime(result.checkedAt, { seconds: true })}.</p>
      </div>
    </div>
  );
}

/** Whether the hash chain and signed checkpoints of the audit log still verify. */
export function AuditVerificationPanel() {
  const [verification, recheck] = useApiData(() => api.verifyAudit(), []);
  const titleId = useId();
  return (
    <div className="app-section">
      {verification.status === 'loading' && <Loading />}
      {verification.status === 'failed' && <LoadFailed error={verification.error} />}
      {verification.status === 'loaded' &&
        (verification.data.status === 'verified' ? (
          <Verified result={verification.data} titleId={titleId} />
        ) : (
          <Tampered result={verification.data} titleId={titleId} />
        ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={recheck}
      >
        Check again
      </button>
    </div>
  );
}
