import { distance } from 'fastest-levenshtein';

/** Levenshtein edit distance (insertions, deletions, substitutions). */
export const levenshtein: (a: string, b: string) => number = distance;

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form: an adjacent transposition
 * ("19870312" → "19873012") costs one edit, as a clerk's slip does. It differs from the
 * unrestricted form only when a transposed pair is edited again, which dates of birth never need.
 */
export function damerauLevenshtein(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev2 = new Int32Array(lb + 1);
  let prev = new Int32Array(lb + 1);
  let curr = new Int32Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let best = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, prev2[j - 2]! + 1);
      }
      curr[j] = best;
    }
    [prev2, prev, curr] = [prev, curr, prev2];
  }
  return prev[lb]!;
}

/** Levenshtein distance ≤ 1, in one pass without a table (for postcode slips). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === b.length) return true;
  // One substitution (same lengths) or one deletion from the longer string.
  const rest = a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  return rest;
}
