import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { can, type InboxItem } from '../../api-types.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { ragLabels, ragTagClass, statusLabels, timeLeftInWords } from './request-labels.ts';

const views = [
  { id: 'responder', label: 'Asked of us', capability: 'answer_requests' },
  { id: 'manager', label: 'Escalated', capability: 'oversee_requests' },
  { id: 'sent', label: 'Sent by us', capability: 'make_requests' },
] as const;
const rags = ['red', 'amber', 'green'] as const;

/**
 * The inbox of partner checks still waiting, soonest due first, with the RAG rating and the time
 * left in words. Views: the checks put to the user's organisation, those past their escalation
 * point (team managers), and those the organisation sent.
 */
export function RequestInboxPage() {
  const session = useSignedInSession();
  const [params] = useSearchParams();
  const mine = views.filter((v) => can(session, v.capability));
  const view = mine.find((v) => v.id === params.get('view')) ?? mine[0];
  const rag = rags.find((r) => r === params.get('rag'));
  const [inbox] = useApiData(() => api.requestInbox(view?.id ?? 'responder', rag), [view?.id, rag]);
  usePageTitle('Requests for information');
  const link = (v: string, r?: string) => `/requests?view=${v}${r ? `&rag=${r}` : ''}`;
  return (
    <>
      <h1 className="govuk-heading-l">Requests for information</h1>
      {can(session, 'make_requests') && (
        <Link to="/requests/new" className="govuk-button" data-module="govuk-button">
          Make a request
        </Link>
      )}
      <nav aria-label="Which requests" className="app-section">
        <ul className="govuk-list">
          {mine.map((v) => (
            <li key={v.id}>
              {v.id === view?.id ? (
                <strong aria-current="page">{v.label}</strong>
              ) : (
                <Link className="govuk-link" to={link(v.id)}>
                  {v.label}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {inbox.status === 'loading' && <Loading />}
      {inbox.status === 'failed' && <LoadFailed error={inbox.error} />}
      {inbox.status === 'loaded' && view && (
        <>
          <nav aria-label="Filter by RAG rating" className="app-section">
            <ul className="govuk-list">
              <li>
                {rag === undefined ? (
                  <strong aria-current="page">All</strong>
                ) : (
                  <Link className="govuk-link" to={link(view.id)}>
                    All
                  </Link>
                )}
              </li>
              {rags.map((r) => (
                <li key={r}>
                  {r === rag ? (
                    <strong aria-current="page">
                      {ragLabels[r]} ({inbox.data.counts[r]})
                    </strong>
                  ) : (
                    <Link className="govuk-link" to={link(view.id, r)}>
                      {ragLabels[r]} ({inbox.data.counts[r]})
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {inbox.data.counts.overdue > 0 && (
            <p className="govuk-body">
              <strong>{inbox.data.counts.overdue} overdue</strong>
            </p>
          )}
          {inbox.data.items.length === 0 ? (
            <p className="govuk-body">There are no requests waiting here.</p>
          ) : (
            <InboxTable items={inbox.data.items} sent={view.id === 'sent'} />
          )}
        </>
      )}
    </>
  );
}

function InboxTable({ items, sent }: { readonly items: readonly InboxItem[]; readonly sent: boolean }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Soonest due first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Child
          </th>
          <th scope="col" className="govuk-table__header">
            {sent ? 'Asked' : 'From'}
          </th>
          <th scope="col" className="govuk-table__header">
            RAG
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
          <th scope="col" className="govuk-table__header">
            Due
          </th>
          <th scope="col" className="govuk-table__header">
            Time left
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((i) => (
          <tr className="govuk-table__row" key={`${i.requestId}/${i.organisationId}`}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={`/requests/${i.requestId}`}>
                {i.childName}
              </Link>
            </th>
            <td className="govuk-table__cell">{sent ? i.organisationName : i.requesterOrganisationName}</td>
            <td className="govuk-table__cell">
              <strong className={ragTagClass[i.rag]}>{ragLabels[i.rag]}</strong>
            </td>
            <td className="govuk-table__cell">
              {statusLabels[i.status] ?? i.status}
              {i.escalated && !i.overdue ? ' (escalated)' : ''}
            </td>
            <td className="govuk-table__cell">{i.dueAt ? formatDateTime(i.dueAt) : 'Not running'}</td>
            <td className="govuk-table__cell">
              {i.overdue ? <strong>{timeLeftInWords(i.msLeft)}</strong> : timeLeftInWords(i.msLeft)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
