import { Link } from 'react-router';
import type { AuditEvent, Reference } from '../../api-types.ts';
import { formatDateTime, humanise } from '../../format.ts';
import { actionLabel, describeDetails, outcomeTags, purposeLabel, subjectLabel } from './audit-labels.ts';
import type { Filters } from './audit-filters.ts';

interface AuditTableProps {
  readonly events: readonly AuditEvent[];
  /** Labels for role and organisation type codes, once loaded. */
  readonly reference: Reference | null;
  /** The URL search for the current filters with one filter replaced, for "show only this" links. */
  readonly filterLink: (changes: Partial<Filters>) => string;
}

function Who({
  event,
  reference,
  filterLink,
}: { readonly event: AuditEvent } & Omit<AuditTableProps, 'events'>) {
  const name =
    event.actorName ??
    ({ system: 'Tessera (system)', anonymous: 'Someone not signed in' } as Record<string, string>)[
      event.actorType
    ] ??
    humanise(event.actorType);
  const role = event.actorRole
    ? (reference?.roles.find((r) => r.id === event.actorRole)?.label ?? humanise(event.actorRole))
    : null;
  return (
    <>
      {event.actorId ? (
        <Link className="govuk-link" to={{ search: filterLink({ actorId: event.actorId }) }}>
          {name}
          <span className="govuk-visually-hidden">: show only events by this person</span>
        </Link>
      ) : (
        name
      )}
      {role && <span className="govuk-body-s app-secondary-text">{role}</span>}
    </>
  );
}

function What({ event, reference }: { readonly event: AuditEvent; readonly reference: Reference | null }) {
  const details = describeDetails(event.details, reference);
  return (
    <>
      {actionLabel(event.action)}
      {event.purpose && (
        <span className="govuk-body-s app-secondary-text">Purpose: {purposeLabel(event.purpose)}</span>
      )}
      {details.map(([label, value]) => (
        <span className="govuk-body-s app-secondary-text" key={label}>
          {label}: {value}
        </span>
      ))}
    </>
  );
}

function Subject({
  event,
  filterLink,
}: {
  readonly event: AuditEvent;
  readonly filterLink: AuditTableProps['filterLink'];
}) {
  if (!event.subjectType) return <span className="govuk-visually-hidden">None</span>;
  if (!event.subjectId) return <>{subjectLabel(event.subjectType)}</>;
  return (
    <>
      <Link
        className="govuk-link"
        to={{ search: filterLink({ subjectType: event.subjectType, subjectId: event.subjectId }) }}
      >
        {subjectLabel(event.subjectType)}
        <span className="govuk-visually-hidden">: show only events about this</span>
      </Link>
      {/* A short reference to tell subjects apart; the full id stays in the filter link. */}
      <span className="govuk-body-s app-secondary-text">{`Reference ${event.subjectId.slice(0, 8)}`}</span>
    </>
  );
}

export function AuditTable({ events, reference, filterLink }: AuditTableProps) {
  if (events.length === 0) return null;
  return (
    <table className="govuk-table app-audit-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Audit events, newest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Time', 'Who', 'Action', 'Outcome', 'Subject'].map((heading) => (
            <th scope="col" className="govuk-table__header" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {events.map((event) => {
          const outcome = outcomeTags[event.outcome] ?? {
            text: humanise(event.outcome),
            className: 'govuk-tag govuk-tag--grey',
          };
          return (
            <tr className="govuk-table__row" key={event.id}>
              <td className="govuk-table__cell">
                <time dateTime={event.at}>{formatDateTime(event.at, { seconds: true })}</time>
              </td>
              <td className="govuk-table__cell">
                <Who event={event} reference={reference} filterLink={filterLink} />
              </td>
              <td className="govuk-table__cell">
                <What event={event} reference={reference} />
              </td>
              <td className="govuk-table__cell">
                <strong className={outcome.className}>{outcome.text}</strong>
              </td>
              <td className="govuk-table__cell">
                <Subject event={event} filterLink={filterLink} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
