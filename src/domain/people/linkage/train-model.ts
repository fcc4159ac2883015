import { keyColumn, type KeyPart } from './blocking-keys.ts';
import type { CandidatePairs, ChosenRule } from './blocking.ts';
import { MISSING, type Comparison } from './comparisons.ts';
import type { Dataset } from './dataset.ts';
import { runEm, type EmResult, type PatternRow } from './expectation-maximisation.ts';
import { log2, normalise, type LinkageModel, type PatternCodec } from './model.ts';
import { tfAdjustment } from './pair-levels.ts';
import { fittedF, initialF, initialM } from './initial-parameters.ts';
import { estimatePriors, type TrainingRun } from './estimate-priors.ts';

export interface TrainingInput {
  ds: Dataset;
  comparisons: readonly Comparison[];
  codec: PatternCodec;
  candidates: CandidatePairs;
  patterns: Uint32Array;
  randomPatterns: Uint32Array;
  /** Training pairs per blocking rule are thinned to at most this many (default 300,000). */
  maxTrainingPairs?: number;
}

export interface TrainingReport {
  runs: { rule: string; pairs: number; iterations: number; share: EmResult['share'] }[];
  randomPairs: number;
}

/**
 * Fits the model with no labels: u from random pairs, then m and f by EM inside each blocking
 * rule's pairs (u fixed), then the priors. When the data set is small enough that true matches
 * make up a visible share of random pairs, u is measured again with each random pair weighted
 * by the fitted model's belief that it is two strangers, and EM is run once more.
 */
export function trainModel(input: TrainingInput): { model: LinkageModel; report: TrainingReport } {
  const { comparisons } = input;
  const names = comparisons.map((c) => c.name);
  const levels = new Uint8Array(comparisons.length);
  const distinct = new Map<number, number>();
  for (const key of input.randomPatterns) distinct.set(key, (distinct.get(key) ?? 0) + 1);
  const randomCounts = (weight: (levels: Uint8Array) => number) => {
    const counts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
    for (const [key, n] of distinct) {
      input.codec.decode(key, levels);
      const w = weight(levels) * n;
      for (let c = 0; c < comparisons.length; c++) if (levels[c] !== MISSING) counts[c]![levels[c]!]! += w;
    }
    return counts;
  };
  const floor = 1 / (input.randomPatterns.length + 1);
  let u = randomCounts(() => 1).map((c) => normalise(c, floor));
  let fitted = fit(input, u);
  if (input.ds.size <= 200_000) {
    const model: LinkageModel = {
      comparisons: paramsOf(names, fitted, u),
      lambda: fitted.lambda,
      phi: fitted.phi,
    };
    const strangers = strangerProbability(model);
    u = randomCounts(strangers).map((c) => normalise(c, floor));
    fitted = fit(input, u);
  }
  return {
    model: { comparisons: paramsOf(names, fitted, u), lambda: fitted.lambda, phi: fitted.phi },
    report: {
      runs: fitted.runs.map((r) => ({
        rule: r.rule.parts.join(' + '),
        pairs: r.em.pairs,
        iterations: r.em.iterations,
        share: r.em.share,
      })),
      randomPairs: input.randomPatterns.length,
    },
  };
}

function paramsOf(names: string[], fitted: { m: number[][]; f: number[][] }, u: number[][]) {
  return names.map((name, c) => ({ name, m: fitted.m[c]!, u: u[c]!, f: fitted.f[c]! }));
}

/** P(strangers | levels) without term frequencies, for re-weighting random pairs. */
function strangerProbability(model: LinkageModel): (levels: Uint8Array) => number {
  return (levels) => {
    let a = log2(model.lambda);
    let b = log2(model.phi);
    let c0 = log2(1 - model.lambda - model.phi);
    model.comparisons.forEach((p, c) => {
      const l = levels[c]!;
      if (l === MISSING) return;
      a += log2(p.m[l]!);
      b += log2(p.f[l]!);
      c0 += log2(p.u[l]!);
    });
    const hi = Math.max(a, b, c0);
    return 2 ** (c0 - hi) / (2 ** (a - hi) + 2 ** (b - hi) + 2 ** (c0 - hi));
  };
}

