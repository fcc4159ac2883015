import type { ChronologyEntry } from '../../api-types.ts';
import { formatDate } from '../../format.ts';
import type { Filters } from './chronology-filters.ts';

/**
 * The chronology's filters as a printed page states them: agencies, kinds of information and of
 * record by their names (taken from the entries shown, so no hidden name is ever printed),
 * fact or opinion, and the dates in words.
 */
export function filtersInWords(filters: Filters, entries: readonly ChronologyEntry[]): string[] {
  const names = (ids: string, name: (e: ChronologyEntry) => [string, string]) => {
    const known = new Map(entries.map(name));
    return ids
      .split(',')
      .filter(Boolean)
      .map((id) => known.get(id) ?? id)
      .join(', ');
  };
  const words: string[] = [];
  if (filters.organisationIds)
    words.push(
      `Agencies: ${names(filters.organisationIds, (e) => [e.holderOrganisationId, e.holderName ?? ''])}`,
    );
  if (filters.fieldGroups)
    words.push(`Information: ${names(filters.fieldGroups, (e) => [e.fieldGroup, e.fieldGroupLabel])}`);
  if (filters.kinds) words.push(`Kinds of record: ${names(filters.kinds, (e) => [e.kind, e.kindLabel])}`);
  if (filters.factOrOpinion) words.push(`${filters.factOrOpinion === 'fact' ? 'Facts' : 'Opinions'} only`);
  if (filters.from) words.push(`From ${formatDate(filters.from)}`);
  if (filters.to) words.push(`To ${formatDate(filters.to)}`);
  return words;
}
