import { signingDeclaration } from '../../../../domain/agreements/signing-declaration.ts';
import { plainDate } from '../../../../domain/shared/plain-date.ts';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import type { AgreementDetail } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { inForceSentence } from './in-force-sentence.ts';

type Version = AgreementDetail['versions'][number];

/**
 * A signatory signs the version awaiting signatures for their organisation
 * (`/agreements/:id/sign`): they read what signing means, declare their authority to commit the
 * organisation, and see a confirmation. The declaration's words are the server's own
 * (domain/agreements/signing-declaration.ts), recorded with the signature; the API refuses a
 * signature without it, and its answer is shown here.
 */
export function SignAgreementPage() {
  const { id = '' } = useParams();
  const session = useSignedInSession();
  const organisation = session.membership.organisationName;
  const [data] = useApiData(() => api.agreement(id), [id]);
  const [declared, setDeclared] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState<AgreementDetail | null>(null);
  const agreement = data.status === 'loaded' ? data.data : null;
  const pending = agreement?.versions.find((v) => v.version === agreement.pendingVersion) ?? null;
  usePageTitle(signed ? 'Agreement signed' : `Sign for ${organisation}`, hasErrors(errors));

  async function sign(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy || !pending) return;
    setBusy(true);
    setErrors(noErrors);
    try {
      setSigned(await api.signAgreement(id, pending.version, declared));
    } catch (error) {
      setErrors(fromError(error, ['declaration']));
    } finally {
      setBusy(false);
    }
  }

  if (signed && pending) return <Signed agreement={signed} version={pending.version} />;
  if (data.status === 'failed' && data.error.status === 404) return <NotFoundPage />;
  const awaitingUs =
    pending?.status === 'awaiting_signatures' &&
    pending.awaitingSignatureFrom.some((o) => o.organisationId === session.membership.organisationId);
  return (
    <>
      <Link className="govuk-back-link" to={`/agreements/${id}`}>
        Back
      </Link>
      <ErrorSummary errors={errors} />
      {agreement && <span className="govuk-caption-l">{agreement.reference}</span>}
      <h1 className="govuk-heading-l">Sign for {organisation}</h1>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <LoadFailed error={data.error} />}
      {agreement && !awaitingUs && (
        <p className="govuk-body">
          No version of this agreement is waiting for {organisation} to sign.{' '}
          <Link className="govuk-link" to={`/agreements/${id}`}>
            Go back to the agreement
          </Link>
        </p>
      )}
      {agreement && pending && awaitingUs && (
        <form noValidate onSubmit={(event) => void sign(event)}>
          <WhatSigningMeans agreement={agreement} version={pending} />
          <Declaration
            text={signingDeclaration({
              organisationName: organisation,
              reference: agreement.reference,
              title: pending.title,
              version: pending.version,
            })}
            checked={declared}
            onChange={setDeclared}
            error={errors.fields.declaration}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
              Sign the agreement
            </button>
            <Link className="govuk-link" to={`/agreements/${id}`}>
              Cancel
            </Link>
          </div>
        </form>
      )}
    </>
  );
}

function WhatSigningMeans({ agreement, version: v }: { agreement: AgreementDetail; version: Version }) {
  const others = v.awaitingSignatureFrom.length - 1;
  return (
    <>
      <p className="govuk-body">
        You are signing version {v.version} of {agreement.reference} ‘{v.title}’, which starts on{' '}
        {plainDate(v.startDate)} and is due for review on {plainDate(v.reviewDate)}.{' '}
        <Link className="govuk-link" to={`/agreements/${agreement.id}`}>
          Read the agreement
        </Link>{' '}
        before you sign.
      </p>
      <div className="govuk-inset-text">
        It comes into force when every party has signed, and not before its start date.{' '}
        {others === 0
          ? 'Yours is the last signature it needs.'
          : `After yours, ${others === 1 ? '1 more party has' : `${others} more parties have`} to sign.`}
      </div>
    </>
  );
}

function Declaration(props: {
  readonly text: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly error: string | undefined;
}) {
  const { text, checked, onChange, error } = props;
  return (
    <div className={error === undefined ? 'govuk-form-group' : 'govuk-form-group govuk-form-group--error'}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={error === undefined ? undefined : 'declaration-error'}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Declaration</h2>
        </legend>
        {error !== undefined && (
          <p id="declaration-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="declaration"
              name="declaration"
              type="checkbox"
              checked={checked}
              onChange={(event) => onChange(event.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="declaration">
              {text}
            </label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

/** The GOV.UK confirmation page: a panel, then what happens next. */
function Signed({ agreement: a, version }: { agreement: AgreementDetail; version: number }) {
  const v = a.versions.find((x) => x.version === version);
  const waiting = v?.awaitingSignatureFrom ?? [];
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Agreement signed</h1>
        <div className="govuk-panel__body">
          {a.reference}, version {version}
        </div>
      </div>
      <h2 className="govuk-heading-m">What happens next</h2>
      {waiting.length > 0 ? (
        <>
          <p className="govuk-body">It comes into force when these parties have signed too:</p>
          <ul className="govuk-list govuk-list--bullet">
            {waiting.map((o) => (
              <li key={o.organisationId}>{o.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body">Every party has signed. {inForceSentence(a)}</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/agreements/${a.id}`}>
          Go to the agreement
        </Link>
      </p>
    </>
  );
}
