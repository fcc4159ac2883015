import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import type { ChildView } from '../../api-types.ts';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { BreakGlassBanner } from '../break-glass/BreakGlassBanner.tsx';
import { BreakGlassLink } from '../break-glass/BreakGlassLink.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { noticeFrom } from '../../route-state.ts';
import { ConsentSection } from '../consent/ConsentSection.tsx';
import { ChildNotFound } from './ChildNotFound.tsx';
import { WhyCanISee } from './WhyCanISee.tsx';
import { ChronologySection } from './ChronologySection.tsx';
import { PurposeGate } from './PurposeGate.tsx';
import { FamilyGraph } from './FamilyGraph.tsx';
import { displayName, identityLabels, optionalDate, showValue } from './person-labels.ts';

/**
 * The single view of a child for one purpose: flags, identity, the agencies involved with their
 * lead practitioners, the chronology, the family, and why each part is shown. Only what the
 * agreements allow reaches this page; nothing says what else might exist.
 */
export function ChildViewPage() {
  return (
    <PurposeGate>
      <ChildView />
    </PurposeGate>
  );
}

function ChildView() {
  const { personId = '' } = useParams();
  const [params] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const [view] = useApiData(() => api.childView(personId, purpose), [personId, purpose]);
  const title = view.status === 'loaded' ? displayName(view.data.identity) : 'Child';
  usePageTitle(view.status === 'failed' ? 'Child not found' : title);
  if (view.status === 'loading') return <Loading />;
  if (view.status === 'failed') {
    if (view.error.status === 404 || view.error.status === 400) return <ChildNotFound personId={personId} />;
    return <LoadFailed error={view.error} />;
  }
  return <ChildViewBody view={view.data} name={title} personId={personId} purpose={purpose} />;
}

function ChildViewBody({
  view,
  name,
  personId,
  purpose,
}: {
  readonly view: ChildView;
  readonly name: string;
  readonly personId: string;
  readonly purpose: string;
}) {
  const notice = noticeFrom(useLocation().state);
  const emergency = view.purpose === 'emergency';
  return (
    <>
      {emergency && <BreakGlassBanner personId={view.personId} />}
      {notice && <NotificationBanner type="success" heading={notice} />}
      <span className="govuk-caption-l">{view.purposeLabel}</span>
      <h1 className="govuk-heading-l">{name}</h1>
      <p className="govuk-body">
        <Link
          className="govuk-link"
          to={`/persons/${encodeURIComponent(personId)}/decide?purpose=${encodeURIComponent(purpose)}`}
          state={{ childName: name }}
        >
          Record a decision to share or not to share
        </Link>
      </p>
      {view.flags.map((f) => (
        <div className="govuk-warning-text" key={f.type}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {`${f.label}${f.startDate ? ` since ${optionalDate(f.startDate)}` : ''}`}
            {f.holderName ? ` (${f.holderName})` : ''}
          </strong>
        </div>
      ))}
      <h2 className="govuk-heading-m">Identity</h2>
      <dl className="govuk-summary-list">
        {view.identity.map((i) => (
          <div className="govuk-summary-list__row" key={i.field}>
            <dt className="govuk-summary-list__key">{identityLabels[i.field] ?? i.field}</dt>
            <dd className="govuk-summary-list__value">
              {i.values.map((v) => (
                <p className="govuk-body govuk-!-margin-bottom-1" key={v.value}>
                  {showValue(i.field, v.value)}{' '}
                  <span className="govuk-hint govuk-!-font-size-16">({v.sources.join(', ')})</span>
                </p>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <Agencies agencies={view.agencies} />
      <ChronologySection view={view} />
      <h2 className="govuk-heading-m">Family</h2>
      <FamilyGraph childName={name} family={view.family} />
      <ConsentSection personId={personId} purpose={purpose} />
      <WhyCanISee view={view} />
      {!emergency && <BreakGlassLink personId={view.personId} />}
    </>
  );
}

function Agencies({ agencies }: { readonly agencies: ChildView['agencies'] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Agencies involved</h2>
      <div className="app-wide-only">
        <AgenciesTable agencies={agencies} />
      </div>
      {/* On a narrow screen, each agency as a summary card (nothing runs off the screen). */}
      <div className="app-narrow-only">
        {agencies.map((a) => (
          <div className="govuk-summary-card" key={a.organisationId}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">{a.name ?? 'An organisation'}</h3>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Lead practitioner</dt>
                  <dd className="govuk-summary-list__value">
                    <WhoLeads agency={a} />
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Contact</dt>
                  <dd className="govuk-summary-list__value">
                    <Contact agency={a} />
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Last contact</dt>
                  <dd className="govuk-summary-list__value">{optionalDate(a.lastContactDate)}</dd>
                </div>
              </dl>
            </div>
          </div>
        ))}
      </div>
    </>
  );
}

type Agency = ChildView['agencies'][number];

/**
 * Whom to call: the lead worker a record names, or else the organisation's directory entry
 * (issue 14 point 5), said to be one so nobody mistakes a team's number for a named worker.
 */
function WhoLeads({ agency }: { readonly agency: Agency }) {
  const lead = agency.leadPractitioner;
  if (lead)
    return (
      <>
        {lead.name}
        {lead.role && <span className="app-block">{lead.role}</span>}
      </>
    );
  if (!agency.contactPoint) return <>Not recorded</>;
  return (
    <>
      Not named in the records
      <span className="app-block">
        Contact point: {agency.contactPoint.name}
        {agency.contactPoint.role && `, ${agency.contactPoint.role}`}
      </span>
    </>
  );
}

function Contact({ agency }: { readonly agency: Agency }) {
  const contact = agency.leadPractitioner ?? agency.contactPoint;
  return (
    <>
      {contact?.phone && <span className="app-block">{contact.phone}</span>}
      {contact?.email && (
        <a className="govuk-link app-break-anywhere" href={`mailto:${contact.email}`}>
          {contact.email}
        </a>
      )}
    </>
  );
}

function AgenciesTable({ agencies }: { readonly agencies: ChildView['agencies'] }) {
  return (
    <>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Agencies involved and who leads
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Agency
            </th>
            <th scope="col" className="govuk-table__header">
              Lead practitioner
            </th>
            <th scope="col" className="govuk-table__header">
              Contact
            </th>
            <th scope="col" className="govuk-table__header">
              Last contact
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {agencies.map((a) => (
            <tr className="govuk-table__row" key={a.organisationId}>
              <th scope="row" className="govuk-table__header">
                {a.name ?? 'An organisation'}
              </th>
              <td className="govuk-table__cell">
                <WhoLeads agency={a} />
              </td>
              <td className="govuk-table__cell">
                <Contact agency={a} />
              </td>
              <td className="govuk-table__cell">{optionalDate(a.lastContactDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
