import type { InternedColumn } from './dataset.ts';
import { jaroWinklerSimilarity } from './jaro-winkler.ts';
import { damerauLevenshtein } from './string-distance.ts';

const SLOTS = 1 << 20;

/**
 * Jaro–Winkler between two interned values, remembered by value-id pair in a direct-mapped
 * table (a newer pair simply overwrites an older one in its slot). Given names and surnames
 * repeat so much that most candidate pairs ask about a pair of values already seen, and the
 * table's memory is fixed (about 16 MB) whatever the data size.
 */
export class SimilarityCache {
  private readonly left = new Int32Array(SLOTS).fill(-1);
  private readonly right = new Int32Array(SLOTS);
  private readonly value = new Float64Array(SLOTS);
  constructor(private readonly column: InternedColumn) {}

  /**
   * Jaro–Winkler similarity, plus 10 when the two values are one typing slip apart
   * (Damerau–Levenshtein 1), which short names need: "ava" and "aav" score only 0.56.
   */
  similarity(x: number, y: number): number {
    if (x === y) return 1;
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    const slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;
    if (this.left[slot] === a && this.right[slot] === b) return this.value[slot]!;
    const va = this.column.values[a]!;
    const vb = this.column.values[b]!;
    let s = jaroWinklerSimilarity(va, vb);
    if (Math.abs(va.length - vb.length) <= 1 && damerauLevenshtein(va, vb) === 1) s += 10;
    this.left[slot] = a;
    this.right[slot] = b;
    this.value[slot] = s;
    return s;
  }
}
