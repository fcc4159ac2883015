import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { checkReason, reviewerOf } from './decide-link-review.ts';
import { loadReview, movesOf, setReviewStatus } from './link-review-store.ts';
import { currentLinks, lockLinking, writeDecision, type LinkedBy, type Move } from './person-link-store.ts';

/**
 * Undoes a confirmed merge without losing anything: every record the merge moved goes back to
 * the person it was in, with the probability and method it had, and the merge stays in the
 * history beside its undoing. If a later decision has moved any of those records since, the
 * undo would split someone else's decision, so it is refused until that one is undone first.
 */
export async function undoLinkReview(
  deps: Deps,
  actor: Actor,
  input: { reviewId: string; reason: string },
): Promise<{ decisionId: string; restored: number }> {
  await authorise(deps, actor, 'review_links', partnershipWide, 'link_review.undo');
  const reason = checkReason(input.reason);
  return deps.db.transaction(async (tx) => {
    await lockLinking(tx, actor.partnershipId);
    const review = await loadReview(tx, actor.partnershipId, input.reviewId, { forUpdate: true });
    if (!review) throw notFound('The pair');
    if (review.status !== 'confirmed' || !review.decisionId)
      throw new DomainError(
        'conflict',
        `Only a confirmed match can be undone; this pair is ${review.status}`,
      );
    const merged = await movesOf(tx, actor.partnershipId, review.decisionId);
    const now = await currentLinks(
      tx,
      actor.partnershipId,
      merged.map((m) => m.agencyPersonId),
    );
    if (merged.some((m) => now.get(m.agencyPersonId)?.personId !== m.toPersonId))
      throw new DomainError(
        'conflict',
        'Records of this match have been moved by a later decision: undo that first',
      );
    const moves: Move[] = merged.map((m) => ({
      agencyPersonId: m.agencyPersonId,
      from: now.get(m.agencyPersonId),
      to: {
        personId: m.fromPersonId!,
        probability: m.fromProbability ?? 1,
        linkedBy: (m.fromLinkedBy ?? 'first') as LinkedBy,
      },
    }));
    const decisionId = await writeDecision(tx, deps.ids, {
      partnershipId: actor.partnershipId,
      kind: 'undone',
      reviewId: review.id,
      undoesDecisionId: review.decisionId,
      decidedAt: deps.clock.now(),
      decidedBy: reviewerOf(actor),
      reason,
      moves,
    });
    await setReviewStatus(tx, actor.partnershipId, review.id, 'undone', decisionId);
    await appendAuditEvent(tx, {
      actor,
      action: 'link_review.undone',
      outcome: 'success',
      subject: { type: 'link_review', id: review.id },
      details: {
        reviewId: review.id,
        decisionId,
        undoesDecisionId: review.decisionId,
        reason,
        restored: moves.length,
      },
    });
    return { decisionId, restored: moves.length };
  });
}
