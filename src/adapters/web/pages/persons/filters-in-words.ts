import { chronologyFiltersInWords } from '../../../../domain/view/chronology-filters-in-words.ts';
import type { ChronologyFilters } from '../../../../domain/view/build-child-view.ts';
import type { FieldGroup } from '../../../../domain/policy/field-groups.ts';
import type { ChronologyEntry } from '../../api-types.ts';
import type { Filters } from './chronology-filters.ts';

/** The page's URL filters in the words the CSV uses (domain/view/chronology-filters-in-words.ts). */
export function filtersInWords(filters: Filters, entries: readonly ChronologyEntry[]): string[] {
  const list = (value: string) => value.split(',').filter(Boolean);
  const input: Parameters<typeof chronologyFiltersInWords>[0] = {
    organisationIds: list(filters.organisationIds),
    fieldGroups: list(filters.fieldGroups) as FieldGroup[],
    kinds: list(filters.kinds) as NonNullable<ChronologyFilters['kinds']>,
    ...(filters.factOrOpinion === 'fact' || filters.factOrOpinion === 'opinion'
      ? { factOrOpinion: filters.factOrOpinion as 'fact' | 'opinion' }
      : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  return chronologyFiltersInWords(input, entries);
}
