import type { FieldGroup } from '../policy/field-groups.ts';
import { fieldGroupDefinitions } from '../policy/field-groups.ts';
import { plainDate } from '../shared/plain-date.ts';
import type { ChronologyFilters } from './build-child-view.ts';
import { recordKindLabel } from './record-kind-labels.ts';

/**
 * The chronology's filters as a printed page or an exported file states them (issue 14 point 4):
 * agencies named only from the entries shown, so no hidden organisation is ever named; kinds of
 * information and record in words; fact or opinion; dates as "16 Aug 2026". One wording for the
 * CSV (export-chronology.ts) and the print page (web).
 */
export function chronologyFiltersInWords(
  input: ChronologyFilters & { readonly fieldGroups?: readonly FieldGroup[] },
  entries: readonly { readonly holderOrganisationId: string; readonly holderName: string | null }[],
): string[] {
  const holders = new Map(entries.map((e) => [e.holderOrganisationId, e.holderName ?? '']));
  const words: string[] = [];
  if (input.organisationIds?.length)
    words.push(`Agencies: ${input.organisationIds.map((id) => holders.get(id) || 'an agency').join(', ')}`);
  if (input.fieldGroups?.length)
    words.push(`Information: ${input.fieldGroups.map((g) => fieldGroupDefinitions[g].label).join(', ')}`);
  if (input.kinds?.length) words.push(`Kinds of record: ${input.kinds.map(recordKindLabel).join(', ')}`);
  if (input.factOrOpinion) words.push(input.factOrOpinion === 'fact' ? 'Facts only' : 'Opinions only');
  if (input.from) words.push(`From ${plainDate(input.from)}`);
  if (input.to) words.push(`To ${plainDate(input.to)}`);
  return words;
}
