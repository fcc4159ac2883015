import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { readAgencyPersonIdentities, type AgencyPersonIdentity } from './agency-person-store.ts';
import type { LinkingDeps } from './held-index.ts';
import { decisionsOfReview, loadReview, type ReviewStatus } from './link-review-store.ts';
import type { PairExplanation } from './linkage/explain.ts';
import { organisationNames } from './organisation-names.ts';
import { currentLinks } from './person-link-store.ts';

export interface ReviewedRecord extends AgencyPersonIdentity {
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
  readonly records: readonly [ReviewedRecord, ReviewedRecord];
  /** The match weight by comparison under the current model; null if no model is fitted. */
  readonly explanation: PairExplanation | null;
  readonly decisions: readonly { kind: string; decidedAt: Date; decidedBy: string; reason: string | null }[];
  /** Whether the pair's records are one person now. */
  readonly samePerson: boolean;
}

/**
 * One pair, side by side, with why it scored what it did. Showing two records' identifiers is a
 * disclosure of identity data, so each record's showing is audited as a view of that person in
 * the same transaction (and so appears in "who has seen").
 */
export async function getLinkReview(
  deps: LinkingDeps,
  actor: Actor,
  reviewId: string,
): Promise<LinkReviewDetail> {
  await authorise(deps, actor, 'review_links', partnershipWide, 'link_review.view');
  const review = await loadReview(deps.db, actor.partnershipId, reviewId);
  if (!review) throw notFound('The pair');
  const ids = [review.agencyPersonId, review.candidateAgencyPersonId] as const;
  const people = await readAgencyPersonIdentities(deps.db, actor.partnershipId, ids);
  const [a, b] = [people.get(ids[0]), people.get(ids[1])];
  if (!a || !b) throw notFound('The pair');
  const held = await deps.linkIndexes.serial(actor.partnershipId, () =>
    deps.linkIndexes.get(deps, actor.partnershipId),
  );
  let explanation: PairExplanation | null = null;
  if (held) {
    const left = held.ensure(a).row;
    const right = held.ensure(b).row;
    explanation = held.index.explain(left, right);
  }
  const names = await organisationNames(deps.db, actor.partnershipId);
  return deps.db.transaction(async (tx) => {
    const links = await currentLinks(tx, actor.partnershipId, ids);
    const decisions = await decisionsOfReview(tx, actor.partnershipId, review.id);
    for (const id of ids) {
      await appendAuditEvent(tx, {
        actor,
        action: 'subject.viewed',
        outcome: 'success',
        subject: { type: 'person', id },
        disclosed: ['identity'],
        details: {
          view: 'link_review',
          records: 1,
          ownRecords: people.get(id)!.organisationId === (actor.kind === 'user' ? actor.organisationId : ''),
        },
      });
    }
    const record = (p: AgencyPersonIdentity): ReviewedRecord => ({
      ...p,
      organisationName: names.get(p.organisationId) ?? 'Unknown organisation',
      personId: links.get(p.id)?.personId ?? null,
    });
    const records = [record(a), record(b)] as const;
    return {
      id: review.id,
      status: review.status as ReviewStatus,
      reason: review.reason,
      matchWeight: review.matchWeight,
      matchProbability: review.matchProbability,
      createdAt: review.createdAt,
      records,
      explanation,
      decisions: decisions.map((d) => ({
        kind: d.kind,
        decidedAt: d.decidedAt,
        decidedBy: d.decidedBy,
        reason: d.reason,
      })),
      samePerson: records[0].personId !== null && records[0].personId === records[1].personId,
    };
  });
}
