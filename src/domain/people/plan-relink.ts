import type { HeldIndex } from './held-index.ts';
import type { ScoredCandidate } from './linkage/linkage-index.ts';
import { probabilityOf } from './linkage/model.ts';
import { agreesWithPerson, MAX_REVIEWS_PER_RECORD, planLink, type PlannedReview } from './plan-link.ts';
import type { CurrentLink } from './person-link-store.ts';

export type RelinkPlan =
  /** Linked only to itself, it now joins the one person it matches. */
  | { kind: 'auto'; personId: string; probability: number; reviews: PlannedReview[] }
  /** It stays in its person; anything it now matches elsewhere is queued for a person to decide. */
  | { kind: 'kept'; reviews: PlannedReview[] }
  /** It no longer agrees with its person: held apart as a person of its own, the pairs queued. */
  | { kind: 'first'; reviews: PlannedReview[] };

/**
 * What to do with a linked record whose content changed (a corrected name, date of birth or NHS
 * number), evaluated again against everything held. Pure, like planLink.
 *
 * The rule weighs the two harms of issue 4: a false merge puts one child's records in front of
 * another child's practitioner (a data breach); a missed link hides the warning sign the
 * records together would show.
 * - Linked only to itself: no one else's records are in its person, so moving it harms no view;
 *   it is decided as a new record would be (joins the one person it matches, else stays).
 * - Sharing its person and still agreeing with the others (no contradicting NHS number, mean
 *   weight at or above the batch rule's −2.5 bits): it stays. A better match with another
 *   person is queued for review rather than acted on: moving it would silently change two
 *   children's views on the strength of one edited record.
 * - Sharing its person and no longer agreeing with it: staying would be the false merge, so it
 *   is held apart as a person of its own, and the pairs with its former person's records are
 *   queued so a reviewer can put it back with one confirmation (a missed link for the time of a
 *   review, never a breach).
 */
export function planRelink(input: {
  held: HeldIndex;
  row: number;
  agencyPersonId: string;
  current: CurrentLink;
  candidates: readonly ScoredCandidate[];
  links: ReadonlyMap<string, CurrentLink>;
  members: ReadonlyMap<string, readonly string[]>;
}): RelinkPlan {
  const { held, row, current } = input;
  const others = (input.members.get(current.personId) ?? []).filter((id) => id !== input.agencyPersonId);
  if (others.length === 0) {
    const plan = planLink(input);
    return plan.kind === 'auto' ? plan : { kind: 'kept', reviews: plan.reviews };
  }
  if (!agreesWithPerson(held, row, others)) {
    const reviews = others
      .flatMap((id) => {
        const other = held.rowOfPerson(id);
        if (other === undefined) return [];
        const weight = held.index.weight(row, other);
        return [
          {
            candidateAgencyPersonId: id,
            weight,
            probability: probabilityOf(weight),
            reason: 'changed_no_longer_matches' as const,
          },
        ];
      })
      .sort((a, b) => b.weight - a.weight);
    return { kind: 'first', reviews: reviews.slice(0, MAX_REVIEWS_PER_RECORD) };
  }
  // The best candidate of each other person; its own person's records are not candidates.
  const best = new Map<string, ScoredCandidate>();
  for (const c of input.candidates) {
    const personId = input.links.get(held.agencyPersonOf(c.row))?.personId;
    if (personId !== undefined && personId !== current.personId && !best.has(personId)) best.set(personId, c);
  }
  const reviews = [...best.values()].map((c): PlannedReview => ({
    candidateAgencyPersonId: held.agencyPersonOf(c.row),
    weight: c.weight,
    probability: c.probability,
    reason: c.weight >= held.stored.mergeWeight ? 'changed_matches_other' : 'uncertain',
  }));
  return { kind: 'kept', reviews: reviews.slice(0, MAX_REVIEWS_PER_RECORD) };
}
