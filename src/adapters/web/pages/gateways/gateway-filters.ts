// The gateway list's filters live in the URL, so a filtered list can be bookmarked and shared.
import type { GatewayQuery } from '../../api.ts';

export const FILTER_FIELDS = ['kind', 'organisationType', 'q', 'checked'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Record<FilterField, string>;

export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_FIELDS.map((field) => [field, params.get(field) ?? ''])) as Filters;
}

export function queryFor(filters: Filters): GatewayQuery {
  return { ...filters, q: filters.q.trim() };
}

export function searchFor(filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const checkedOptions = [
  { value: 'false', label: 'Not checked yet' },
  { value: 'true', label: 'Checked' },
] as const;
