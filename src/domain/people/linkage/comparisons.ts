import type { Dataset, InternedColumn } from './dataset.ts';
import { dayNumber, swapDayMonth } from './dates.ts';
import { jaroWinklerSimilarity } from './jaro-winkler.ts';
import { locationComparison } from './location-comparison.ts';
import { SimilarityCache } from './similarity-cache.ts';
import { nameCohortBits } from './name-cohorts.ts';
import { areNameForms } from './nicknames.ts';
import { levenshtein } from './string-distance.ts';

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
  /**
   * Bits taken off the exact level's term-frequency adjustment of record i when the pair also
   * shares a birth date: the value is commoner among people born that year (name-cohorts.ts).
   */
  readonly cohortBits?: (i: number) => number;
  level(i: number, j: number): number;
}

/**
 * True when a given name of one record is the surname of the other (the two were entered the
 * wrong way round, or one was put in the other's box; clerks who swap the boxes often mistype or
 * drop the other name too).
 */
function crossesOver(first: InternedColumn, last: InternedColumn, fi: number, lj: number): boolean {
  if (fi < 0 || lj < 0) return false;
  const a = first.values[fi]!;
  const b = last.values[lj]!;
  return a === b || (a.charCodeAt(0) === b.charCodeAt(0) && jaroWinklerSimilarity(a, b) >= 0.92);
}

/**
 * `both`: each name is in the other's box (used by the surname comparison). Otherwise one
 * crossing is enough (the given-name comparison), so a single crossing counts once, not twice.
 */
function swappedNames(ds: Dataset, i: number, j: number, both: boolean): boolean {
  const { first, last } = ds.columns;
  const one = crossesOver(first, last, first.ids[i]!, last.ids[j]!);
  const other = crossesOver(first, last, first.ids[j]!, last.ids[i]!);
  return both ? one && other : one || other;
}

/** True when `word` is one of the space-separated words of `text` (and not all of it). */
function hasWord(text: string, word: string): boolean {
  return text.length > word.length && ` ${text} `.includes(` ${word} `);
}

function isWordOf(text: string, word: string): boolean {
  return text === word || hasWord(text, word);
}

function firstName(ds: Dataset): Comparison {
  const first = ds.columns.first;
  const middle = ds.columns.middle;
  const jw = new SimilarityCache(first);
  return {
    name: 'first_name',
    role: 'identity',
    levels: [
      'exact',
      'same name (nickname)',
      'given name and surname swapped',
      'known by a middle name',
      'one typing slip',
      'jw ≥ 0.92',
      'jw ≥ 0.88',
      'jw ≥ 0.70',
      'else',
    ],
    tf: first,
    cohortBits: (i) => nameCohortBits(ds, i),
    level(i, j) {
      const a = first.ids[i]!;
      const b = first.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      if (a === b) return 0;
      const va = first.values[a]!;
      const vb = first.values[b]!;
      if (areNameForms(va, vb)) return 1;
      // Given name and surname entered the wrong way round.
      if (swappedNames(ds, i, j, false)) return 2;
      // Known by a middle name in one agency ("James Oliver" recorded as "Oliver").
      const ma = middle.ids[i]!;
      const mb = middle.ids[j]!;
      if ((ma >= 0 && isWordOf(middle.values[ma]!, vb)) || (mb >= 0 && isWordOf(middle.values[mb]!, va))) {
        return 3;
      }
      const s = jw.similarity(a, b);
      if (s >= 10) return 4;
      // A record whose given name is also its middle name had the given-name box filled from
      // the middle one ("John John" for Thomas John): people are almost never given one name
      // twice. Its given name then says nothing about the other record's, for or against.
      if ((ma >= 0 && middle.values[ma] === va) || (mb >= 0 && middle.values[mb] === vb)) return MISSING;
      return s >= 0.92 ? 5 : s >= 0.88 ? 6 : s >= 0.7 ? 7 : 8;
    },
  };
}

