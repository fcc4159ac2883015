/**
 * Pairwise precision, recall and F1 of a clustering against the truth: every pair of records
 * put in one cluster is a predicted link, every pair of one true person a true link (README of
 * ../shared/data/linkage: counted after clustering, not over scored pairs only).
 */
export interface PairwiseAccuracy {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

export function pairwiseAccuracy(
  predicted: readonly (string | number)[],
  truth: readonly (string | number)[],
): PairwiseAccuracy {
  const pairs = (counts: Map<string | number, number>) => {
    let n = 0;
    for (const c of counts.values()) n += (c * (c - 1)) / 2;
    return n;
  };
  const tally = <K>(keys: Iterable<K>) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const predictedPairs = pairs(tally(predicted));
  const truePairs = pairs(tally(truth));
  const correctPairs = pairs(tally(predicted.map((p, i) => `${p}\u0000${truth[i]}`)));
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs };
}
