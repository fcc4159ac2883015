// The audit page's filters live in the URL, so that a search can be bookmarked and shared with
// someone who may see the same log. Dates in the URL are London calendar days (YYYY-MM-DD).
import type { AuditQuery } from '../../api.ts';
import { londonDayBoundary } from '../../format.ts';
import type { FieldProblem } from '../../api-types.ts';

export const FILTER_FIELDS = ['action', 'from', 'to', 'actorId', 'subjectType', 'subjectId'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type Filters = Record<FilterField, string>;

export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_FIELDS.map((field) => [field, params.get(field) ?? ''])) as Filters;
}

/** The API query for the filters and the page cursor. Dates that are not dates are sent as typed, for the server to reject. */
export function queryFor(filters: Filters, before: string): AuditQuery {
  return {
    ...filters,
    from: filters.from && (londonDayBoundary(filters.from, 'start') ?? filters.from),
    to: filters.to && (londonDayBoundary(filters.to, 'end') ?? filters.to),
    before,
  };
}

export function searchFor(filters: Partial<Filters>, before?: string | number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value.trim());
  if (before !== undefined) params.set('before', String(before));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function validateFilters(filters: Filters): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const from = filters.from ? londonDayBoundary(filters.from, 'start') : null;
  const to = filters.to ? londonDayBoundary(filters.to, 'end') : null;
  if (filters.from && !from) problems.push({ field: 'from', problem: 'The ‘from’ date must be a real date' });
  if (filters.to && !to) problems.push({ field: 'to', problem: 'The ‘to’ date must be a real date' });
  if (from && to && from > to)
    problems.push({ field: 'to', problem: 'The ‘to’ date must be the same as or after the ‘from’ date' });
  return problems;
}
