import { useEffect, useState, type FormEvent } from 'react';
import { noErrors, type FormErrors } from './form-errors.ts';

/**
 * The state of a filter form whose applied filters live in the URL: edited here, applied on
 * submit, and started again from the URL's filters whenever they change (a "show only" link,
 * "Clear filters", back). `field(name)` gives a Select or TextInput its id (the filter's key,
 * so an API error names it), value, change and error.
 */
export function useFilterForm<F extends Record<string, string>>(
  initial: F,
  onApply: (filters: F) => void,
  errors: FormErrors = noErrors,
) {
  const [filters, setFilters] = useState<F>(initial);
  const initialKey = JSON.stringify(initial);
  useEffect(() => setFilters(JSON.parse(initialKey) as F), [initialKey]);
  const set = (field: keyof F) => (value: string) => setFilters((f) => ({ ...f, [field]: value }));
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onApply(filters);
  };
  const field = (name: keyof F & string) => ({
    id: name,
    value: filters[name],
    onChange: set(name),
    error: errors.fields[name],
  });
  return { filters, set, submit, field };
}
