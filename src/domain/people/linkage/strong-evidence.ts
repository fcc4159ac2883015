import type { Comparison } from './comparisons.ts';
import type { Dataset } from './dataset.ts';
import { oneDigitSlip } from './comparisons.ts';
import { dayNumber, swapDayMonth } from './dates.ts';
import type { LinkageModel } from './model.ts';

/**
 * Evidence strong enough to settle whether two records can be one person, whatever their match
 * weight. A weight adds small agreements up; this looks for the one disagreement a typing slip
 * cannot explain. Clustering (cluster.ts) refuses, and sends to review, a merge in which any
 * pair of records contradicts the other side while no pair shares an identifier.
 */
export interface StrongEvidence {
  /**
   * CONTRADICTS when the two records disagree beyond what a typing slip explains, CONSISTENT when
   * both carry a date of birth and agree on it up to slips, NEUTRAL otherwise.
   */
  judge(a: number, b: number): Verdict;
  /** The two records share an identifier issued to one person (NHS number, pupil number). */
  identifies(a: number, b: number): boolean;
  /**
   * True when two groups of records each spell the given name one way, in at least two records,
   * and the two spellings are one typing slip apart: two names (Leo and Leon), not a slip.
   */
  namesSettled(a: readonly number[], b: readonly number[]): boolean;
}

export const CONTRADICTS = -1;
export const NEUTRAL = 0;
export const CONSISTENT = 1;
export type Verdict = typeof CONTRADICTS | typeof NEUTRAL | typeof CONSISTENT;

/** First-name levels (comparisons.ts) that one person's records reach: exact to one typing slip. */
const SAME_GIVEN_NAME = 4;
const NICKNAME = 1;

/**
 * Two dates of birth one person's records can carry: equal, day and month swapped, one digit
 * slipped, or the same day and month a year apart (a year keyed as the year of registration).
 */
export function datesAgreeUpToSlips(a: number, b: number): boolean {
  if (a === b || swapDayMonth(a) === b || oneDigitSlip(a, b)) return true;
  return a % 10000 === b % 10000 && Math.abs(a - b) === 10000;
}

/**
 * A kind of disagreement counts as strong evidence only where the fitted model says that fewer
 * than this share of one person's pairs of records show it. In agency records a different birth
 * date is rare among one person's records; in a file built with heavy random corruption (FEBRL,
 * fake_1000) it is common, and there it is left to the match weight.
 */
export const MAX_ERROR_SHARE = 0.02;

/** The fitted share of true pairs at or beyond `from` on the named comparison (1 if absent). */
function matchShareFrom(model: LinkageModel, name: string, from: number): number {
  const p = model.comparisons.find((c) => c.name === name);
  return p ? p.m.slice(from).reduce((a, b) => a + b, 0) : 1;
}

