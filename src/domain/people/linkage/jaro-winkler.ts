/**
 * Jaro–Winkler similarity scored exactly as DuckDB's `jaro_winkler_similarity`, which Splink's
 * default comparisons use (and the comparator in ../shared/tools runs). The npm packages in common
 * use differ in the match window or the boost rule, so thresholds such as 0.92 and 0.88 would mean
 * something else. DuckDB: match window floor(max(len) / 2) - 1, transpositions halved, prefix scale
 * 0.1 over at most 4 characters, and the prefix boost applied only when the Jaro score exceeds 0.7
 * (measured against DuckDB 1.5: jaro_winkler_similarity('dw', 'duane') = jaro = 0.5667).
 */
const matchedA = new Uint8Array(256);
const matchedB = new Uint8Array(256);

export function jaroSimilarity(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  const flagsA = la <= 256 ? matchedA.fill(0, 0, la) : new Uint8Array(la);
  const flagsB = lb <= 256 ? matchedB.fill(0, 0, lb) : new Uint8Array(lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const code = a.charCodeAt(i);
    const end = Math.min(lb, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

export function jaroWinklerSimilarity(a: string, b: string): number {
  const jaro = jaroSimilarity(a, b);
  if (jaro <= 0.7) return jaro;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
