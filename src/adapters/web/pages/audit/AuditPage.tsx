import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { can, type AuditEventPage } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadFailed } from '../../components/Status.tsx';
import { fromError, fromProblems, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData, type Loadable } from '../../use-api-data.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditPagination } from './AuditPagination.tsx';
import { AuditTable } from './AuditTable.tsx';
import { AuditVerificationPanel } from './AuditVerificationPanel.tsx';
import { WhoHasSeenPanel } from './WhoHasSeenPanel.tsx';
import {
  FILTER_FIELDS,
  filtersFrom,
  queryFor,
  searchFor,
  validateFilters,
  type Filters,
} from './audit-filters.ts';

function resultsText(page: Loadable<AuditEventPage | null>): string {
  if (page.status === 'loading') return 'Loading events…';
  if (page.status === 'failed' || page.data === null) return '';
  const n = page.data.events.length;
  return n === 0
    ? 'No events match these filters.'
    : `Showing ${n.toLocaleString('en-GB')} ${n === 1 ? 'event' : 'events'}, newest first.`;
}

/** The event list needs read_audit; the integrity check needs verify_audit. */
export function AuditPage() {
  const session = useSignedInSession();
  const mayRead = can(session, 'read_audit');
  const mayVerify = can(session, 'verify_audit');
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = filtersFrom(params);
  const before = params.get('before') ?? '';

  const [page] = useApiData(
    async () => (mayRead ? api.auditEvents(queryFor(filters, before)) : null),
    [search, mayRead],
  );
  const [reference] = useApiData(() => api.reference(), []);
  const [clientErrors, setClientErrors] = useState<FormErrors>(noErrors);
  const serverErrors = useMemo(
    () =>
      page.status === 'failed' && page.error.status === 400 ? fromError(page.error, FILTER_FIELDS) : noErrors,
    [page],
  );
  const errors = hasErrors(clientErrors) ? clientErrors : serverErrors;
  usePageTitle('Audit log', hasErrors(errors));

  // A "show only" or paging link replaced the table it was in: take focus to the results.
  const results = useRef<HTMLParagraphElement>(null);
  const firstSearch = useRef(search);
  useEffect(() => {
    if (search === firstSearch.current) return;
    firstSearch.current = '\u0000';
    if (!document.activeElement || document.activeElement === document.body) results.current?.focus();
  }, [search]);

  function apply(next: Filters): void {
    const problems = validateFilters(next);
    setClientErrors(problems.length > 0 ? fromProblems(problems, FILTER_FIELDS) : noErrors);
    if (problems.length === 0) setParams(searchFor(next));
  }

  const filterLink = (changes: Partial<Filters>) => searchFor({ ...filters, ...changes });

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Audit log</h1>
      {mayVerify && <AuditVerificationPanel />}
      {mayRead && (
        <>
          <AuditFilters initial={filters} errors={errors} onApply={apply} />
          <p className="govuk-body govuk-skip-link-focused-element" role="status" tabIndex={-1} ref={results}>
            {resultsText(page)}
          </p>
          {filters.subjectType === 'person' && filters.subjectId !== '' && (
            <WhoHasSeenPanel
              subjectId={filters.subjectId}
              reference={reference.status === 'loaded' ? reference.data : null}
            />
          )}
          {page.status === 'failed' && page.error.status !== 400 && <LoadFailed error={page.error} />}
          {page.status === 'loaded' && page.data && (
            <>
              <AuditTable
                events={page.data.events}
                reference={reference.status === 'loaded' ? reference.data : null}
                filterLink={filterLink}
              />
              <AuditPagination
                newest={before === '' ? null : searchFor(filters)}
                older={page.data.nextBefore === null ? null : searchFor(filters, page.data.nextBefore)}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
