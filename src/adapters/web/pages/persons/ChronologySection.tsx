import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, chronologyCsvUrl } from '../../api.ts';
import type { ChildView } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadFailed } from '../../components/Status.tsx';
import { fromError, fromProblems, hasErrors, noErrors } from '../../form-errors.ts';
import { useApiData } from '../../use-api-data.ts';
import { ChronologyFilters } from './ChronologyFilters.tsx';
import { ChronologyTable } from './ChronologyTable.tsx';
import {
  FILTER_FIELDS,
  filtersFrom,
  isFiltered,
  optionsIn,
  queryFor,
  searchFor,
  validateFilters,
  type Filters,
} from './chronology-filters.ts';
import { TimelineChart } from './TimelineChart.tsx';

/**
 * The multi-agency chronology with its filters. Unfiltered it is the view's own; filtered it is
 * read again through the API, where a field group filter narrows the read itself.
 */
export function ChronologySection({ view }: { readonly view: ChildView }) {
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const key = searchFor(view.purpose, applied);
  const [filtered] = useApiData(
    async () => (isFiltered(applied) ? api.chronology(view.personId, queryFor(view.purpose, applied)) : null),
    [key],
  );
  const [clientProblems, setClientProblems] = useState<{ field: string; problem: string }[]>([]);
  const serverErrors =
    filtered.status === 'failed' && filtered.error.status === 400
      ? fromError(filtered.error, FILTER_FIELDS)
      : noErrors;
  const errors = clientProblems.length > 0 ? fromProblems(clientProblems, FILTER_FIELDS) : serverErrors;

  function apply(filters: Filters): void {
    const problems = validateFilters(filters);
    setClientProblems(problems);
    if (problems.length === 0) setParams(searchFor(view.purpose, filters));
  }

  const agencies = view.agencies.map((a) => ({
    value: a.organisationId,
    label: a.name ?? 'An organisation',
  }));
  const groups = optionsIn(view.chronology, (e) => ({ value: e.fieldGroup, label: e.fieldGroupLabel }));
  const kinds = optionsIn(view.chronology, (e) => ({ value: e.kind, label: e.kindLabel }));
  const entries =
    filtered.status === 'loaded' && filtered.data
      ? filtered.data.entries
      : isFiltered(applied)
        ? []
        : view.chronology;
  const query = queryFor(view.purpose, applied);

  return (
    <section aria-labelledby="chronology-heading">
      <h2 className="govuk-heading-m" id="chronology-heading">
        Chronology
      </h2>
      {hasErrors(errors) && <ErrorSummary errors={errors} />}
      <ChronologyFilters
        initial={applied}
        errors={errors}
        onApply={apply}
        choices={{ agencies, groups, kinds }}
        clearTo={`?purpose=${view.purpose}`}
      />
      <p className="govuk-body app-no-print">
        <Link
          className="govuk-link"
          to={`/persons/${view.personId}/chronology/print${searchFor(view.purpose, applied)}`}
        >
          Printable chronology
        </Link>
        {' · '}
        <a className="govuk-link" href={chronologyCsvUrl(view.personId, query)} download>
          Download the chronology as CSV
        </a>
      </p>
      {filtered.status === 'failed' && filtered.error.status !== 400 && <LoadFailed error={filtered.error} />}
      {filtered.status === 'loading' && isFiltered(applied) ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : (
        <>
          <TimelineChart entries={entries} />
          <ChronologyTable entries={entries} />
        </>
      )}
    </section>
  );
}
