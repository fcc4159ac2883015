import { MISSING, type Comparison } from './comparisons.ts';

/**
 * A Fellegi–Sunter model with the non-matches split in two: strangers (u, estimated from random
 * pairs) and relatives who share a household (f, estimated by EM with the matches' m). Against a
 * stranger, a shared surname and address are strong evidence; against a brother or a twin they
 * are no evidence at all, and only the identity fields (given name, birth date, sex, NHS number)
 * can tell the two apart. A pair is a match only when it beats both explanations.
 */
export interface ComparisonParameters {
  readonly name: string;
  /** P(level | same person) */
  m: number[];
  /** P(level | unrelated people), from random pairs */
  u: number[];
  /** P(level | different people of one household) */
  f: number[];
}

export interface LinkageModel {
  readonly comparisons: ComparisonParameters[];
  /** Prior probability that a random pair is one person. */
  lambda: number;
  /** Prior probability that a random pair is two relatives sharing a household. */
  phi: number;
}

export const log2 = Math.log2;

/** Mixed-radix code of a pair's levels, one digit per comparison (MISSING is the top digit). */
export class PatternCodec {
  readonly radix: number[];
  constructor(comparisons: readonly Comparison[]) {
    this.radix = comparisons.map((c) => c.levels.length + 1);
  }
  encode(levels: ArrayLike<number>): number {
    let key = 0;
    for (let c = this.radix.length - 1; c >= 0; c--) {
      const l = levels[c]!;
      key = key * this.radix[c]! + (l === MISSING ? this.radix[c]! - 1 : l);
    }
    return key;
  }
  decode(key: number, out: Uint8Array = new Uint8Array(this.radix.length)): Uint8Array {
    for (let c = 0; c < this.radix.length; c++) {
      const r = this.radix[c]!;
      const digit = key % r;
      out[c] = digit === r - 1 ? MISSING : digit;
      key = (key - digit) / r;
    }
    return out;
  }
}

/** The two weights of a pair before term-frequency adjustment, in bits (log2 odds). */
export interface PairWeights {
  /** log2 of P(match) / P(strangers) given the levels, priors included */
  vsStrangers: number;
  /** log2 of P(match) / P(relatives) given the levels, priors included */
  vsRelatives: number;
}

export function priorWeights(model: LinkageModel): PairWeights {
  return {
    vsStrangers: log2(model.lambda / (1 - model.lambda - model.phi)),
    vsRelatives: log2(model.lambda / model.phi),
  };
}

/** log2(m / u) and log2(m / f) per comparison and level. */
export function levelWeights(model: LinkageModel): { vsStrangers: number[][]; vsRelatives: number[][] } {
  return {
    vsStrangers: model.comparisons.map((p) => p.m.map((m, l) => log2(m / p.u[l]!))),
    vsRelatives: model.comparisons.map((p) => p.m.map((m, l) => log2(m / p.f[l]!))),
  };
}

/**
 * Combines the two hypotheses: P(match | γ) = 1 / (1 + 2^-vsStrangers + 2^-vsRelatives), written
 * as a match weight so that 0 bits is even odds.
 */
export function combinedWeight(vsStrangers: number, vsRelatives: number): number {
  const a = -vsStrangers;
  const b = -vsRelatives;
  const hi = Math.max(a, b);
  return -(hi + log2(2 ** (a - hi) + 2 ** (b - hi)));
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export function weightOf(probability: number): number {
  return log2(probability / (1 - probability));
}

/** Level counts to probabilities, each level given a floor so no weight is infinite. */
export function normalise(counts: readonly number[], floor: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 1 / counts.length);
  const p = counts.map((c) => Math.max(c / total, floor));
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / sum);
}
