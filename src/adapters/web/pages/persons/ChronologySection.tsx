import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, chronologyCsvUrl } from '../../api.ts';
import type { ChildView } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FilterActions } from '../../components/FilterActions.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed } from '../../components/Status.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { fromError, fromProblems, hasErrors, noErrors } from '../../form-errors.ts';
import { useApiData } from '../../use-api-data.ts';
import { ChronologyTable } from './ChronologyTable.tsx';
import {
  FILTER_FIELDS,
  filtersFrom,
  isFiltered,
  optionsIn,
  queryFor,
  searchFor,
  validateFilters,
  type FilterField,
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
  const [form, setForm] = useState<Filters>(applied);
  const [clientProblems, setClientProblems] = useState<{ field: string; problem: string }[]>([]);
  useEffect(() => setForm(filtersFrom(new URLSearchParams(key))), [key]);
  const set = (field: FilterField) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const serverErrors =
    filtered.status === 'failed' && filtered.error.status === 400
      ? fromError(filtered.error, FILTER_FIELDS)
      : noErrors;
  const errors = clientProblems.length > 0 ? fromProblems(clientProblems, FILTER_FIELDS) : serverErrors;

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems = validateFilters(form);
    setClientProblems(problems);
    if (problems.length === 0) setParams(searchFor(view.purpose, form));
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
      <form
        noValidate
        onSubmit={apply}
        className="app-filter app-no-print"
        aria-label="Filter the chronology"
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="organisationIds"
              label="Agency"
              placeholder="Any agency"
              options={agencies}
              value={form.organisationIds}
              onChange={set('organisationIds')}
              error={errors.fields.organisationIds}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="fieldGroups"
              label="Information"
              placeholder="Any information"
              options={groups}
              value={form.fieldGroups}
              onChange={set('fieldGroups')}
              error={errors.fields.fieldGroups}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="kinds"
              label="Kind of record"
              placeholder="Any kind"
              options={kinds}
              value={form.kinds}
              onChange={set('kinds')}
              error={errors.fields.kinds}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="factOrOpinion"
              label="Fact or opinion"
              placeholder="Both"
              options={[
                { value: 'fact', label: 'Facts only' },
                { value: 'opinion', label: 'Opinions only' },
              ]}
              value={form.factOrOpinion}
              onChange={set('factOrOpinion')}
              error={errors.fields.factOrOpinion}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              id="from"
              label="From"
              hint="For example, 2026-09-01"
              value={form.from}
              onChange={set('from')}
              error={errors.fields.from}
              widthClass="govuk-input--width-10"
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              id="to"
              label="To"
              hint="For example, 2026-10-31"
              value={form.to}
              onChange={set('to')}
              error={errors.fields.to}
              widthClass="govuk-input--width-10"
            />
          </div>
        </div>
        <FilterActions clearTo={`?purpose=${view.purpose}`} />
      </form>
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
