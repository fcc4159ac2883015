import { FilterActions } from '../../components/FilterActions.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FormErrors } from '../../form-errors.ts';
import { actionLabels } from './audit-labels.ts';
import type { Filters } from './audit-filters.ts';
import { useFilterForm } from '../../use-filter-form.ts';

const actionOptions = Object.entries(actionLabels)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

interface AuditFiltersProps {
  readonly initial: Filters;
  readonly errors: FormErrors;
  readonly onApply: (filters: Filters) => void;
}

export function AuditFilters({ initial, errors, onApply }: AuditFiltersProps) {
  const { filters, set, submit } = useFilterForm(initial, onApply);

  return (
    <form noValidate onSubmit={submit} className="app-filter" aria-labelledby="audit-filter-heading">
      <h2 className="govuk-heading-m" id="audit-filter-heading">
        Filter events
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            id="action"
            label="Action"
            placeholder="Any action"
            options={actionOptions}
            value={filters.action}
            onChange={set('action')}
            error={errors.fields.action}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            id="from"
            label="From"
            type="date"
            value={filters.from}
            onChange={set('from')}
            error={errors.fields.from}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <TextInput
            id="to"
            label="To"
            type="date"
            value={filters.to}
            onChange={set('to')}
            error={errors.fields.to}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <TextInput
            id="actorId"
            label="User ID of who acted"
            spellCheck={false}
            value={filters.actorId}
            onChange={set('actorId')}
            error={errors.fields.actorId}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <TextInput
            id="subjectType"
            label="Subject type"
            spellCheck={false}
            value={filters.subjectType}
            onChange={set('subjectType')}
            error={errors.fields.subjectType}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <TextInput
            id="subjectId"
            label="Subject ID"
            spellCheck={false}
            value={filters.subjectId}
            onChange={set('subjectId')}
            error={errors.fields.subjectId}
          />
        </div>
      </div>
      <FilterActions clearTo="/audit" />
    </form>
  );
}
