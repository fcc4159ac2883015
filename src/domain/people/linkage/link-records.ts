import { generateCandidates, type BlockingRule, type CandidatePairs } from './blocking.ts';
import { clusterRecords } from './cluster.ts';
import { comparisonsFor, type Comparison } from './comparisons.ts';
import type { Dataset } from './dataset.ts';
import { sampleRandomPairs } from './estimate-u.ts';
import { PatternCodec, probabilityOf, type LinkageModel } from './model.ts';
import { levelsOf, patternsOf } from './pair-levels.ts';
import { reviewQueue } from './review-queue.ts';
import { PairScorer } from './scorer.ts';
import { strongEvidence } from './strong-evidence.ts';
import { chooseThreshold, type ThresholdChoice } from './threshold.ts';
import { trainModel, type TrainingReport } from './train-model.ts';

export interface LinkOptions {
  /** Link across sources only (pairs within one source are not compared). Default: all pairs. */
  crossSourceOnly?: boolean;
  rules?: readonly BlockingRule[];
  pairBudget?: number;
  seed?: number;
  /** A cross pair below this weight (bits) stops two clusters merging. Default: none. */
  conflictWeight?: number;
  /**
   * Two clusters merge only if the mean weight of all their cross pairs reaches this (bits).
   * Default -2.5 (about one chance in six on average). Sparse records (a name and a town) pull the
   * mean of a true cluster down a little; a brother's records pull it down by tens of bits.
   */
  meanCrossWeight?: number;
  minProbability?: number;
  reviewProbability?: number;
  /** Largest review queue as a share of the records (review-queue.ts; default 0.01). */
  reviewShareOfRecords?: number;
  /** Date (yyyymmdd) at which ages are counted to put children first in the review queue. */
  asOf?: number;
  /** Computes the pattern codes of many pairs, e.g. on a worker thread; by default, here. */
  comparer?: PairComparer;
}

/**
 * Starts computing the pattern codes of pairs (elsewhere, if it can, while this thread goes on)
 * and returns a function that waits for them. They must be exactly what patternsOf gives.
 */
export interface PairComparer {
  start(left: Int32Array, right: Int32Array, count: number): () => Uint32Array;
}

export interface ReviewPair {
  left: number;
  right: number;
  weight: number;
  probability: number;
  reason: 'uncertain' | 'merge refused: a record of one cluster contradicts the other';
}

export interface LinkResult {
  clusterOf: Int32Array;
  model: LinkageModel;
  comparisons: Comparison[];
  threshold: ThresholdChoice;
  review: ReviewPair[];
  candidates: Pick<CandidatePairs, 'count' | 'rules'>;
  training: TrainingReport;
  timingsMs: Record<string, number>;
}

/**
 * Batch linkage of every record in the data set: block, compare, fit the model without labels,
 * score, choose the threshold, cluster. Pure computation over the in-memory data set.
 */
export function linkDataset(ds: Dataset, options: LinkOptions = {}): LinkResult {
  const timingsMs: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timingsMs[name] = Math.round(now - mark);
    mark = now;
  };
  const comparisons = comparisonsFor(ds);
  const codec = new PatternCodec(comparisons);
  const comparer: PairComparer = options.comparer ?? {
    start: (left, right, count) => () => patternsOf(comparisons, codec, left, right, count),
  };
  // The random pairs do not depend on blocking, so a second thread can compare them meanwhile.
  const random = sampleRandomPairs(ds, {
    seed: options.seed ?? 42,
    crossSourceOnly: options.crossSourceOnly ?? false,
  });
  const randomPatternsReady = comparer.start(random.left, random.right, random.count);
  phase('randomSample');
  const candidates = generateCandidates(ds, options);
  phase('block');
  const patterns = comparer.start(candidates.left, candidates.right, candidates.count)();
  phase('compare');
  const randomPatterns = randomPatternsReady();
  phase('randomPairs');
  const { model, report } = trainModel({ ds, comparisons, codec, candidates, patterns, randomPatterns });
  phase('train');
  const scorer = new PairScorer(model, comparisons, codec);
  const weights = new Float32Array(candidates.count);
  for (let k = 0; k < candidates.count; k++) weights[k] = scorer.weight(patterns[k]!, candidates.left[k]!);
  const threshold = chooseThreshold(weights, candidates.count, options);
  phase('score');
  const levels = new Uint8Array(comparisons.length);
  const nhs = ds.columns.nhs.ids;
  const evidence = strongEvidence(ds, comparisons, model);
  const clusters = clusterRecords({
    size: ds.size,
    left: candidates.left,
    right: candidates.right,
    weights,
    count: candidates.count,
    mergeWeight: threshold.mergeWeight,
    conflictWeight: options.conflictWeight ?? -Infinity,
    meanCrossWeight: options.meanCrossWeight ?? -2.5,
    pairWeight: (a, b) => scorer.weight(codec.encode(levelsOf(comparisons, a, b, levels)), a),
    // An NHS number that passes its check digit is issued to one person (NHS Data Dictionary),
    // so two different valid numbers are two people, however much else agrees.
    cannotLink: (a, b) => nhs[a]! >= 0 && nhs[b]! >= 0 && nhs[a] !== nhs[b],
    judge: evidence.judge,
    identifies: evidence.identifies,
    namesSettled: evidence.namesSettled,
  });
  phase('cluster');
  const review: ReviewPair[] = [];
  for (let k = 0; k < candidates.count; k++) {
    const w = weights[k]!;
    if (w < threshold.reviewWeight || w >= threshold.mergeWeight) continue;
    const a = candidates.left[k]!;
    const b = candidates.right[k]!;
    if (clusters.clusterOf[a] === clusters.clusterOf[b]) continue;
    review.push({ left: a, right: b, weight: w, probability: probabilityOf(w), reason: 'uncertain' });
  }
  for (const k of clusters.refused) {
    const w = weights[k]!;
    review.push({
      left: candidates.left[k]!,
      right: candidates.right[k]!,
      weight: w,
      probability: probabilityOf(w),
      reason: 'merge refused: a record of one cluster contradicts the other',
    });
  }
  const queue = reviewQueue(ds, clusters.clusterOf, review, {
    ...(options.reviewShareOfRecords === undefined
      ? {}
      : { maxShareOfRecords: options.reviewShareOfRecords }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  phase('review');
  return {
    clusterOf: clusters.clusterOf,
    model,
    comparisons,
    threshold,
    review: queue,
    candidates: { count: candidates.count, rules: candidates.rules },
    training: report,
    timingsMs,
  };
}
