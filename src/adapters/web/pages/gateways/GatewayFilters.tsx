import { FilterActions } from '../../components/FilterActions.tsx';
import type { Reference } from '../../api-types.ts';
import { Select, type SelectOption } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FormErrors } from '../../form-errors.ts';
import { checkedOptions, type Filters } from './gateway-filters.ts';
import { useFilterForm } from '../../use-filter-form.ts';

interface GatewayFiltersProps {
  readonly initial: Filters;
  readonly kinds: readonly SelectOption[];
  readonly organisationTypes: Reference['organisationTypes'];
  readonly errors: FormErrors;
  readonly onApply: (filters: Filters) => void;
}

export function GatewayFilters({ initial, kinds, organisationTypes, errors, onApply }: GatewayFiltersProps) {
  const { filters, set, submit } = useFilterForm(initial, onApply);

  return (
    <form noValidate onSubmit={submit} className="app-filter" aria-labelledby="gateway-filter-heading">
      <h2 className="govuk-heading-m" id="gateway-filter-heading">
        Filter gateways
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextInput
            id="q"
            label="Search"
            hint="Words in the ID, title, citation or what it permits"
            value={filters.q}
            onChange={set('q')}
            error={errors.fields.q}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            id="kind"
            label="Kind"
            placeholder="Any kind"
            options={kinds}
            value={filters.kind}
            onChange={set('kind')}
            error={errors.fields.kind}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            id="organisationType"
            label="Applies to"
            placeholder="Any organisation type"
            options={organisationTypes.map((t) => ({ value: t.id, label: t.label }))}
            value={filters.organisationType}
            onChange={set('organisationType')}
            error={errors.fields.organisationType}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            id="checked"
            label="Wording checked against legislation"
            placeholder="Checked or not"
            options={checkedOptions}
            value={filters.checked}
            onChange={set('checked')}
            error={errors.fields.checked}
          />
        </div>
      </div>
      <FilterActions clearTo="/gateways" />
    </form>
  );
}
