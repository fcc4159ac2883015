import { probabilityOf, weightOf } from './model.ts';

export interface ThresholdChoice {
  /** Pairs at or above this match weight (bits) are merged automatically. */
  mergeWeight: number;
  /** Pairs from this weight up to the merge weight go to review. */
  reviewWeight: number;
  /** The model's own expectation of precision, recall and F1 at the merge weight. */
  expected: { precision: number; recall: number; f1: number };
  method: string;
}

/**
 * Chooses the merge threshold with no labels. The fitted model gives every candidate pair a
 * posterior probability of being one person; if those are calibrated, the expected numbers of
 * true and false links above any threshold are sums of them. The threshold is the one that
 * maximises the expected F1. It is then held to at least `minProbability` (default 0.5, even
 * odds), because a merge the model thinks more likely wrong than right is never automatic.
 * Below it, pairs down to `reviewProbability` (default 0.05) go to a person to review.
 */
export function chooseThreshold(
  weights: Float32Array | Float64Array,
  count: number,
  options: { minProbability?: number; reviewProbability?: number } = {},
): ThresholdChoice {
  const sorted = Float64Array.from(weights.subarray(0, count)).sort().reverse();
  let expectedMatches = 0;
  for (let k = 0; k < count; k++) expectedMatches += probabilityOf(sorted[k]!);
  const floorWeight = weightOf(options.minProbability ?? 0.5);
  let best = { f1: 0, weight: floorWeight, precision: 1, recall: 0 };
  let tp = 0;
  for (let rank = 0; rank < count; rank++) {
    const w = sorted[rank]!;
    tp += probabilityOf(w);
    // Evaluate only where the next pair has a strictly lower weight (ties go together).
    if (rank + 1 < count && sorted[rank + 1] === w) continue;
    const selected = rank + 1;
    const f1 = (2 * tp) / (selected + expectedMatches);
    if (f1 > best.f1) best = { f1, weight: w, precision: tp / selected, recall: tp / expectedMatches };
  }
  const mergeWeight = Math.max(best.weight, floorWeight);
  const reviewWeight = Math.min(mergeWeight, weightOf(options.reviewProbability ?? 0.05));
  return {
    mergeWeight,
    reviewWeight,
    expected: { precision: best.precision, recall: best.recall, f1: best.f1 },
    method: 'maximum expected F1 under the fitted posterior, at least even odds',
  };
}
