// The chronology's filters, as URL parameters (none is personal data: ids, groups and dates).
import type { ChronologyQuery } from '../../api.ts';

export const FILTER_FIELDS = ['organisationIds', 'fieldGroups', 'from', 'to', 'factOrOpinion'] as const;
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
