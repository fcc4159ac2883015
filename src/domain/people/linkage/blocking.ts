import type { Dataset } from './dataset.ts';
import { keyColumn, keyParts, type KeyPart } from './blocking-keys.ts';

/**
 * Blocking: only pairs that agree on at least one rule's key are compared. A rule is a list of
 * variants from loose to tight; the loosest whose blocks would yield no more than the pair
 * budget is used, so the same rules serve a thousand records and a million without settings.
 * Each pair is generated once, by the first rule that finds it.
 */
export type BlockingRule = readonly (readonly KeyPart[])[];

export const defaultRules: readonly BlockingRule[] = [
  [['nhs']],
  [['identifier'], ['identifier', 'first_initial']],
  [['first_formal', 'dob_any_order']],
  [['last', 'dob_any_order']],
  [
    ['first_formal', 'last'],
    ['first_formal', 'last', 'birth_year'],
  ],
  [['dob'], ['dob', 'first_initial'], ['dob', 'first_initial', 'last_initial']],
  [['postcode'], ['postcode', 'first_initial'], ['postcode', 'birth_year']],
  [
    ['address', 'city'],
    ['address', 'first_initial'],
    ['address', 'first_formal'],
  ],
  // Rules without a birth date for the records that lack one or carry a mistyped one. At a
  // million records the looser variants above exceed the budget and the tighter ones need the
  // birth year, so without these a record with no date, at its own address, was never compared.
  [['postcode', 'first_formal']],
  [['postcode', 'first_initial', 'last_initial']],
  [['address', 'first_initial', 'last_initial']],
  [['first_formal', 'last', 'sector']],
  [['email'], ['email', 'first_initial']],
  [['first_formal'], ['first_formal', 'birth_year'], ['first_formal', 'last_initial', 'birth_year']],
  [['last'], ['last', 'birth_year'], ['last', 'first_initial', 'birth_year']],
  [['phone'], ['phone', 'first_initial']],
];

export interface ChosenRule {
  readonly parts: readonly KeyPart[];
  /** Comparisons this rule's key constrains (not estimable by EM within its blocks). */
  readonly comparisons: readonly string[];
  estimatedPairs: number;
  pairs: number;
}

export interface CandidatePairs {
  count: number;
  left: Int32Array;
  right: Int32Array;
  rule: Uint8Array;
  rules: ChosenRule[];
  /** Rule variants passed over because their blocks would give more pairs than the budget. */
  skipped: { parts: readonly KeyPart[]; estimatedPairs: number }[];
}

const HASH_A = 0x9e3779b1;

function hashKeys(columns: readonly Int32Array[], row: number, mask: number): number {
  let h = 0x811c9dc5;
  for (const col of columns) {
    const v = col[row]!;
    if (v < 0) return -1;
    h = Math.imul(h ^ v, HASH_A);
    h ^= h >>> 15;
  }
  return h & mask;
}

function sameKey(columns: readonly Int32Array[], a: number, b: number): boolean {
  for (const col of columns) if (col[a] !== col[b] || col[a]! < 0) return false;
  return true;
}

function tableSize(n: number): number {
  let size = 1;
  while (size < n * 2) size <<= 1;
  return size;
}

/** How many pairs a key's blocks would give (hash collisions can only overstate it). */
function estimatePairs(columns: readonly Int32Array[], n: number): number {
  const size = tableSize(n);
  const count = new Int32Array(size);
  let estimated = 0;
  for (let r = 0; r < n; r++) {
    const h = hashKeys(columns, r, size - 1);
    if (h >= 0) estimated += count[h]!++;
  }
  return estimated;
}

/** Records grouped by hashed key: `head` per bucket, then `next` per record. */
function buildBuckets(columns: readonly Int32Array[], n: number, estimated: number) {
  const size = tableSize(n);
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(n);
  for (let r = n - 1; r >= 0; r--) {
    const h = hashKeys(columns, r, size - 1);
    if (h < 0) continue;
    next[r] = head[h]!;
    head[h] = r;
  }
  return { head, next, estimated };
}

