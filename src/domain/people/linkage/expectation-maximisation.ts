import { MISSING } from './comparisons.ts';
import { log2 } from './model.ts';

/** A distinct comparison pattern among the training pairs, with how many pairs show it. */
export interface PatternRow {
  readonly levels: Uint8Array;
  /** Term-frequency adjustment (bits) of the active comparisons, see tfAdjustment. */
  readonly tfAdj: number;
  count: number;
}

export interface EmResult {
  m: number[][];
  f: number[][];
  /** Expected share of the training pairs in each class. */
  share: { match: number; relatives: number; strangers: number };
  pairs: number;
  iterations: number;
}

const FLOOR = 1e-6;

/**
 * EM for a three-class mixture (same person, relatives, strangers) over one training block,
 * with u fixed (Splink fixes u too: it is measured, not fitted). Comparisons the block's key
 * constrains are inactive: inside the block they agree by construction, so they carry no
 * information about m or f there.
 */
export function runEm(input: {
  rows: readonly PatternRow[];
  active: readonly boolean[];
  u: readonly (readonly number[])[];
  m: readonly (readonly number[])[];
  f: readonly (readonly number[])[];
  /** Comparisons whose f is fitted; the others keep the f given (see initialF). */
  fFitted: readonly boolean[];
  /** False inside a block relatives cannot reach (a shared given name or NHS number). */
  relativesPossible: boolean;
  maxIterations?: number;
}): EmResult {
  const { rows, active, u } = input;
  const nc = u.length;
  let m = input.m.map((x) => [...x]);
  let f = input.f.map((x) => [...x]);
  let share = input.relativesPossible
    ? { match: 0.2, relatives: 0.2, strangers: 0.6 }
    : { match: 0.3, relatives: 0, strangers: 0.7 };
  const logU = rows.map((r) => {
    let s = -r.tfAdj;
    for (let c = 0; c < nc; c++) if (active[c] && r.levels[c] !== MISSING) s += log2(u[c]![r.levels[c]!]!);
    return s;
  });
  const pairs = rows.reduce((a, r) => a + r.count, 0);
  let iterations = 0;
  for (; iterations < (input.maxIterations ?? 40); iterations++) {
    const mCount = m.map((x) => x.map(() => 0));
    const fCount = f.map((x) => x.map(() => 0));
    let sm = 0;
    let sf = 0;
    const lm = log2(share.match);
    const lf = input.relativesPossible ? log2(share.relatives) : -Infinity;
    const lu = log2(share.strangers);
    const logM = m.map((x) => x.map(log2));
    const logF = f.map((x) => x.map(log2));
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      let a = lm;
      let b = lf;
      for (let c = 0; c < nc; c++) {
        const l = row.levels[c]!;
        if (!active[c] || l === MISSING) continue;
        a += logM[c]![l]!;
        b += logF[c]![l]!;
      }
      const cu = lu + logU[k]!;
      const hi = Math.max(a, b, cu);
      const pa = 2 ** (a - hi);
      const pb = 2 ** (b - hi);
      const total = pa + pb + 2 ** (cu - hi);
      const rm = (pa / total) * row.count;
      const rf = (pb / total) * row.count;
      sm += rm;
      sf += rf;
      for (let c = 0; c < nc; c++) {
        const l = row.levels[c]!;
        if (!active[c] || l === MISSING) continue;
        mCount[c]![l]! += rm;
        fCount[c]![l]! += rf;
      }
    }
    const next = {
      match: Math.max(sm / pairs, 1e-9),
      relatives: input.relativesPossible ? Math.max(sf / pairs, 1e-9) : 0,
      strangers: Math.max(1 - (sm + sf) / pairs, 1e-9),
    };
    let delta = Math.abs(next.match - share.match) + Math.abs(next.relatives - share.relatives);
    const update = (old: number[][], counts: number[][], fitted: readonly boolean[]) =>
      old.map((prev, c) => {
        if (!active[c] || !fitted[c]) return prev;
        const total = counts[c]!.reduce((x, y) => x + y, 0);
        if (total <= 0) return prev;
        const p = counts[c]!.map((x) => Math.max(x / total, FLOOR));
        const sum = p.reduce((x, y) => x + y, 0);
        const q = p.map((x) => x / sum);
        for (let l = 0; l < q.length; l++) delta = Math.max(delta, Math.abs(q[l]! - prev[l]!));
        return q;
      });
    m = update(m, mCount, active);
    f = update(f, fCount, input.fFitted);
    share = next;
    if (delta < 1e-5) {
      iterations++;
      break;
    }
  }
  return { m, f, share, pairs, iterations };
}
