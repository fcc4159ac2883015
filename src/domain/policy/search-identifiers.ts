import { checkNhsNumber, checkUpn } from '../feeds/field-checks.ts';
import type { FieldProblem } from '../shared/errors.ts';
import type { SearchTerms } from './person-search-store.ts';

export type SearchField = 'name' | 'dob' | 'nhsNumber' | 'upn';

export interface SearchIdentifiers {
  readonly name?: string | undefined;
  readonly dob?: string | undefined;
  readonly nhsNumber?: string | undefined;
  readonly upn?: string | undefined;
}

/** Why a search was refused before anything was read, for its audit event. */
export type SearchRefusal = 'invalid_identifier' | 'not_identifying';

export type IdentifiedSearch =
  | { readonly ok: true; readonly terms: SearchTerms; readonly fields: readonly SearchField[] }
  | {
      readonly ok: false;
      readonly fields: readonly SearchField[];
      readonly reason: SearchRefusal;
      readonly problems: readonly FieldProblem[];
    };

/**
 * The minimum identifying set a person search needs (DESIGN.md rule 2; data minimisation, UK
 * GDPR Art 5(1)(c)): a search must point at one child, not list every child with a surname or a
 * birthday, which would let any practitioner trawl the partnership's children. Accepted:
 * - a valid NHS number alone: unique, and its modulus 11 check digit catches every single-digit
 *   error and every transposition, so a mistyped number finds no one rather than someone else;
 * - a name with the date of birth: together they usually single out one child, and results are
 *   capped (MAX_SEARCH_RESULTS) if not;
 * - a valid pupil number with a name or the date of birth: the UPN is unique too, but its check
 *   letter (mod 23) misses about one random error in 23, so a second identifier confirms it.
 * A malformed identifier is refused by field rather than searched for without it.
 */
export function identifySearch(input: SearchIdentifiers): IdentifiedSearch {
  const nameWords = (input.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const given = (value: string | undefined) => value !== undefined && value.trim() !== '';
  const fields = (['name', 'dob', 'nhsNumber', 'upn'] as const).filter((f) =>
    f === 'name' ? nameWords.length > 0 : given(input[f]),
  );
  const problems: FieldProblem[] = [];
  const nhs = given(input.nhsNumber) ? checkNhsNumber(input.nhsNumber!) : undefined;
  if (nhs && !nhs.ok) problems.push({ field: 'nhsNumber', problem: nhs.reason });
  const upn = given(input.upn) ? checkUpn(input.upn!) : undefined;
  if (upn && !upn.ok) problems.push({ field: 'upn', problem: upn.reason });
  if (problems.length > 0) return { ok: false, fields, reason: 'invalid_identifier', problems };

  const name = nameWords.length > 0;
  const dob = given(input.dob);
  const identifying = nhs !== undefined || (name && dob) || (upn !== undefined && (name || dob));
  if (!identifying)
    return { ok: false, fields, reason: 'not_identifying', problems: [missingProblem(name, dob, !!upn)] };
  return {
    ok: true,
    fields,
    terms: {
      ...(name ? { nameWords } : {}),
      ...(dob ? { dob: input.dob!.trim() } : {}),
      ...(nhs?.ok ? { nhsNumber: nhs.value } : {}),
      ...(upn?.ok ? { upn: upn.value } : {}),
    },
  };
}

/** Names the field to fill in next, for the search that was one identifier short. */
function missingProblem(name: boolean, dob: boolean, upn: boolean): FieldProblem {
  if (upn) return { field: 'name', problem: 'Enter a name or date of birth with the pupil number' };
  if (name) return { field: 'dob', problem: 'Enter a date of birth with the name, or search by NHS number' };
  if (dob) return { field: 'name', problem: 'Enter a name with the date of birth, or search by NHS number' };
  return { field: 'name', problem: 'Enter a name and date of birth, or an NHS number' };
}

/** The same rule over terms already checked: a caller that skipped identifySearch is refused. */
export function isIdentifyingSet(terms: SearchTerms): boolean {
  const name = (terms.nameWords?.length ?? 0) > 0;
  const nhs = terms.nhsNumber !== undefined && checkNhsNumber(terms.nhsNumber).ok;
  const upn = terms.upn !== undefined && checkUpn(terms.upn).ok;
  return nhs || (name && terms.dob !== undefined) || (upn && (name || terms.dob !== undefined));
}