function middleNames(ds: Dataset): Comparison {
  const col = ds.columns.middle;
  const first = ds.columns.first;
  /** The given name of one record is the middle name of the other, both ways round. */
  const swappedWithGiven = (i: number, j: number, vi: string, vj: string) => {
    const fi = first.ids[i]!;
    const fj = first.ids[j]!;
    return fi >= 0 && fj >= 0 && isWordOf(vi, first.values[fj]!) && isWordOf(vj, first.values[fi]!);
  };
  return {
    name: 'middle_names',
    role: 'identity',
    levels: ['exact, or swapped with the given name', 'jw ≥ 0.88 or same initial', 'else'],
    level(i, j) {
      const a = col.ids[i]!;
      const b = col.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      if (a === b) return 0;
      const va = col.values[a]!;
      const vb = col.values[b]!;
      // First and middle names entered the other way round ("Oliver James" for "James Oliver"):
      // the same two names, which the given-name comparison already counts as a middle name.
      if (swappedWithGiven(i, j, va, vb)) return 0;
      if ((va.length === 1 || vb.length === 1) && va[0] === vb[0]) return 1;
      return jaroWinklerSimilarity(va, vb) >= 0.88 ? 1 : 2;
    },
  };
}

function lastName(ds: Dataset): Comparison {
  const col = ds.columns.last;
  const jw = new SimilarityCache(col);
  return {
    name: 'last_name',
    role: 'household',
    levels: [
      'exact',
      'one typing slip, jw ≥ 0.92 or one part of a double name',
      'given name and surname swapped',
      'jw ≥ 0.88',
      'jw ≥ 0.70',
      'else',
    ],
    tf: col,
    level(i, j) {
      const a = col.ids[i]!;
      const b = col.ids[j]!;
      if (a < 0 || b < 0) return MISSING;
      if (a === b) return 0;
      const va = col.values[a]!;
      const vb = col.values[b]!;
      if (hasWord(va, vb) || hasWord(vb, va)) {
        return 1;
      }
      const s = jw.similarity(a, b);
      if (s >= 0.92) return 1;
      if (swappedNames(ds, i, j, true)) return 2;
      return s >= 0.88 ? 3 : s >= 0.7 ? 4 : 5;
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
      if (oneDigitSlip(a, b)) return 2;
      const days = Math.abs(dayNumber(a) - dayNumber(b));
      return days <= 31 ? 3 : days <= 366 ? 4 : 5;
    },
  };
}

/**
 * Damerau–Levenshtein distance of one between two yyyymmdd dates: one digit different, or two
 * neighbouring digits transposed (both dates have eight digits, so no insertions or deletions).
 */
export function oneDigitSlip(a: number, b: number): boolean {
  let diffs = 0;
  let at = -2;
  let transposed = false;
  let prevA = -1;
  let prevB = -1;
  for (let k = 0; k < 8; k++) {
    const da = a % 10;
    const db = b % 10;
    a = (a - da) / 10;
    b = (b - db) / 10;
    if (da !== db) {
      diffs++;
      if (diffs > 2) return false;
      if (diffs === 2) transposed = at === k - 1 && da === prevB && db === prevA;
      at = k;
    }
    prevA = da;
    prevB = db;
  }
  return diffs === 1 || (diffs === 2 && transposed);
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

const histogram = new Int32Array(128);

/**
 * A cheap necessary condition for an edit distance of two or less: each edit changes the
 * character counts by at most one on each side, so more than two surplus characters on either
 * side rule it out (most unrelated phone numbers and emails stop here).
 */
function withinTwoEdits(a: string, b: string): boolean {
  for (let k = 0; k < a.length; k++) histogram[a.charCodeAt(k) & 127]!++;
  for (let k = 0; k < b.length; k++) histogram[b.charCodeAt(k) & 127]!--;
  let surplusA = 0;
  let surplusB = 0;
  for (let k = 0; k < a.length; k++) {
    const code = a.charCodeAt(k) & 127;
    const h = histogram[code]!;
    if (h > 0) surplusA += h;
    histogram[code] = 0;
  }
  for (let k = 0; k < b.length; k++) {
    const code = b.charCodeAt(k) & 127;
    const h = histogram[code]!;
    if (h < 0) surplusB -= h;
    histogram[code] = 0;
  }
  return surplusA <= 2 && surplusB <= 2;
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
      const va = col.values[a]!;
      const vb = col.values[b]!;
      if (Math.abs(va.length - vb.length) > 2 || !withinTwoEdits(va, vb)) return 3;
      const d = levenshtein(va, vb);
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
