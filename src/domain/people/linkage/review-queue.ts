import type { Dataset } from './dataset.ts';

export interface ReviewCandidate {
  left: number;
  right: number;
  weight: number;
  probability: number;
}

export interface ReviewQueueOptions {
  /** Most pairs the queue holds, as a share of the records (default 0.01: issue 15). */
  maxShareOfRecords?: number;
  /** The date ages are counted at (yyyymmdd); by default the latest birth date held. */
  asOf?: number;
}

/** Age under which a person is a child (Children Act 1989 s105). */
const CHILD_AGE = 18;

/**
 * The pairs a person is asked to decide, in the order they should be decided. A data quality
 * officer can settle a pair only from what the two records show, so a pair is kept only when
 * both records carry a given name, a surname and either a date of birth or an identifier.
 * Pairs between the same two clusters are one question, asked once (its strongest pair). The
 * order is by the harm of getting it wrong: a child first (Working Together to Safeguard
 * Children 2023: a missed or false link changes what a practitioner sees about a child), then the
 * pair nearest even odds. The queue is cut at `maxShareOfRecords` of the records; what is cut
 * stays unlinked, as a missed link rather than a false one.
 */
export function reviewQueue<T extends ReviewCandidate>(
  ds: Dataset,
  clusterOf: Int32Array,
  candidates: readonly T[],
  options: ReviewQueueOptions = {},
): T[] {
  const { first, last, nhs, identifier } = ds.columns;
  const asOf = options.asOf ?? latestDate(ds);
  const decidable = (r: number) =>
    first.ids[r]! >= 0 &&
    last.ids[r]! >= 0 &&
    (ds.dob[r] !== 0 || nhs.ids[r]! >= 0 || identifier.ids[r]! >= 0);
  const isChild = (r: number) => ds.dob[r] !== 0 && asOf - ds.dob[r]! < CHILD_AGE * 10000;
  const best = new Map<string, T>();
  for (const pair of candidates) {
    if (!decidable(pair.left) || !decidable(pair.right)) continue;
    const a = clusterOf[pair.left]!;
    const b = clusterOf[pair.right]!;
    if (a === b) continue;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    const held = best.get(key);
    if (!held || pair.weight > held.weight) best.set(key, pair);
  }
  const harm = (p: T) => (isChild(p.left) || isChild(p.right) ? 1 : 0);
  const ranked = [...best.values()].sort(
    (x, y) => harm(y) - harm(x) || Math.abs(x.probability - 0.5) - Math.abs(y.probability - 0.5),
  );
  return ranked.slice(0, Math.floor(ds.size * (options.maxShareOfRecords ?? 0.01)));
}

function latestDate(ds: Dataset): number {
  let latest = 0;
  for (let r = 0; r < ds.size; r++) if (ds.dob[r]! > latest) latest = ds.dob[r]!;
  return latest;
}
