import type { ChosenRule } from './blocking.ts';
import { keyParts, type KeyPart } from './blocking-keys.ts';
import type { Comparison } from './comparisons.ts';
import type { EmResult } from './expectation-maximisation.ts';

export interface TrainingRun {
  rule: ChosenRule;
  active: boolean[];
  em: EmResult;
}

/** Levels a pair must reach on a comparison to share a key part (only exact-style parts). */
const partLevels: Partial<Record<KeyPart, readonly string[]>> = {
  first_formal: ['exact', 'same name (nickname)'],
  last: ['exact'],
  dob: ['exact'],
  dob_any_order: ['exact', 'day and month swapped'],
  nhs: ['exact'],
  identifier: ['exact'],
  postcode: ['same address and postcode', 'same postcode'],
  address: ['same address and postcode', 'same address'],
  email: ['exact'],
  phone: ['exact'],
};

/**
 * The priors over all pairs. Inside a block each class's share is its prior times the chance
 * that class reaches the block's key; dividing that chance out (as Splink does for lambda) gives
 * one estimate per training run, and the runs are averaged in log space, each weighted by how
 * many pairs of that class it saw. Runs whose key has fuzzy parts are left out.
 */
export function estimatePriors(
  runs: readonly TrainingRun[],
  comparisons: readonly Comparison[],
  p: { m: number[][]; f: number[][]; u: number[][] },
  randomPairs: number,
): { lambda: number; phi: number } {
  let sumLm = 0;
  let wLm = 0;
  let sumLf = 0;
  let wLf = 0;
  for (const run of runs) {
    const select = { m: 1, f: 1, u: 1 };
    let usable = true;
    for (const part of run.rule.parts) {
      const labels = partLevels[part];
      const c = comparisons.findIndex((x) => x.name === keyParts[part]);
      if (!labels || c < 0) {
        usable = false;
        break;
      }
      const levels = comparisons[c]!.levels.flatMap((l, i) => (labels.includes(l) ? [i] : []));
      // Strangers' chance of sharing each part must itself be measured, not a floor: a key
      // random pairs almost never share (a phone or NHS number) says nothing reliable about
      // how many strangers there are, so that run cannot give the priors.
      const chance = { m: 0, f: 0, u: 0 };
      for (const k of ['m', 'f', 'u'] as const) chance[k] = levels.reduce((s, l) => s + p[k][c]![l]!, 0);
      if (chance.u * randomPairs < 25) {
        usable = false;
        break;
      }
      for (const k of ['m', 'f', 'u'] as const) select[k] *= chance[k];
    }
    if (!usable) continue;
    const { share, pairs } = run.em;
    const raw = { m: share.match / select.m, f: share.relatives / select.f, u: share.strangers / select.u };
    const total = raw.m + raw.f + raw.u;
    if (share.match > 0) {
      sumLm += share.match * pairs * Math.log(raw.m / total);
      wLm += share.match * pairs;
    }
    if (share.relatives > 0) {
      sumLf += share.relatives * pairs * Math.log(raw.f / total);
      wLf += share.relatives * pairs;
    }
  }
  const lambda = wLm > 0 ? Math.exp(sumLm / wLm) : 1e-4;
  const phi = wLf > 0 ? Math.exp(sumLf / wLf) : 1e-6;
  return { lambda: Math.min(lambda, 0.5), phi: Math.min(phi, 0.4) };
}
