import type { Comparison } from './comparisons.ts';
import {
  combinedWeight,
  levelWeights,
  log2,
  priorWeights,
  type LinkageModel,
  type PatternCodec,
} from './model.ts';

interface PatternScore {
  vsStrangers: number;
  vsRelatives: number;
  /** Comparisons at their exact level that carry term frequencies. */
  tf: number[];
  /** The match weight when no term frequency applies. */
  combined: number;
  /** Comparisons whose exact agreement loses bits to the birth cohort (pair-levels.ts). */
  cohort: number[];
}

/**
 * Scores pairs from their pattern code with the fitted model: a table look-up per distinct
 * pattern (cached) plus the term-frequency adjustment of the pair's own values.
 */
export class PairScorer {
  private readonly cache = new Map<number, PatternScore>();
  private readonly weights: ReturnType<typeof levelWeights>;
  private readonly prior: ReturnType<typeof priorWeights>;
  private readonly levels: Uint8Array;
  private readonly dob: number;

  constructor(
    readonly model: LinkageModel,
    readonly comparisons: readonly Comparison[],
    readonly codec: PatternCodec,
  ) {
    this.weights = levelWeights(model);
    this.prior = priorWeights(model);
    this.levels = new Uint8Array(comparisons.length);
    this.dob = comparisons.findIndex((c) => c.name === 'dob');
  }

  pattern(key: number): PatternScore {
    let score = this.cache.get(key);
    if (score) return score;
    const levels = this.codec.decode(key, this.levels);
    score = {
      vsStrangers: this.prior.vsStrangers,
      vsRelatives: this.prior.vsRelatives,
      tf: [],
      combined: 0,
      cohort: [],
    };
    for (let c = 0; c < levels.length; c++) {
      const l = levels[c]!;
      if (l === 255) continue;
      score.vsStrangers += this.weights.vsStrangers[c]![l]!;
      score.vsRelatives += this.weights.vsRelatives[c]![l]!;
      if (l === 0 && this.comparisons[c]!.tf) score.tf.push(c);
    }
    if (this.dob >= 0 && levels[this.dob] === 0)
      for (const c of score.tf) if (this.comparisons[c]!.cohortBits) score.cohort.push(c);
    score.combined = combinedWeight(score.vsStrangers, score.vsRelatives);
    this.cache.set(key, score);
    return score;
  }

  /** Term-frequency adjustment in bits for record i's values on the given comparisons. */
  tfAdjustment(tfComparisons: readonly number[], i: number): number {
    let adj = 0;
    for (const c of tfComparisons) {
      const col = this.comparisons[c]!.tf!;
      const count = col.counts[col.ids[i]!]!;
      if (count > 0) adj += log2((this.model.comparisons[c]!.u[0]! * col.nonMissing) / count);
    }
    return adj;
  }

  /** Bits record i's exact agreements lose to its birth cohort (name-cohorts.ts). */
  cohortAdjustment(cohort: readonly number[], i: number): number {
    let bits = 0;
    for (const c of cohort) bits += this.comparisons[c]!.cohortBits!(i);
    return bits;
  }

  /** The pair's match weight in bits; probability = 1 / (1 + 2^-weight). */
  weight(key: number, i: number): number {
    const p = this.pattern(key);
    if (p.tf.length === 0) return p.combined;
    const cohort = p.cohort.length === 0 ? 0 : this.cohortAdjustment(p.cohort, i);
    return combinedWeight(p.vsStrangers + this.tfAdjustment(p.tf, i) - cohort, p.vsRelatives);
  }
}
