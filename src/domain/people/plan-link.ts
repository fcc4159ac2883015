import type { HeldIndex } from './held-index.ts';
import type { ScoredCandidate } from './linkage/linkage-index.ts';
import type { CurrentLink, ReviewReason } from './person-link-store.ts';

export interface PlannedReview {
  readonly candidateAgencyPersonId: string;
  readonly weight: number;
  readonly probability: number;
  readonly reason: ReviewReason;
}

export type LinkPlan =
  | { kind: 'auto'; personId: string; probability: number; reviews: PlannedReview[] }
  | { kind: 'first'; reviews: PlannedReview[] };

/** A new record offers a reviewer at most this many persons to choose between. */
export const MAX_REVIEWS_PER_RECORD = 3;
/** The batch clustering's average-linkage rule (link-records.ts meanCrossWeight), in bits. */
export const MEAN_CROSS_WEIGHT = -2.5;

/**
 * What to do with one new record, given its scored candidates (at or above the review weight,
 * best first), the person each candidate belongs to and every record of the strong candidates'
 * persons. Pure, so the rules can be tested without a database.
 */
export function planLink(input: {
  held: HeldIndex;
  row: number;
  candidates: readonly ScoredCandidate[];
  links: ReadonlyMap<string, CurrentLink>;
  members: ReadonlyMap<string, readonly string[]>;
}): LinkPlan {
  const { held, row } = input;
  const merge = held.stored.mergeWeight;
  // The best candidate of each person: a reviewer decides about persons, not every record of one.
  const best = new Map<string, ScoredCandidate>();
  for (const c of input.candidates) {
    const personId = input.links.get(held.agencyPersonOf(c.row))?.personId;
    if (personId !== undefined && !best.has(personId)) best.set(personId, c);
  }
  const entries = [...best.entries()];
  const strong = entries.filter(([, c]) => c.weight >= merge);
  const band = entries.filter(([, c]) => c.weight < merge);
  const review = (c: ScoredCandidate, reason: ReviewReason): PlannedReview => ({
    candidateAgencyPersonId: held.agencyPersonOf(c.row),
    weight: c.weight,
    probability: c.probability,
    reason,
  });
  const limited = (reviews: PlannedReview[]) => reviews.slice(0, MAX_REVIEWS_PER_RECORD);
  const uncertain = band.map(([, c]) => review(c, 'uncertain'));
  if (strong.length === 1) {
    const [personId, c] = strong[0]!;
    if (agreesWithPerson(held, row, input.members.get(personId) ?? []))
      return { kind: 'auto', personId, probability: c.probability, reviews: limited(uncertain) };
    return { kind: 'first', reviews: limited([review(c, 'merge_refused'), ...uncertain]) };
  }
  if (strong.length > 1)
    return {
      kind: 'first',
      reviews: limited([...strong.map(([, c]) => review(c, 'joins_two_persons')), ...uncertain]),
    };
  return { kind: 'first', reviews: limited(uncertain) };
}

/**
 * The record may join the person only if no record of the person contradicts it (two valid NHS
 * numbers), it agrees with the person's records on average, and its contradictions with them on
 * strong evidence (strong-evidence.ts) do not outnumber its agreements unless an identifier is
 * shared: the checks the batch clustering makes before two clusters merge (cluster.ts), so one
 * weak record (no birth date) that joined one child cannot pull in another child who shares
 * her name and postcode but whose birth date and home differ (issue 15).
 */
export function agreesWithPerson(held: HeldIndex, row: number, members: readonly string[]): boolean {
  let total = 0;
  let count = 0;
  let balance = 0;
  let identified = false;
  const rows: number[] = [];
  for (const id of members) {
    const other = held.rowOfPerson(id);
    if (other === undefined) continue;
    rows.push(other);
    if (held.contradicts(row, other)) return false;
    balance += held.judge(row, other);
    if (!identified) identified = held.identifies(row, other);
    total += held.index.weight(row, other);
    count++;
  }
  if (balance < 0 && !identified) return false;
  // The second record of a twin's spelling (Leon beside a person of Leo's records) is refused,
  // as batch clustering refuses two clusters of settled spellings (cluster.ts).
  if (!identified && held.namesSettled(row, rows)) return false;
  return count === 0 || total / count >= MEAN_CROSS_WEIGHT;
}
