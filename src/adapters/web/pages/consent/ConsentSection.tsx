import { Link } from 'react-router';
import { plainDate } from '../../../../domain/shared/plain-date.ts';
import { api } from '../../api.ts';
import { can } from '../../api-types.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { consentStatus, fieldGroupLabel, givenByWords, purposeLabel } from './consent-labels.ts';

/**
 * The consents the viewer's organisation recorded for the child, on the child's page, with links
 * to record one and to withdraw one in force. Only for roles that may record consent; each
 * consent says whether sharing rests on it, since a consent sought for engagement does not stop
 * a statutory share when withdrawn (HM Government 2018, 2024).
 */
export function ConsentSection({
  personId,
  purpose,
}: {
  readonly personId: string;
  readonly purpose: string;
}) {
  const session = useSignedInSession();
  if (!can(session, 'record_consent')) return null;
  return <Consents personId={personId} purpose={purpose} />;
}

function Consents({ personId, purpose }: { readonly personId: string; readonly purpose: string }) {
  const [consents] = useApiData(() => api.consents(personId), [personId]);
  const back = `?purpose=${encodeURIComponent(purpose)}`;
  return (
    <>
      <h2 className="govuk-heading-m">Consent to share</h2>
      {consents.status === 'loading' && <p className="govuk-body">Loading consents…</p>}
      {consents.status === 'failed' && consents.error.status !== 404 && (
        <p className="govuk-body">Consents could not be loaded. Try again later.</p>
      )}
      {consents.status !== 'loading' && (consents.status === 'failed' || consents.data.length === 0) && (
        <p className="govuk-body">Your organisation has recorded no consent for this child.</p>
      )}
      {consents.status === 'loaded' &&
        consents.data.map((c, i) => (
          <div className="govuk-summary-card" key={c.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">
                {`Consent ${consents.data.length - i}: ${consentStatus(c)}`}
              </h3>
              {c.inForce && (
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link
                      className="govuk-link"
                      to={`/persons/${encodeURIComponent(personId)}/consents/${encodeURIComponent(c.id)}/withdraw${back}`}
                    >
                      Withdraw
                      <span className="govuk-visually-hidden">{` consent ${consents.data.length - i}`}</span>
                    </Link>
                  </li>
                </ul>
              )}
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <Row label="Given by">{givenByWords(c)}</Row>
                <Row label="Given">{`${plainDate(c.givenAt.slice(0, 10))}, ${c.evidence.form} (${c.evidence.reference})`}</Row>
                <Row label="Ends">{plainDate(c.expiresAt.slice(0, 10))}</Row>
                <Row label="Purposes">{c.purposes.map(purposeLabel).join(', ')}</Row>
                <Row label="Information">{c.fieldGroups.map(fieldGroupLabel).join(', ')}</Row>
                <Row label="Basis for sharing">
                  {c.lawfulBasis === 'consent'
                    ? 'Sharing rests on this consent'
                    : 'Not the basis for sharing: agreement to work with the family'}
                </Row>
              </dl>
            </div>
          </div>
        ))}
      <Link
        className="govuk-button govuk-button--secondary"
        to={`/persons/${encodeURIComponent(personId)}/consents/new${back}`}
      >
        Record a consent
      </Link>
    </>
  );
}

function Row({ label, children }: { readonly label: string; readonly children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
