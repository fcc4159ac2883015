import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import type { GatewayDetail } from '../../api-types.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDate } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AppliesTo } from './GatewayTable.tsx';
import { UncheckedWarning, WordingTag } from './WordingTag.tsx';

/** Only web addresses become links; anything else a source says is shown as text. */
const isWebAddress = (source: string) => /^https?:\/\/\S+$/i.test(source);

function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Detail({ detail }: { readonly detail: GatewayDetail }) {
  const { gateway: g, version } = detail;
  return (
    <>
      <span className="govuk-caption-l">{g.kindLabel}</span>
      <h1 className="govuk-heading-l">{g.title}</h1>
      {!g.wordingChecked && <UncheckedWarning />}
      <dl className="govuk-summary-list app-gateway-detail">
        <Row label="ID">
          <span className="app-id">{g.id}</span>
        </Row>
        <Row label="Kind">{g.kindLabel}</Row>
        <Row label="Citation">{g.citation}</Row>
        <Row label="What it permits">
          <p className="govuk-body">{g.permits}</p>
          <p className="govuk-body-s app-secondary-text">A paraphrase, not the statutory wording.</p>
        </Row>
        <Row label="Applies to">
          {g.appliesToAll || g.organisationTypes.length === 0 ? (
            <AppliesTo gateway={g} />
          ) : (
            <ul className="govuk-list">
              {g.organisationTypes.map((t) => (
                <li key={t.id}>{t.label}</li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Sources">
          {g.sources.length === 0 ? (
            'None recorded'
          ) : (
            <ul className="govuk-list">
              {g.sources.map((source) => (
                <li key={source} className="app-id">
                  {isWebAddress(source) ? (
                    <a className="govuk-link" href={source} rel="noreferrer noopener" target="_blank">
                      {source}
                      <span className="govuk-visually-hidden"> (opens in new tab)</span>
                    </a>
                  ) : (
                    source
                  )}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Wording checked">
          <WordingTag checked={g.wordingChecked} />
          <span className="govuk-body-s app-secondary-text">
            {g.wordingChecked
              ? 'Someone has checked this paraphrase against its source.'
              : 'Nobody has checked this paraphrase against legislation.gov.uk yet.'}
          </span>
        </Row>
        <Row label="Catalogue version">
          {version.version}, from <time dateTime={version.createdAt}>{formatDate(version.createdAt)}</time>
        </Row>
      </dl>
    </>
  );
}

export function GatewayDetailPage() {
  const { id = '' } = useParams();
  const [detail] = useApiData(() => api.gateway(id), [id]);
  const notFound = detail.status === 'failed' && detail.error.status === 404;
  // One title for the page, set here: a child's title effect would run before this one.
  usePageTitle(
    detail.status === 'loaded' ? detail.data.gateway.title : notFound ? 'Page not found' : 'Legal gateway',
  );
  return (
    <>
      <Link className="govuk-back-link" to="/gateways">
        All legal gateways
      </Link>
      {detail.status === 'loading' && <Loading />}
      {notFound && <NotFoundPage />}
      {detail.status === 'failed' && !notFound && <LoadFailed error={detail.error} />}
      {detail.status === 'loaded' && <Detail detail={detail.data} />}
    </>
  );
}
