import type { Dataset } from './dataset.ts';
import { seededRandom } from '../random.ts';

/**
 * Random pairs for u: nearly all of them are two different people, so how often each level
 * occurs among them is P(level | not the same person). Up to `maxPairs` pairs are drawn with a
 * fixed seed; a small data set uses every pair.
 */
export function sampleRandomPairs(
  ds: Dataset,
  options: { maxPairs?: number; seed?: number; crossSourceOnly?: boolean } = {},
): { left: Int32Array; right: Int32Array; count: number } {
  const n = ds.size;
  const maxPairs = options.maxPairs ?? 1_000_000;
  const all = (n * (n - 1)) / 2;
  const left: number[] = [];
  const right: number[] = [];
  const allowed = (a: number, b: number) => !options.crossSourceOnly || ds.sources[a] !== ds.sources[b];
  if (all <= maxPairs) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (!allowed(a, b)) continue;
        left.push(a);
        right.push(b);
      }
    }
  } else {
    const random = seededRandom(options.seed ?? 42);
    for (let tries = 0; left.length < maxPairs && tries < maxPairs * 4; tries++) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * n);
      if (a === b || !allowed(a, b)) continue;
      left.push(a);
      right.push(b);
    }
  }
  return { left: Int32Array.from(left), right: Int32Array.from(right), count: left.length };
}
