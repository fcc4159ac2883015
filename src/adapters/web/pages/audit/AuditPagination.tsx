import { Link } from 'react-router';

interface AuditPaginationProps {
  /** Search for the newest page, when this is not it. */
  readonly newest: string | null;
  /** Search for the next, older page, when there is one. */
  readonly older: string | null;
}

/** GOV.UK pagination with only "previous" and "next": the log is paged by a cursor, not numbers. */
export function AuditPagination({ newest, older }: AuditPaginationProps) {
  if (newest === null && older === null) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Audit log pages">
      {newest !== null && (
        <div className="govuk-pagination__prev">
          <Link
            className="govuk-link govuk-pagination__link"
            to={{ pathname: '/audit', search: newest }}
            rel="prev"
          >
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--prev"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">Newest events</span>
          </Link>
        </div>
      )}
      {older !== null && (
        <div className="govuk-pagination__next">
          <Link
            className="govuk-link govuk-pagination__link"
            to={{ pathname: '/audit', search: older }}
            rel="next"
          >
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--next"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
            <span className="govuk-pagination__link-title">Older events</span>
          </Link>
        </div>
      )}
    </nav>
  );
}
