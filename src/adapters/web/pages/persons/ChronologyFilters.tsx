import { FilterActions } from '../../components/FilterActions.tsx';
import { Select, type SelectOption } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FormErrors } from '../../form-errors.ts';
import { useFilterForm } from '../../use-filter-form.ts';
import type { Filters } from './chronology-filters.ts';

const facts = [
  { value: 'fact', label: 'Facts only' },
  { value: 'opinion', label: 'Opinions only' },
];
const dateWidth = 'govuk-input--width-10';

interface ChronologyFiltersProps {
  readonly initial: Filters;
  readonly errors: FormErrors;
  readonly onApply: (filters: Filters) => void;
  /** Only what the viewer's chronology holds, so no choice hints at hidden records. */
  readonly choices: {
    readonly agencies: readonly SelectOption[];
    readonly groups: readonly SelectOption[];
    readonly kinds: readonly SelectOption[];
  };
  readonly clearTo: string;
}

/** The chronology's filters: agency, information, kind of record, fact or opinion, dates. */
export function ChronologyFilters({ initial, errors, onApply, choices, clearTo }: ChronologyFiltersProps) {
  const { submit, field } = useFilterForm(initial, onApply, errors);
  const { agencies, groups, kinds } = choices;
  return (
    <form noValidate onSubmit={submit} className="app-filter app-no-print" aria-label="Filter the chronology">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Select {...field('organisationIds')} label="Agency" placeholder="Any agency" options={agencies} />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            {...field('fieldGroups')}
            label="Information"
            placeholder="Any information"
            options={groups}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select {...field('kinds')} label="Kind of record" placeholder="Any kind" options={kinds} />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Select {...field('factOrOpinion')} label="Fact or opinion" placeholder="Both" options={facts} />
        </div>
        <div className="govuk-grid-column-one-third">
          <TextInput {...field('from')} label="From" hint="For example, 2026-09-01" widthClass={dateWidth} />
        </div>
        <div className="govuk-grid-column-one-third">
          <TextInput {...field('to')} label="To" hint="For example, 2026-10-31" widthClass={dateWidth} />
        </div>
      </div>
      <FilterActions clearTo={clearTo} />
    </form>
  );
}
