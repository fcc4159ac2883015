import { useEffect, useState, type FormEvent } from 'react';

/**
 * The state of a filter form whose applied filters live in the URL: edited here, applied on
 * submit, and started again from the URL's filters whenever they change (a "show only" link,
 * "Clear filters", back).
 */
export function useFilterForm<F extends Record<string, string>>(initial: F, onApply: (filters: F) => void) {
  const [filters, setFilters] = useState<F>(initial);
  const initialKey = JSON.stringify(initial);
  useEffect(() => setFilters(JSON.parse(initialKey) as F), [initialKey]);
  const set = (field: keyof F) => (value: string) => setFilters((f) => ({ ...f, [field]: value }));
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onApply(filters);
  };
  return { filters, set, submit };
}
