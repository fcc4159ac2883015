import type { Comparison } from './comparisons.ts';
import type { PatternCodec } from './model.ts';

/**
 * The term-frequency bits an exact agreement of record i loses to its birth cohort
 * (name-cohorts.ts): only when the pair also agrees exactly on the date of birth.
 */
export function cohortAdjustment(
  comparisons: readonly Comparison[],
  levels: ArrayLike<number>,
  i: number,
  active?: readonly boolean[],
): number {
  let bits = 0;
  const dob = comparisons.findIndex((c) => c.name === 'dob');
  if (dob < 0 || levels[dob] !== 0) return 0;
  for (let c = 0; c < comparisons.length; c++) {
    const f = comparisons[c]!.cohortBits;
    if (f && levels[c] === 0 && (!active || active[c])) bits += f(i);
  }
  return bits;
}

/** Fills `out` with the level of each comparison for records i and j. */
export function levelsOf(
  comparisons: readonly Comparison[],
  i: number,
  j: number,
  out: Uint8Array,
): Uint8Array {
  for (let c = 0; c < comparisons.length; c++) out[c] = comparisons[c]!.level(i, j);
  return out;
}

/** The pattern code of every pair in the two aligned row arrays. */
export function patternsOf(
  comparisons: readonly Comparison[],
  codec: PatternCodec,
  left: Int32Array,
  right: Int32Array,
  count: number,
): Uint32Array {
  const out = new Uint32Array(count);
  const levels = new Uint8Array(comparisons.length);
  for (let k = 0; k < count; k++) out[k] = codec.encode(levelsOf(comparisons, left[k]!, right[k]!, levels));
  return out;
}

/**
 * Term-frequency adjustment in bits for an exact agreement (Splink's tf adjustment): the u of
 * "both Smith" is the share of records called Smith, not the average chance of any surname
 * agreeing, so a rare surname counts more. Returns the total over the comparisons whose first
 * level the pair reached and that carry term frequencies.
 */
export function tfAdjustment(
  comparisons: readonly Comparison[],
  u: readonly (readonly number[])[],
  levels: Uint8Array,
  i: number,
  active?: readonly boolean[],
): number {
  let adj = 0;
  for (let c = 0; c < comparisons.length; c++) {
    const tf = comparisons[c]!.tf;
    if (!tf || levels[c] !== 0 || (active && !active[c])) continue;
    const freq = tf.tf(tf.ids[i]!);
    if (freq > 0) adj += Math.log2(u[c]![0]! / freq);
  }
  return adj - cohortAdjustment(comparisons, levels, i, active);
}
