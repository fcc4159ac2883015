import { MISSING, type Comparison } from './comparisons.ts';
import {
  combinedWeight,
  levelWeights,
  log2,
  priorWeights,
  probabilityOf,
  type LinkageModel,
} from './model.ts';
import { levelsOf } from './pair-levels.ts';

export interface ComparisonExplanation {
  comparison: string;
  level: string;
  /** Bits this comparison adds against the "two strangers" explanation (tf included). */
  vsStrangers: number;
  /** Bits this comparison adds against the "two relatives" explanation. */
  vsRelatives: number;
  /** The term-frequency part of vsStrangers, 0 when none applies. */
  tfAdjustment: number;
}

export interface PairExplanation {
  prior: { vsStrangers: number; vsRelatives: number };
  comparisons: ComparisonExplanation[];
  /** prior + the comparisons' weights, each column summed. */
  vsStrangers: number;
  vsRelatives: number;
  /** -log2(2^-vsStrangers + 2^-vsRelatives): the pair's match weight. */
  matchWeight: number;
  probability: number;
}

/**
 * Why a pair scored what it did: the prior and each comparison's weight, in bits, against each
 * of the two ways the records could be different people. Each column sums to its total, and the
 * match weight combines the two totals, so a reviewer can see that, say, a shared surname and
 * address outweighed strangers by 20 bits but counted for nothing against a brother.
 */
export function explainPair(
  model: LinkageModel,
  comparisons: readonly Comparison[],
  i: number,
  j: number,
): PairExplanation {
  const levels = levelsOf(comparisons, i, j, new Uint8Array(comparisons.length));
  const weights = levelWeights(model);
  const prior = priorWeights(model);
  const dob = comparisons.findIndex((c) => c.name === 'dob');
  const rows: ComparisonExplanation[] = comparisons.map((c, k) => {
    const l = levels[k]!;
    if (l === MISSING) {
      return {
        comparison: c.name,
        level: 'missing on one side',
        vsStrangers: 0,
        vsRelatives: 0,
        tfAdjustment: 0,
      };
    }
    let tfAdjustment = 0;
    if (l === 0 && c.tf) {
      const freq = c.tf.tf(c.tf.ids[i]!);
      if (freq > 0) tfAdjustment = log2(model.comparisons[k]!.u[0]! / freq);
      // A name in fashion the year both were born is weaker evidence (name-cohorts.ts).
      if (c.cohortBits && dob >= 0 && levels[dob] === 0) tfAdjustment -= c.cohortBits(i);
    }
    return {
      comparison: c.name,
      level: c.levels[l]!,
      vsStrangers: weights.vsStrangers[k]![l]! + tfAdjustment,
      vsRelatives: weights.vsRelatives[k]![l]!,
      tfAdjustment,
    };
  });
  const vsStrangers = rows.reduce((s, r) => s + r.vsStrangers, prior.vsStrangers);
  const vsRelatives = rows.reduce((s, r) => s + r.vsRelatives, prior.vsRelatives);
  const matchWeight = combinedWeight(vsStrangers, vsRelatives);
  return {
    prior,
    comparisons: rows,
    vsStrangers,
    vsRelatives,
    matchWeight,
    probability: probabilityOf(matchWeight),
  };
}