export function generateCandidates(
  ds: Dataset,
  options: { rules?: readonly BlockingRule[]; pairBudget?: number; crossSourceOnly?: boolean } = {},
): CandidatePairs {
  const n = ds.size;
  const budget = options.pairBudget ?? Math.max(2_000_000, 2 * n);
  const cache = new Map<KeyPart, Int32Array>();
  const column = (p: KeyPart) => cache.get(p) ?? cache.set(p, keyColumn(ds, p)).get(p)!;
  const present = (p: KeyPart) => column(p).some((v) => v >= 0);
  const out: CandidatePairs = {
    count: 0,
    left: new Int32Array(1024),
    right: new Int32Array(1024),
    rule: new Uint8Array(1024),
    rules: [],
    skipped: [],
  };
  const chosenColumns: Int32Array[][] = [];
  for (const variants of options.rules ?? defaultRules) {
    const usable = variants.filter((v) => v.every(present));
    let picked: { parts: readonly KeyPart[]; buckets: ReturnType<typeof buildBuckets> } | undefined;
    for (const parts of usable) {
      const estimated = estimatePairs(parts.map(column), n);
      if (estimated <= budget) {
        picked = { parts, buckets: buildBuckets(parts.map(column), n, estimated) };
        break;
      }
      out.skipped.push({ parts, estimatedPairs: estimated });
    }
    // A rule none of whose variants fits the budget is left out: the other rules still reach
    // its pairs unless two fields are wrong at once, and scoring hundreds of millions of
    // pairs would not finish.
    if (!picked) continue;
    const columns = picked.parts.map(column);
    const ruleIndex = out.rules.length;
    const rule: ChosenRule = {
      parts: picked.parts,
      comparisons: [...new Set(picked.parts.map((p) => keyParts[p]))],
      estimatedPairs: picked.buckets.estimated,
      pairs: 0,
    };
    out.rules.push(rule);
    chosenColumns.push(columns);
    const { head, next } = picked.buckets;
    const members: number[] = [];
    for (let b = 0; b < head.length; b++) {
      if (head[b]! < 0) continue;
      members.length = 0;
      for (let r = head[b]!; r >= 0; r = next[r]!) members.push(r);
      emitBucket(out, members, columns, chosenColumns, ruleIndex, ds, options.crossSourceOnly ?? false);
    }
    rule.pairs = countRule(out, ruleIndex);
  }
  return out;
}

function countRule(out: CandidatePairs, ruleIndex: number): number {
  let n = 0;
  for (let k = out.count - 1; k >= 0 && out.rule[k] === ruleIndex; k--) n++;
  return n;
}

function emitBucket(
  out: CandidatePairs,
  members: readonly number[],
  columns: readonly Int32Array[],
  earlier: readonly Int32Array[][],
  ruleIndex: number,
  ds: Dataset,
  crossSourceOnly: boolean,
): void {
  for (let x = 0; x < members.length; x++) {
    const a = members[x]!;
    for (let y = x + 1; y < members.length; y++) {
      const b = members[y]!;
      if (!sameKey(columns, a, b)) continue;
      if (crossSourceOnly && ds.sources[a] === ds.sources[b]) continue;
      let seen = false;
      for (let r = 0; r < ruleIndex && !seen; r++) seen = sameKey(earlier[r]!, a, b);
      if (seen) continue;
      push(out, a, b, ruleIndex);
    }
  }
}

function push(out: CandidatePairs, a: number, b: number, rule: number): void {
  if (out.count === out.left.length) {
    const grow = <T extends Int32Array | Uint8Array>(arr: T, make: (n: number) => T) => {
      const next = make(arr.length * 2);
      next.set(arr);
      return next;
    };
    out.left = grow(out.left, (n) => new Int32Array(n));
    out.right = grow(out.right, (n) => new Int32Array(n));
    out.rule = grow(out.rule, (n) => new Uint8Array(n));
  }
  out.left[out.count] = a < b ? a : b;
  out.right[out.count] = a < b ? b : a;
  out.rule[out.count] = rule;
  out.count++;
}
