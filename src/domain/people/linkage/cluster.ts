/**
 * Clustering that cannot chain a family into one person. Edges are taken strongest first, as in
 * single-linkage, but two clusters are joined only if their records agree as a whole: every
 * cross pair is scored, and the merge is refused if one of them is near-certainly two people
 * (below `conflictWeight`, such as two brothers with different names and birth dates) or if the
 * cross pairs' mean weight is too low. Connected components would let one strong edge through an ambiguous record join two
 * siblings; here that edge goes to review instead.
 */
export interface ClusterInput {
  size: number;
  /** Candidate edges (row indices), with their match weights. */
  left: Int32Array;
  right: Int32Array;
  weights: Float32Array | Float64Array;
  count: number;
  mergeWeight: number;
  /** Match weight of any two rows, for the cross-pair check. */
  pairWeight: (a: number, b: number) => number;
  conflictWeight: number;
  /** The cross pairs' mean match weight must reach this for two clusters to merge. */
  meanCrossWeight: number;
  /** True when two rows cannot be one person whatever else agrees (two valid NHS numbers). */
  cannotLink?: (a: number, b: number) => boolean;
  /**
   * -1 when two rows disagree beyond what a typing slip explains, 1 when they agree on strong
   * evidence, 0 otherwise (strong-evidence.ts). A merge in which contradicting cross pairs
   * outnumber agreeing ones is refused unless some cross pair shares an identifier (`identifies`).
   */
  judge?: (a: number, b: number) => number;
  identifies?: (a: number, b: number) => boolean;
  /**
   * True when each cluster spells the given name its own way in several records, one typing
   * slip from the other's (strong-evidence.ts): refused unless an identifier is shared.
   */
  namesSettled?: (a: readonly number[], b: readonly number[]) => boolean;
  /** Largest cluster pair checked exhaustively; beyond it, merging is refused (sent to review). */
  maxCrossPairs?: number;
}

export interface ClusterOutput {
  /** Per row, the row that represents its cluster. */
  clusterOf: Int32Array;
  /** Edges above the merge weight whose merge was refused, as candidate indices. */
  refused: number[];
  merges: number;
}

export function clusterRecords(input: ClusterInput): ClusterOutput {
  const { size, left, right, weights } = input;
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const membersOf = (root: number) => members.get(root) ?? [root];
  const edges: number[] = [];
  for (let k = 0; k < input.count; k++) if (weights[k]! >= input.mergeWeight) edges.push(k);
  edges.sort((a, b) => weights[b]! - weights[a]!);
  const refused: number[] = [];
  const maxCross = input.maxCrossPairs ?? 40_000;
  let merges = 0;
  for (const k of edges) {
    const ra = find(left[k]!);
    const rb = find(right[k]!);
    if (ra === rb) continue;
    const a = membersOf(ra);
    const b = membersOf(rb);
    if (a.length * b.length > maxCross || conflicts(a, b, input)) {
      refused.push(k);
      continue;
    }
    const [big, small, bigRoot, smallRoot] = a.length >= b.length ? [a, b, ra, rb] : [b, a, rb, ra];
    parent[smallRoot] = bigRoot;
    members.set(bigRoot, big.concat(small));
    members.delete(smallRoot);
    merges++;
  }
  const clusterOf = new Int32Array(size);
  for (let i = 0; i < size; i++) clusterOf[i] = find(i);
  return { clusterOf, refused, merges };
}

/**
 * Two clusters conflict when any cross pair cannot be one person (two valid NHS numbers), is
 * near-certainly two people (below the conflict weight), or when the cross pairs' mean weight
 * is below `meanCrossWeight` (average linkage in log-odds): a cluster is only as good as the
 * agreement of all its members, not of its strongest link.
 */
function conflicts(a: readonly number[], b: readonly number[], input: ClusterInput): boolean {
  let balance = 0;
  let identified = false;
  for (const x of a) {
    for (const y of b) {
      if (input.cannotLink?.(x, y)) return true;
      balance += input.judge?.(x, y) ?? 0;
      if (!identified && input.identifies?.(x, y)) identified = true;
    }
  }
  // A single weak edge must not join two people who disagree on strong evidence (issue 15):
  // a record without a date of birth cannot vouch for a merge its cluster's dated records
  // contradict. Only a shared identifier outweighs the contradiction; one odd record already
  // in a cluster (a date mistyped beyond a slip) is outvoted by the others.
  if (balance < 0 && !identified) return true;
  // A slip is made once, not repeated: when two agencies' records agree on "Leo" and two others
  // on "Leon", those are twins or same-birthday siblings, whose pairs one slip apart otherwise
  // agree as if one child (issue 15). One person's records reach this only when the same slip
  // was keyed twice, and clustering merges exact spellings first, so a single odd record
  // still joins its person.
  if (!identified && input.namesSettled?.(a, b)) return true;
  if (a.length === 1 && b.length === 1) return false;
  let sum = 0;
  for (const x of a) {
    for (const y of b) {
      const w = input.pairWeight(x, y);
      if (w < input.conflictWeight) return true;
      sum += w;
    }
  }
  return sum / (a.length * b.length) < input.meanCrossWeight;
}