/** Key parts on which relatives agree no more than strangers (an initial is not one). */
const exactIdentityParts = new Set<KeyPart>(['first_formal', 'nhs', 'identifier']);

function fit(input: TrainingInput, u: number[][]) {
  const { comparisons, candidates } = input;
  const runs: TrainingRun[] = [];
  for (const [r, rule] of candidates.rules.entries()) {
    const active = comparisons.map((c) => !rule.comparisons.includes(c.name));
    if (!active.some(Boolean)) continue;
    const rows = trainingRows(input, r, rule, active, u);
    if (rows.reduce((a, x) => a + x.count, 0) < 20) continue;
    const em = runEm({
      rows,
      active,
      u,
      m: initialM(comparisons),
      f: initialF(comparisons, u),
      fFitted: fittedF(comparisons),
      // Relatives agree on a given name or an NHS number no more than strangers do, so a block
      // keyed on one holds almost none of them: EM there fits matches against strangers only.
      relativesPossible: !rule.parts.some((part) => exactIdentityParts.has(part)),
    });
    runs.push({ rule, active, em });
  }
  // Each parameter is the average over the runs that could estimate it, weighted by how many
  // of that class's pairs the run saw.
  const combine = (which: 'm' | 'f', init: number[][]) =>
    init.map((start, c) => {
      const sum = start.map(() => 0);
      let weight = 0;
      for (const run of runs) {
        if (!run.active[c] || (which === 'f' && !fittedF(comparisons)[c])) continue;
        const w = run.em.pairs * (which === 'm' ? run.em.share.match : run.em.share.relatives);
        run.em[which][c]!.forEach((p, l) => (sum[l]! += w * p));
        weight += w;
      }
      return weight > 0 ? sum.map((s) => s / weight) : start;
    });
  const m = combine('m', initialM(comparisons));
  const f = combine('f', initialF(comparisons, u));
  const { lambda, phi } = estimatePriors(runs, comparisons, { m, f, u }, input.randomPatterns.length);
  return { m, f, lambda, phi, runs };
}

/** Patterns of the candidate pairs that satisfy rule r, grouped with their tf adjustment. */
function trainingRows(
  input: TrainingInput,
  r: number,
  rule: ChosenRule,
  active: readonly boolean[],
  u: number[][],
): PatternRow[] {
  const { ds, candidates, patterns, codec, comparisons } = input;
  const columns = rule.parts.map((p: KeyPart) => keyColumn(ds, p));
  function satisfies(a: number, b: number): boolean {
    for (const col of columns) if (col[a]! < 0 || col[a] !== col[b]) return false;
    return true;
  }
  // A rule's pairs are those it generated plus earlier rules' pairs that also share its key.
  // Thin them before testing, by a stride over all candidates, so a big rule costs no more.
  const cap = input.maxTrainingPairs ?? 300_000;
  const stride = Math.max(1, Math.floor((rule.estimatedPairs || rule.pairs) / cap));
  const chosen: number[] = [];
  for (let k = r % stride; k < candidates.count; k += stride) {
    const from = candidates.rule[k]!;
    if (from === r || (from < r && satisfies(candidates.left[k]!, candidates.right[k]!))) chosen.push(k);
  }
  // Grouped by pattern, then by the tf adjustment rounded to a quarter bit.
  const rows = new Map<number, Map<number, PatternRow>>();
  const out: PatternRow[] = [];
  const levels = new Uint8Array(comparisons.length);
  for (const k of chosen) {
    const pattern = patterns[k]!;
    codec.decode(pattern, levels);
    const bucket = Math.round(tfAdjustment(comparisons, u, levels, candidates.left[k]!, active) * 4);
    let byTf = rows.get(pattern);
    if (!byTf) rows.set(pattern, (byTf = new Map()));
    const row = byTf.get(bucket);
    if (row) row.count++;
    else {
      const created = { levels: levels.slice(), tfAdj: bucket / 4, count: 1 };
      byTf.set(bucket, created);
      out.push(created);
    }
  }
  return out;
}
