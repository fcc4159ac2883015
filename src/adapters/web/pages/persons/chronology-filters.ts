// The chronology's filters, as URL parameters (none is personal data: ids, groups, kinds and dates).
import type { ChronologyQuery } from '../../api.ts';
import type { ChronologyEntry } from '../../api-types.ts';
import type { SelectOption } from '../../components/Select.tsx';

// In the form's order, which the error summary follows.
export const FILTER_FIELDS = [
  'organisationIds',
  'fieldGroups',
  'kinds',
  'factOrOpinion',
  'from',
  'to',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Record<FilterField, string>;

export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_FIELDS.map((f) => [f, params.get(f) ?? ''])) as Filters;
}

export const isFiltered = (f: Filters) => FILTER_FIELDS.some((k) => f[k] !== '');

export function queryFor(purpose: string, f: Filters): ChronologyQuery {
  return { purpose, ...Object.fromEntries(FILTER_FIELDS.filter((k) => f[k] !== '').map((k) => [k, f[k]])) };
}

export function searchFor(purpose: string, f: Filters): string {
  const params = new URLSearchParams({ purpose });
  for (const k of FILTER_FIELDS) if (f[k] !== '') params.set(k, f[k]);
  return `?${params.toString()}`;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function validateFilters(f: Filters): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  if (f.from !== '' && !isoDate.test(f.from))
    problems.push({ field: 'from', problem: 'Enter the first date like 2026-09-14' });
  if (f.to !== '' && !isoDate.test(f.to))
    problems.push({ field: 'to', problem: 'Enter the last date like 2026-10-31' });
  if (problems.length === 0 && f.from !== '' && f.to !== '' && f.from > f.to)
    problems.push({ field: 'to', problem: 'The last date must be the same as or after the first date' });
  return problems;
}

/**
 * The distinct values of one property among the entries the viewer may see, by label. Only what
 * is shown is offered, so no option hints that something hidden exists.
 */
export function optionsIn(
  entries: readonly ChronologyEntry[],
  option: (entry: ChronologyEntry) => SelectOption,
): SelectOption[] {
  const byValue = new Map(entries.map(option).map((o) => [o.value, o]));
  return [...byValue.values()].sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}
