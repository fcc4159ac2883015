import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, invalid, notFound } from '../shared/errors.ts';
import { loadReview, setReviewStatus } from './link-review-store.ts';
import { currentLinks, lockLinking, membersOf, writeDecision, type Move } from './person-link-store.ts';

export type ReviewDecision = 'confirmed' | 'rejected';
export const MAX_REASON_LENGTH = 2000;

export const reviewerOf = (actor: Actor) =>
  actor.kind === 'user' ? actor.userId : `system:${actor.process}`;

/** A reason is required for every decision: the audit log must say why (issue 4, review queue). */
export function checkReason(reason: unknown): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '') throw invalid('reason', 'Enter the reason for your decision');
  if (text.length > MAX_REASON_LENGTH)
    throw invalid('reason', `The reason must be ${MAX_REASON_LENGTH} characters or fewer`);
  return text;
}

/**
 * A reviewer's decision about a pair. Confirming makes the two records one person: every
 * record of the smaller person moves to the larger (to the held record's person on a tie), each
 * move kept in link_move so the merge can be undone. Rejecting changes no link and keeps the
 * pair from being queued again. A pair can be decided once; a second decision is a conflict.
 */
export async function decideLinkReview(
  deps: Deps,
  actor: Actor,
  input: { reviewId: string; decision: ReviewDecision; reason: string },
): Promise<{ decisionId: string; moved: number }> {
  await authorise(deps, actor, 'review_links', partnershipWide, 'link_review.decide');
  if (input.decision !== 'confirmed' && input.decision !== 'rejected')
    throw invalid('decision', 'Choose whether these records are the same person');
  const reason = checkReason(input.reason);
  return deps.db.transaction(async (tx) => {
    await lockLinking(tx, actor.partnershipId);
    const review = await loadReview(tx, actor.partnershipId, input.reviewId, { forUpdate: true });
    if (!review) throw notFound('The pair');
    if (review.status !== 'pending')
      throw new DomainError('conflict', `This pair has already been decided (${review.status})`);
    const moves: Move[] = [];
    if (input.decision === 'confirmed') {
      const links = await currentLinks(tx, actor.partnershipId, [
        review.agencyPersonId,
        review.candidateAgencyPersonId,
      ]);
      const from = links.get(review.agencyPersonId);
      const to = links.get(review.candidateAgencyPersonId);
      if (!from || !to)
        throw new DomainError('conflict', 'One of these records is not linked to a person yet');
      if (from.personId !== to.personId) {
        const members = await membersOf(tx, actor.partnershipId, [from.personId, to.personId]);
        const a = members.get(from.personId) ?? [];
        const b = members.get(to.personId) ?? [];
        const [moving, target] = a.length > b.length ? [b, from.personId] : [a, to.personId];
        const previous = await currentLinks(tx, actor.partnershipId, moving);
        for (const id of moving)
          moves.push({
            agencyPersonId: id,
            from: previous.get(id),
            to: { personId: target, probability: 1, linkedBy: 'review' },
          });
      }
    }
    const decisionId = await writeDecision(tx, deps.ids, {
      partnershipId: actor.partnershipId,
      kind: input.decision,
      reviewId: review.id,
      decidedAt: deps.clock.now(),
      decidedBy: reviewerOf(actor),
      reason,
      moves,
    });
    await setReviewStatus(tx, actor.partnershipId, review.id, input.decision, decisionId);
    await appendAuditEvent(tx, {
      actor,
      action: 'link_review.decided',
      outcome: 'success',
      subject: { type: 'link_review', id: review.id },
      details: { reviewId: review.id, decision: input.decision, reason, decisionId, moved: moves.length },
    });
    return { decisionId, moved: moves.length };
  });
}
