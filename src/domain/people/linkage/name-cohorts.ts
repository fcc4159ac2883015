import type { Dataset } from './dataset.ts';

/**
 * Given names go in and out of fashion (ONS, Baby names in England and Wales, by year of birth):
 * an Olivia born in 2015 shares her name with far more girls born that year than the name's
 * share of all records says. The term-frequency adjustment of an exact given name assumes the
 * name and the birth date independent, so for two records that also share a birth date it takes
 * the name for rarer than it is among people born then: at a million records, a fashionable name
 * and surname on one date are two namesakes more often than the model thinks (issue 15).
 *
 * The lift is the name's share among records born in the same year over its share of all
 * records. It is read from the data set's own counts (no list of names by year is needed) with
 * the pair's own two records left out, and used only where at least MIN_OTHERS other records of
 * that name and year remain: a person's several records would otherwise make every rare name
 * look fashionable in its one year. It only ever weakens the evidence (a lift below 1 is
 * sampling noise as often as a real dip) and at most by MAX_LIFT_BITS.
 */
export const MIN_OTHERS = 20;
export const MAX_LIFT_BITS = 3;

/** Bits to take off an exact given-name agreement of record i with a record born the same day. */
export function nameCohortBits(ds: Dataset, i: number): number {
  const { firstFormal, firstYear, birthYear } = ds.columns;
  const fy = firstYear.ids[i]!;
  if (fy < 0) return 0;
  const others = firstYear.counts[fy]! - 2;
  if (others < MIN_OTHERS) return 0;
  const year = birthYear.counts[birthYear.ids[i]!]! - 2;
  const name = firstFormal.counts[firstFormal.ids[i]!]!;
  const lift = others / year / (name / firstFormal.nonMissing);
  return lift <= 1 ? 0 : Math.min(Math.log2(lift), MAX_LIFT_BITS);
}
