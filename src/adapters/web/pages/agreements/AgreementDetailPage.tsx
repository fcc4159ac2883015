import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { agreementDocumentUrl, api } from '../../api.ts';
import type { AgreementDetail, AgreementQuality, Session } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { noticeFrom } from '../../route-state.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData, type Loadable } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { inForceSentence } from './in-force-sentence.ts';
import { mayManage } from './may-manage.ts';
import { versionAwaitingMySignature } from './may-sign.ts';
import { AgreementActions } from './AgreementActions.tsx';
import { AgreementStatusTag } from './AgreementStatusTag.tsx';
import { FlowTable, GatewayLink } from './FlowTable.tsx';
import { labellerFor, type Labeller } from './labels.ts';
import { VersionHistory, VersionSummary } from './VersionSummary.tsx';

function Quality({ quality }: { readonly quality: Loadable<AgreementQuality> }) {
  if (quality.status === 'loading') return <Loading />;
  if (quality.status === 'failed') return <LoadFailed error={quality.error} />;
  const { findings, version } = quality.data;
  return (
    <>
      <h2 className="govuk-heading-m">Quality check of version {version}</h2>
      {findings.length === 0 ? (
        <p className="govuk-body">Every section is complete.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {findings.map((f) => (
            <li key={`${f.section}:${f.message}`}>
              <strong
                className={`govuk-tag ${f.severity === 'missing' ? 'govuk-tag--red' : 'govuk-tag--yellow'}`}
              >
                {f.severity === 'missing' ? 'Missing' : 'Weak'}
              </strong>{' '}
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Detail({
  agreement: a,
  label,
  manage,
}: {
  readonly agreement: AgreementDetail;
  readonly label: Labeller;
  readonly manage: boolean;
}) {
  const pending = a.versions.find((v) => v.version === a.pendingVersion);
  // A Tier 2 draft's flows are changed one at a time, each on a page of its own.
  const editable = (v: { version: number; status: string }) =>
    manage && a.tier === 'tier2' && v === pending && v.status === 'draft' ? a.id : undefined;
  const flows = (v: NonNullable<typeof pending>) => (
    <>
      <FlowTable
        flows={v.flows}
        label={label}
        caption={`Flows of version ${v.version}`}
        editableFor={editable(v)}
      />
      {editable(v) !== undefined && (
        <Link
          className="govuk-button govuk-button--secondary"
          role="button"
          to={`/agreements/${a.id}/flows/new`}
        >
          Add a flow
        </Link>
      )}
    </>
  );
  const shown =
    a.versions.find((v) => v.version === (a.versionInForce ?? a.latestVersion)) ?? a.versions.at(-1);
  return (
    <>
      <span className="govuk-caption-l">
        {a.reference}, {a.tierLabel}
      </span>
      <h1 className="govuk-heading-l">{a.title}</h1>
      <p className="govuk-body">
        <AgreementStatusTag status={a.status} label={a.statusLabel} /> {inForceSentence(a)}
        {a.pendingVersion !== null && ` Version ${a.pendingVersion} is not in force yet.`}
      </p>
      {a.suspension && <p className="govuk-body">Suspended: {a.suspension.reason}</p>}
      {a.termination && <p className="govuk-body">Terminated: {a.termination.reason}</p>}
      {a.tier1 && (
        <p className="govuk-body">
          Under the Tier 1 agreement{' '}
          <Link className="govuk-link" to={`/agreements/${a.tier1.id}`}>
            {a.tier1.reference}
          </Link>
          .
        </p>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={agreementDocumentUrl(a.id)} download>
          Download as Word (.docx)
        </a>
      </p>
      {shown && (
        <>
          <h2 className="govuk-heading-m">
            {a.versionInForce === null
              ? `Version ${shown.version}`
              : a.status === 'signed_not_started'
                ? 'The signed version'
                : 'The version in force'}
          </h2>
          <VersionSummary version={shown} />
          {a.tier === 'tier2' && flows(shown)}
        </>
      )}
      {pending && pending !== shown && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Show version {pending.version}, not in force yet
            </span>
          </summary>
          <div className="govuk-details__text">
            <VersionSummary version={pending} />
            {a.tier === 'tier2' && flows(pending)}
          </div>
        </details>
      )}
      {a.gateways.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Legal gateways cited</h2>
          <ul className="govuk-list">
            {a.gateways.map((g) => (
              <li key={g.id}>
                <GatewayLink id={g.id} title={g.title} /> ({g.kindLabel})
              </li>
            ))}
          </ul>
        </>
      )}
      {a.tier2Agreements.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Tier 2 agreements under it</h2>
          <ul className="govuk-list">
            {a.tier2Agreements.map((t) => (
              <li key={t.id}>
                <Link className="govuk-link" to={`/agreements/${t.id}`}>
                  {t.reference}: {t.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Tells a signatory that their organisation has still to sign, and where to do it. */
function AwaitingMySignature({ agreement: a, session }: { agreement: AgreementDetail; session: Session }) {
  const version = versionAwaitingMySignature(session, a);
  if (!version) return null;
  const organisation = session.membership.organisationName;
  return (
    <NotificationBanner heading={`${organisation} has not signed version ${version.version} yet`}>
      <p className="govuk-body">
        You are a signatory for {organisation}. Read the agreement, then{' '}
        <Link className="govuk-notification-banner__link" to={`/agreements/${a.id}/sign`}>
          sign it for {organisation}
        </Link>
        .
      </p>
    </NotificationBanner>
  );
}

export function AgreementDetailPage() {
  const { id = '' } = useParams();
  const session = useSignedInSession();
  const [agreement, reload] = useApiData(() => api.agreement(id), [id]);
  const [quality, reloadQuality] = useApiData(() => api.agreementQuality(id), [id]);
  const [reference] = useApiData(() => api.agreementReference(), []);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(noticeFrom(location.state));
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const notFound = agreement.status === 'failed' && agreement.error.status === 404;
  usePageTitle(
    agreement.status === 'loaded'
      ? agreement.data.title
      : notFound
        ? 'Page not found'
        : 'Data sharing agreement',
    hasErrors(errors),
  );
  const label = labellerFor(reference.status === 'loaded' ? reference.data : null);
  return (
    <>
      <Link className="govuk-back-link" to="/agreements">
        All agreements
      </Link>
      <ErrorSummary errors={errors} />
      {notice && !hasErrors(errors) && (
        <NotificationBanner type="success" heading={notice}>
          {warnings.length > 0 && (
            <>
              <p className="govuk-body">Check these before the parties sign:</p>
              <ul className="govuk-list govuk-list--bullet">
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          )}
        </NotificationBanner>
      )}
      {agreement.status === 'loading' && <Loading />}
      {notFound && <NotFoundPage />}
      {agreement.status === 'failed' && !notFound && <LoadFailed error={agreement.error} />}
      {agreement.status === 'loaded' && (
        <>
          <AwaitingMySignature agreement={agreement.data} session={session} />
          <Detail agreement={agreement.data} label={label} manage={mayManage(session, agreement.data)} />
          <AgreementActions
            agreement={agreement.data}
            session={session}
            errors={errors}
            onErrors={(next) => {
              setErrors(next);
              if (hasErrors(next)) setNotice(null);
            }}
            onDone={(text, found = []) => {
              setNotice(text);
              setWarnings(found);
              reload();
              reloadQuality();
            }}
          />
          <Quality quality={quality} />
          <VersionHistory versions={agreement.data.versions} />
        </>
      )}
    </>
  );
}
