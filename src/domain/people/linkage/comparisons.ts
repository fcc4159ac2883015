import type { Dataset, InternedColumn } from './dataset.ts';
import { dayNumber, swapDayMonth } from './dates.ts';
import { jaroWinklerSimilarity } from './jaro-winkler.ts';
import { locationComparison } from './location-comparison.ts';
import { areNameForms } from './nicknames.ts';
import { damerauLevenshtein, levenshtein } from './string-distance.ts';

/** The level a pair takes when either side lacks the value: it counts for neither side. */
export const MISSING = 255;

/**
 * identity: what tells a person from their brother or twin (given name, birth date, sex, NHS
 * number). household: what a family shares (surname, address, phone), which is evidence against
 * an unrelated stranger but not against a relative. The model treats the two differently.
 */
export type ComparisonRole = 'identity' | 'household';

export interface Comparison {
  readonly name: string;
  readonly role: ComparisonRole;
  /** Level labels, best first; the last is always "else" (disagreement). */
  readonly levels: readonly string[];
  /** Column whose term frequency adjusts the first (exact) level. */
  readonly tf?: InternedColumn;
  level(i: number, j: number): number;
}

function jwLevel(col: InternedColumn, i: number, j: number, first: number): number {
  const s = jaroWinklerSimilarity(col.values[col.ids[i]!]!, col.values[col.ids[j]!]!);
  return s >= 0.92 ? first : s >= 0.88 ? first + 1 : s >= 0.7 ? first + 2 : first + 3;
}

function firstName(ds: Dataset): Comparison {
  const first = ds.columns.first;
  const middle = ds.columns.middle;
  return {
    name: 'first_name',
    role: 'identity',
    levels: ['exact', 'same name (nickname)', 'jw ≥ 0.92', 'jw ≥ 0.88', 'jw ≥ 0.70', 'else'],
    tf: first,
    level(i, j) {
      const a = first.ids[i]!;
      const b = first.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      if (a === b) return 0;
      const va = first.values[a]!;
      const vb = first.values[b]!;
      if (areNameForms(va, vb)) return 1;
      // Known by a middle name in one agency ("James Oliver" recorded as "Oliver").
      const ma = middle.ids[i]!;
      const mb = middle.ids[j]!;
      if ((ma >= 0 && middle.values[ma]!.split(' ').includes(vb)) || (mb >= 0 && middle.values[mb]!.split(' ').includes(va))) {
        return 2;
      }
      return jwLevel(first, i, j, 2);
    },
  };
}

function middleNames(ds: Dataset): Comparison {
  const col = ds.columns.middle;
  return {
    name: 'middle_names',
    role: 'identity',
    levels: ['exact', 'jw ≥ 0.88 or same initial', 'else'],
    level(i, j) {
      const a = col.ids[i]!;
      const b = col.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      if (a === b) return 0;
      const va = col.values[a]!;
      const vb = col.values[b]!;
      if ((va.length === 1 || vb.length === 1) && va[0] === vb[0]) return 1;
      return jaroWinklerSimilarity(va, vb) >= 0.88 ? 1 : 2;
    },
  };
}

function lastName(ds: Dataset): Comparison {
  const col = ds.columns.last;
  return {
    name: 'last_name',
    role: 'household',
    levels: ['exact', 'jw ≥ 0.92 or one part of a double name', 'jw ≥ 0.88', 'jw ≥ 0.70', 'else'],
    tf: col,
    level(i, j) {
      const a = col.ids[i]!;
      const b = col.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      if (a === b) return 0;
      const va = col.values[a]!;
      const vb = col.values[b]!;
      if ((va.includes(' ') || vb.includes(' ')) && (va.split(' ').includes(vb) || vb.split(' ').includes(va))) {
        return 1;
      }
      const s = jaroWinklerSimilarity(va, vb);
      return s >= 0.92 ? 1 : s >= 0.88 ? 2 : s >= 0.7 ? 3 : 4;
    },
  };
}

function dateOfBirth(ds: Dataset): Comparison {
  const text = ds.columns.dobText;
  return {
    name: 'dob',
    role: 'identity',
    levels: ['exact', 'day and month swapped', 'one typing error', 'within a month', 'within a year', 'else'],
    tf: text,
    level(i, j) {
      const a = ds.dob[i]!;
      const b = ds.dob[j]!;
      if (a === 0 || b === 0) return MISSING;
      if (a === b) return 0;
      if (swapDayMonth(a) === b) return 1;
      if (damerauLevenshtein(String(a), String(b)) <= 1) return 2;
      const days = Math.abs(dayNumber(a) - dayNumber(b));
      return days <= 31 ? 3 : days <= 366 ? 4 : 5;
    },
  };
}

function exactOnly(name: string, role: ComparisonRole, col: InternedColumn): Comparison {
  return {
    name,
    role,
    levels: ['exact', 'else'],
    level(i, j) {
      const a = col.ids[i]!;
      const b = col.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      return a === b ? 0 : 1;
    },
  };
}

/** Levels by edit distance: exact, one edit, two edits, else (Splink's default for ids). */
function edits(name: string, role: ComparisonRole, col: InternedColumn): Comparison {
  return {
    name,
    role,
    levels: ['exact', 'one edit', 'two edits', 'else'],
    level(i, j) {
      const a = col.ids[i]!;
      const b = col.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      if (a === b) return 0;
      const d = levenshtein(col.values[a]!, col.values[b]!);
      return d <= 1 ? 1 : d <= 2 ? 2 : 3;
    },
  };
}

/**
 * The comparisons for the fields this data set carries. A field no record has is left out, so
 * a file without NHS numbers is not scored as if every pair disagreed on them.
 */
export function comparisonsFor(ds: Dataset): Comparison[] {
  const has = (f: string) => ds.present.has(f);
  const list: Comparison[] = [];
  const c = ds.columns;
  if (has('first_name')) list.push(firstName(ds));
  if (has('middle_names')) list.push(middleNames(ds));
  if (has('last_name')) list.push(lastName(ds));
  if (has('dob')) list.push(dateOfBirth(ds));
  if (has('sex')) list.push(exactOnly('sex', 'identity', c.sex));
  // A valid NHS number is issued once: two valid numbers that differ are two people (a
  // mistyped number almost always fails the modulus 11 check and is already missing).
  if (has('nhs_number')) list.push(exactOnly('nhs_number', 'identity', c.nhs));
  if (has('identifier')) list.push(edits('identifier', 'identity', c.identifier));
  if (has('postcode') || has('address') || has('city')) list.push(locationComparison(ds));
  if (has('email')) list.push(edits('email', 'household', c.email));
  if (has('phone')) list.push(edits('phone', 'household', c.phone));
  return list;
}
