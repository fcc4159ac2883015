import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { readAgencyPersonHolders } from './agency-person-store.ts';
import { countReviews, listReviews, type ReviewStatus } from './link-review-store.ts';
import { organisationNames } from './organisation-names.ts';

export interface LinkReviewSummary {
  readonly id: string;
  readonly status: ReviewStatus;
  readonly reason: string;
  readonly matchProbability: number;
  readonly createdAt: Date;
  /** The holding organisations of the two records: the list shows no identity data. */
  readonly organisations: readonly [string, string];
}

const PAGE = 200;

/**
 * The review queue: pairs waiting for a decision (or decided ones, by status). It names only
 * the organisations holding each record, the score and why it is here; a record's identity is
 * shown, and audited, only on the pair's own page.
 */
export async function findLinkReviews(
  deps: Deps,
  actor: Actor,
  filter: { status?: ReviewStatus } = {},
): Promise<{ total: number; reviews: LinkReviewSummary[] }> {
  await authorise(deps, actor, 'review_links', partnershipWide, 'link_review.list');
  const status = filter.status ?? 'pending';
  const [rows, total] = await Promise.all([
    listReviews(deps.db, actor.partnershipId, status, PAGE),
    countReviews(deps.db, actor.partnershipId, status),
  ]);
  const holders = await readAgencyPersonHolders(
    deps.db,
    actor.partnershipId,
    rows.flatMap((r) => [r.agencyPersonId, r.candidateAgencyPersonId]),
  );
  const names = await organisationNames(deps.db, actor.partnershipId);
  const orgOf = (id: string) => names.get(holders.get(id) ?? '') ?? 'Unknown organisation';
  return {
    total,
    reviews: rows.map((r) => ({
      id: r.id,
      status: r.status as ReviewStatus,
      reason: r.reason,
      matchProbability: r.matchProbability,
      createdAt: r.createdAt,
      organisations: [orgOf(r.agencyPersonId), orgOf(r.candidateAgencyPersonId)],
    })),
  };
}
