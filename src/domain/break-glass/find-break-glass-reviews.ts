import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import { appUser, organisation } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { breakGlass, breakGlassReview } from './schema.ts';

export interface BreakGlassReviewItem {
  readonly breakGlassId: string;
  readonly personId: string;
  readonly by: {
    readonly userId: string;
    readonly name: string;
    readonly organisationName: string;
    readonly role: string;
  };
  readonly reasonCode: string;
  readonly reasonText: string;
  readonly startedAt: Date;
  readonly expiresAt: Date;
  readonly setAsideLimits: number;
  readonly status: 'pending' | 'reviewed';
  readonly outcome: string | null;
  readonly notes: string | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: Date | null;
}

const QUEUE_LIMIT = 200;

/**
 * The retrospective review queue of the actor's organisation: every break-glass on a child whose
 * records it holds, pending first, newest first, never the reviewer's own (nobody reviews their
 * own act). Only its data protection officer and Caldicott guardian (review_break_glass); the
 * listing is audited, since it shows each user's reason in their own words.
 */
export async function findBreakGlassReviews(deps: Deps, actor: Actor): Promise<BreakGlassReviewItem[]> {
  const organisationId = actor.kind === 'user' ? actor.organisationId : '';
  await authorise(deps, actor, 'review_break_glass', overOrganisation(organisationId), 'break_glass.reviews');
  if (actor.kind !== 'user') return [];
  const reviewer = alias(appUser, 'reviewer');
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        breakGlassId: breakGlass.id,
        personId: breakGlass.personId,
        userId: breakGlass.userId,
        name: appUser.displayName,
        organisationName: organisation.name,
        role: breakGlass.role,
        reasonCode: breakGlass.reasonCode,
        reasonText: breakGlass.reasonText,
        startedAt: breakGlass.startedAt,
        expiresAt: breakGlass.expiresAt,
        setAsideLimits: sql<number>`cardinality(${breakGlass.setAsideLimitIds})`,
        status: breakGlassReview.status,
        outcome: breakGlassReview.outcome,
        notes: breakGlassReview.notes,
        reviewedBy: reviewer.displayName,
        reviewedAt: breakGlassReview.reviewedAt,
      })
      .from(breakGlassReview)
      .innerJoin(
        breakGlass,
        and(
          eq(breakGlass.partnershipId, breakGlassReview.partnershipId),
          eq(breakGlass.id, breakGlassReview.breakGlassId),
        ),
      )
      .innerJoin(
        appUser,
        and(eq(appUser.partnershipId, breakGlass.partnershipId), eq(appUser.id, breakGlass.userId)),
      )
      .innerJoin(
        organisation,
        and(
          eq(organisation.partnershipId, breakGlass.partnershipId),
          eq(organisation.id, breakGlass.organisationId),
        ),
      )
      .leftJoin(
        reviewer,
        and(
          eq(reviewer.partnershipId, breakGlassReview.partnershipId),
          eq(reviewer.id, breakGlassReview.reviewedByUserId),
        ),
      )
      .where(
        and(
          eq(breakGlassReview.partnershipId, actor.partnershipId),
          eq(breakGlassReview.organisationId, actor.organisationId),
          ne(breakGlass.userId, actor.userId),
        ),
      )
      .orderBy(
        sql`case when ${breakGlassReview.status} = 'pending' then 0 else 1 end`,
        desc(breakGlass.startedAt),
      )
      .limit(QUEUE_LIMIT);
    await appendAuditEvent(tx, {
      actor,
      action: 'break_glass.reviews_listed',
      outcome: 'success',
      at: deps.clock.now(),
      details: { organisationId: actor.organisationId, returned: rows.length },
    });
    return rows.map((r) => ({
      breakGlassId: r.breakGlassId,
      personId: r.personId,
      by: { userId: r.userId, name: r.name, organisationName: r.organisationName, role: r.role },
      reasonCode: r.reasonCode,
      reasonText: r.reasonText,
      startedAt: r.startedAt,
      expiresAt: r.expiresAt,
      setAsideLimits: Number(r.setAsideLimits),
      status: r.status as 'pending' | 'reviewed',
      outcome: r.outcome,
      notes: r.notes,
      reviewedBy: r.reviewedBy,
      reviewedAt: r.reviewedAt,
    }));
  });
}
