import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../shared/database.ts';
import { isUuid } from '../shared/ids.ts';
import { linkDecision, linkMove, linkReview } from './schema.ts';

export type ReviewStatus = 'pending' | 'confirmed' | 'rejected' | 'undone';
export const reviewStatuses: readonly ReviewStatus[] = ['pending', 'confirmed', 'rejected', 'undone'];

export type StoredReview = typeof linkReview.$inferSelect;

/** One review item of the partnership, locked for the decision when `forUpdate`. */
export async function loadReview(
  db: Db,
  partnershipId: string,
  reviewId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredReview | undefined> {
  if (!isUuid(reviewId)) return undefined;
  const query = db
    .select()
    .from(linkReview)
    .where(and(eq(linkReview.partnershipId, partnershipId), eq(linkReview.id, reviewId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Review items by status, oldest first (pending) or most recently decided first (others). */
export async function listReviews(
  db: Db,
  partnershipId: string,
  status: ReviewStatus,
  limit: number,
): Promise<StoredReview[]> {
  return db
    .select()
    .from(linkReview)
    .where(and(eq(linkReview.partnershipId, partnershipId), eq(linkReview.status, status)))
    .orderBy(
      status === 'pending' ? asc(linkReview.createdAt) : desc(linkReview.createdAt),
      asc(linkReview.id),
    )
    .limit(limit);
}

export async function countReviews(db: Db, partnershipId: string, status: ReviewStatus): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(linkReview)
    .where(and(eq(linkReview.partnershipId, partnershipId), eq(linkReview.status, status)));
  return row?.n ?? 0;
}

export async function setReviewStatus(
  tx: Db,
  partnershipId: string,
  reviewId: string,
  status: ReviewStatus,
  decisionId: string,
): Promise<void> {
  await tx
    .update(linkReview)
    .set({ status, decisionId })
    .where(and(eq(linkReview.partnershipId, partnershipId), eq(linkReview.id, reviewId)));
}

export async function movesOf(tx: Db, partnershipId: string, decisionId: string) {
  return tx
    .select()
    .from(linkMove)
    .where(and(eq(linkMove.partnershipId, partnershipId), eq(linkMove.decisionId, decisionId)));
}

/**
 * The decisions taken about a review item, oldest first. A pair has at most a decision and its
 * undoing ('undone' is final), and the clock may give both the same time, so an undo sorts last.
 */
export async function decisionsOfReview(db: Db, partnershipId: string, reviewId: string) {
  return db
    .select()
    .from(linkDecision)
    .where(and(eq(linkDecision.partnershipId, partnershipId), eq(linkDecision.reviewId, reviewId)))
    .orderBy(asc(linkDecision.decidedAt), asc(sql`${linkDecision.kind} = 'undone'`));
}
