import type { ReactNode } from 'react';
import { describedBy, FormGroup } from './FormGroup.tsx';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

interface SelectProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly SelectOption[];
  /** The first, empty option, such as "Select a role"; none when absent. */
  readonly placeholder?: string;
}

export function Select({ id, label, hint, error, value, onChange, options, placeholder }: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        className={error === undefined ? 'govuk-select' : 'govuk-select govuk-select--error'}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