export function strongEvidence(
  ds: Dataset,
  comparisons: readonly Comparison[],
  model: LinkageModel,
): StrongEvidence {
  const rare = (name: string, from: number) => matchShareFrom(model, name, from) < MAX_ERROR_SHARE;
  const checkDates = rare('dob', 3);
  const checkPupils = rare('identifier', 3);
  const checkNames = rare('first_name', SAME_GIVEN_NAME + 1);
  const checkSex = checkNames && rare('sex', 1);
  const checkMiddles = checkNames && rare('middle_names', MIDDLE_ELSE);
  const first = comparisons.find((c) => c.name === 'first_name');
  const middleNames = comparisons.find((c) => c.name === 'middle_names');
  const location = comparisons.find((c) => c.name === 'location');
  const { sex, nhs, identifier, address, middle } = ds.columns;
  // Two middle names that are not forms of one another, neither one of the other's words (one
  // of two middle names left out is a clerk's shortcut, not another person).
  const middlesDiffer = (a: number, b: number) => {
    if (!checkMiddles || middleNames?.level(a, b) !== MIDDLE_ELSE) return false;
    const va = middle.values[middle.ids[a]!]!;
    const vb = middle.values[middle.ids[b]!]!;
    return !sharesWord(va, vb);
  };
  const houseNumber = houseNumbers(address.values);
  // Different homes: another postcode and street, or two house numbers in one postcode.
  const elsewhere = (a: number, b: number) => {
    const l = location?.level(a, b) ?? 255;
    if (l === 255 || l === 0 || l === 2) return false;
    if (l >= 3) return true;
    const na = houseNumber(address.ids[a]!);
    const nb = houseNumber(address.ids[b]!);
    return na >= 0 && nb >= 0 && na !== nb;
  };
  const identifies = (a: number, b: number) =>
    (nhs.ids[a]! >= 0 && nhs.ids[a] === nhs.ids[b]) ||
    (identifier.ids[a]! >= 0 && identifier.ids[a] === identifier.ids[b]);
  // The one spelling of the given name every named record of a group carries, held by at least
  // two of them (-1 otherwise).
  const settledSpelling = (rows: readonly number[]) => {
    let spelling = -1;
    let held = 0;
    for (const r of rows) {
      const id = ds.columns.first.ids[r]!;
      if (id < 0) continue;
      if (spelling >= 0 && id !== spelling) return -1;
      spelling = id;
      held++;
    }
    return held >= 2 ? spelling : -1;
  };
  const rowWith = (rows: readonly number[], spelling: number) =>
    rows.find((r) => ds.columns.first.ids[r] === spelling)!;
  return {
    identifies,
    namesSettled(a, b) {
      if (!checkNames || !first || a.length < 2 || b.length < 2) return false;
      const sa = settledSpelling(a);
      const sb = settledSpelling(b);
      if (sa < 0 || sb < 0 || sa === sb) return false;
      return first.level(rowWith(a, sa), rowWith(b, sb)) === SAME_GIVEN_NAME;
    },
    judge(a, b) {
      // Read through the data set each time: incremental linking grows it, replacing the array.
      const da = ds.dob[a]!;
      const db = ds.dob[b]!;
      const datesKnown = da !== 0 && db !== 0;
      const name = first?.level(a, b) ?? 255;
      // With the birth date wrong beyond a slip, a familiar form counts as another name too: one
      // person's records rarely carry both deviations at once, while Harry and Henry are each a
      // given name in their own right, and brothers (issue 15: a short form resembling the
      // sibling's name).
      const namesDiffer = checkNames && name !== 255 && name >= NICKNAME;
      // A different birth date, beyond a slip, with a different given name or home: a sibling
      // or a namesake. With everything else the same it is a slip of a kind not listed.
      // Births more than a year apart are a parent and child of one name, whatever else agrees.
      if (
        checkDates &&
        datesKnown &&
        !datesAgreeUpToSlips(da, db) &&
        (namesDiffer || elsewhere(a, b) || Math.abs(dayNumber(da) - dayNumber(db)) > 366)
      ) {
        return CONTRADICTS;
      }
      // Two different pupil numbers: the DfE issues one per child for life.
      const ia = identifier.ids[a]!;
      const ib = identifier.ids[b]!;
      if (
        checkPupils &&
        ia >= 0 &&
        ib >= 0 &&
        ia !== ib &&
        !nearlyEqual(identifier.values[ia]!, identifier.values[ib]!)
      ) {
        return CONTRADICTS;
      }
      // Twins: born the same day, given names that are not forms of one name (ONS: about one
      // maternity in 70 is a multiple birth, so a household's children often share a birthday).
      if (checkNames && name !== 255 && datesKnown && da === db && name > SAME_GIVEN_NAME) return CONTRADICTS;
      // Different middle names: a twin known by the other's middle name ("James Oliver" and
      // "Oliver Henry", born the same day) or a namesake of a common name pair, the same birth
      // date, elsewhere (issue 15). A registered middle name does not change, and agencies copy
      // it from the birth record; the model gate above turns the rule off where the fitted m
      // says one person's records often disagree on it.
      if (middlesDiffer(a, b)) return CONTRADICTS;
      // A boy and a girl with given names more than a slip apart: a brother and sister.
      const sa = sex.ids[a]!;
      const sb = sex.ids[b]!;
      if (checkSex && name !== 255 && name > SAME_GIVEN_NAME && sa >= 0 && sb >= 0 && sa !== sb)
        return CONTRADICTS;
      return checkDates && datesKnown && datesAgreeUpToSlips(da, db) ? CONSISTENT : NEUTRAL;
    },
  };
}

/** Level of the middle-name comparison (comparisons.ts) at which the names disagree. */
const MIDDLE_ELSE = 2;

/** True when two space-separated lists of names have a word in common. */
function sharesWord(a: string, b: string): boolean {
  const words = new Set(a.split(' '));
  return b.split(' ').some((w) => words.has(w));
}

/** Identifiers one keying slip apart (one character changed or two swapped) still agree. */
function nearlyEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diffs = 0;
  let at = -1;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (++diffs > 2) return false;
    if (diffs === 2 && !(at === k - 1 && a[k] === b[at] && a[at] === b[k])) return false;
    at = k;
  }
  return true;
}

/** The house number (leading digits) of an interned address, -1 for none; remembered per id. */
function houseNumbers(values: readonly string[]): (id: number) => number {
  const known = new Map<number, number>();
  return (id) => {
    if (id < 0) return -1;
    let n = known.get(id);
    if (n === undefined) {
      const m = /^(\d+)/.exec(values[id]!);
      known.set(id, (n = m ? Number(m[1]) : -1));
    }
    return n;
  };
}
