import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import { unsafeReadLinkReviewPair, type ReviewedIdentity } from '../policy/unsafe-read-link-review-pair.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { readAgencyPersonsToLink } from './agency-person-store.ts';
import type { LinkingDeps } from './held-index.ts';
import { decisionsOfReview, loadReview, type ReviewStatus } from './link-review-store.ts';
import type { PairExplanation } from './linkage/explain.ts';
import { organisationNames } from './organisation-names.ts';
import { currentLinks } from './person-link-store.ts';

export interface ReviewedRecord extends ReviewedIdentity {
  readonly organisationName: string;
  /** The person the record belongs to now. */
  readonly personId: string | null;
}

export interface LinkReviewDetail {
  readonly id: string;
  readonly status: ReviewStatus;
  readonly reason: string;
  readonly matchWeight: number;
  readonly matchProbability: number;
  readonly createdAt: Date;
  /** Each record with only the identifiers both hold (policy's reviewerFields). */
  readonly records: readonly [ReviewedRecord, ReviewedRecord];
  /** The match weight by comparison under the current model; null if no model is fitted. */
  readonly explanation: PairExplanation | null;
  readonly decisions: readonly { kind: string; decidedAt: Date; decidedBy: string; reason: string | null }[];
  /** Whether the pair's records are one person now. */
  readonly samePerson: boolean;
}

/**
 * One pair, side by side, with why it scored what it did. Showing two records' identifiers is a
 * disclosure of identity data from any agency, so it goes through the policy's named bypass
 * (unsafeReadLinkReviewPair): the review, both records and their audit events in ONE
 * transaction, each record showing only the identifiers the comparison used. The explanation is
 * worked out afterwards by the linkage engine, which shows weights and levels, never a value.
 */
export async function getLinkReview(
  deps: LinkingDeps,
  actor: Actor,
  reviewId: string,
): Promise<LinkReviewDetail> {
  await authorise(deps, actor, 'review_links', partnershipWide, 'link_review.view');
  const read = await deps.db.transaction(async (tx) => {
    const review = await loadReview(tx, actor.partnershipId, reviewId);
    if (!review) return undefined;
    const ids = [review.agencyPersonId, review.candidateAgencyPersonId] as const;
    const pair = await unsafeReadLinkReviewPair(tx, actor, { agencyPersonIds: ids });
    if (!pair) return undefined;
    const links = await currentLinks(tx, actor.partnershipId, ids);
    const decisions = await decisionsOfReview(tx, actor.partnershipId, review.id);
    const names = await organisationNames(tx, actor.partnershipId);
    const record = (p: ReviewedIdentity): ReviewedRecord => ({
      ...p,
      organisationName: names.get(p.organisationId) ?? 'Unknown organisation',
      personId: links.get(p.id)?.personId ?? null,
    });
    return { review, ids, records: [record(pair[0]), record(pair[1])] as const, decisions };
  });
  if (!read) throw notFound('The pair');
  const { review, records, decisions } = read;
  return {
    id: review.id,
    status: review.status as ReviewStatus,
    reason: review.reason,
    matchWeight: review.matchWeight,
    matchProbability: review.matchProbability,
    createdAt: review.createdAt,
    records,
    explanation: await explainPairOf(deps, actor.partnershipId, read.ids),
    decisions: decisions.map((d) => ({
      kind: d.kind,
      decidedAt: d.decidedAt,
      decidedBy: d.decidedBy,
      reason: d.reason,
    })),
    samePerson: records[0].personId !== null && records[0].personId === records[1].personId,
  };
}

/** The linkage engine's explanation of the pair's score (system-level: no value leaves it). */
async function explainPairOf(
  deps: LinkingDeps,
  partnershipId: string,
  ids: readonly [string, string],
): Promise<PairExplanation | null> {
  const held = await deps.linkIndexes.serial(partnershipId, () => deps.linkIndexes.get(deps, partnershipId));
  if (!held) return null;
  const people = new Map((await readAgencyPersonsToLink(deps.db, partnershipId, ids)).map((p) => [p.id, p]));
  const [a, b] = [people.get(ids[0]), people.get(ids[1])];
  if (!a || !b) return null;
  return held.index.explain(held.ensure(a).row, held.ensure(b).row);
}
