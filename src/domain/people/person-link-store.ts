import { and, eq, inArray, sql } from 'drizzle-orm';
import { hotStatement, type Db } from '../shared/database.ts';
import type { IdSource } from '../shared/ids.ts';
import { linkDecision, linkMove, linkReview, personLink } from './schema.ts';

export type LinkedBy = 'first' | 'auto' | 'review';
export type DecisionKind = 'first' | 'auto' | 'kept' | 'relink' | 'confirmed' | 'rejected' | 'undone';
export type ReviewReason =
  | 'uncertain'
  | 'joins_two_persons'
  | 'merge_refused'
  /** A linked record changed and now matches another person: it stays until a person decides. */
  | 'changed_matches_other'
  /** A linked record changed and no longer agrees with its person: held apart until decided. */
  | 'changed_no_longer_matches';

export interface CurrentLink {
  readonly personId: string;
  readonly probability: number;
  readonly linkedBy: string;
}

export interface Move {
  readonly agencyPersonId: string;
  readonly from: CurrentLink | undefined;
  readonly to: { personId: string; probability: number; linkedBy: LinkedBy };
}

/** Linking writes of one partnership happen one at a time, across processes too. */
export async function lockLinking(tx: Db, partnershipId: string): Promise<void> {
  await tx.execute(hotStatement(sql`select pg_advisory_xact_lock(hashtext(${linkLockKey(partnershipId)}))`));
}

const linkLockKey = (partnershipId: string) => `tessera.link:${partnershipId}`;

/**
 * lockLinking for the linking process's own decision about one record (incremental linking
 * after ingest), in the same statement: that transaction commits without waiting for its WAL
 * to reach the disk (synchronous_commit off, for this transaction only). What this trades, and
 * why it is safe here:
 * - the decision, its link, its review items and its `person.linked` audit event are one
 *   transaction, so a server crash in the fraction of a second before the WAL writer flushes it
 *   loses all of them together, never the act without its audit event (DESIGN.md rule 3);
 * - what is lost is derived from the agency's record, which is already durable: the end of every
 *   ingest run links again any agency person left unlinked (findAgencyPersonsToLink);
 * - anything that acted on the link makes it durable first: the WAL is flushed in order, so the
 *   synchronous commit of any later transaction (a view showing the linked records, with its
 *   audit event, or a reviewer's decision) flushes this one too.
 * A person's decision (review, undo) and the batch relink keep synchronous commit.
 */
export async function lockAutomaticLinking(tx: Db, partnershipId: string): Promise<void> {
  await tx.execute(
    hotStatement(sql`select set_config('synchronous_commit', 'off', true),
                            pg_advisory_xact_lock(hashtext(${linkLockKey(partnershipId)}))`),
  );
}

export async function currentLinks(
  db: Db,
  partnershipId: string,
  agencyPersonIds: readonly string[],
): Promise<Map<string, CurrentLink>> {
  if (agencyPersonIds.length === 0) return new Map();
  const rows = await db
    .select({
      agencyPersonId: personLink.agencyPersonId,
      personId: personLink.personId,
      probability: personLink.matchProbability,
      linkedBy: personLink.linkedBy,
    })
    .from(personLink)
    .where(
      and(
        eq(personLink.partnershipId, partnershipId),
        inArray(personLink.agencyPersonId, [...agencyPersonIds]),
      ),
    );
  return new Map(rows.map((r) => [r.agencyPersonId, r]));
}

/** The agency persons of each person named. */
export async function membersOf(
  db: Db,
  partnershipId: string,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .select({ agencyPersonId: personLink.agencyPersonId, personId: personLink.personId })
    .from(personLink)
    .where(and(eq(personLink.partnershipId, partnershipId), inArray(personLink.personId, [...personIds])));
  for (const r of rows) {
    const list = out.get(r.personId);
    if (list) list.push(r.agencyPersonId);
    else out.set(r.personId, [r.agencyPersonId]);
  }
  return out;
}

const CHUNK = 1000;

/**
 * Records one decision and applies its moves to person_link, keeping where each agency person
 * was so the decision can be undone exactly.
 */
export async function writeDecision(
  tx: Db,
  ids: IdSource,
  input: {
    partnershipId: string;
    kind: DecisionKind;
    decidedAt: Date;
    decidedBy: string;
    reviewId?: string;
    undoesDecisionId?: string;
    reason?: string;
    moves: readonly Move[];
  },
): Promise<string> {
  const decisionId = ids.uuid();
  await tx.insert(linkDecision).values({
    partnershipId: input.partnershipId,
    id: decisionId,
    kind: input.kind,
    reviewId: input.reviewId ?? null,
    undoesDecisionId: input.undoesDecisionId ?? null,
    decidedAt: input.decidedAt,
    decidedBy: input.decidedBy,
    reason: input.reason ?? null,
  });
  for (let k = 0; k < input.moves.length; k += CHUNK) {
    const chunk = input.moves.slice(k, k + CHUNK);
    await tx.insert(linkMove).values(
      chunk.map((m) => ({
        partnershipId: input.partnershipId,
        decisionId,
        agencyPersonId: m.agencyPersonId,
        fromPersonId: m.from?.personId ?? null,
        fromProbability: m.from?.probability ?? null,
        fromLinkedBy: m.from?.linkedBy ?? null,
        toPersonId: m.to.personId,
        toProbability: m.to.probability,
        toLinkedBy: m.to.linkedBy,
      })),
    );
    await tx
      .insert(personLink)
      .values(
        chunk.map((m) => ({
          partnershipId: input.partnershipId,
          agencyPersonId: m.agencyPersonId,
          personId: m.to.personId,
          matchProbability: m.to.probability,
          linkedBy: m.to.linkedBy,
          linkedAt: input.decidedAt,
        })),
      )
      .onConflictDoUpdate({
        target: [personLink.partnershipId, personLink.agencyPersonId],
        set: {
          personId: sql`excluded.person_id`,
          matchProbability: sql`excluded.match_probability`,
          linkedBy: sql`excluded.linked_by`,
          linkedAt: sql`excluded.linked_at`,
        },
      });
  }
  return decisionId;
}

export interface NewReviewItem {
  readonly agencyPersonId: string;
  readonly candidateAgencyPersonId: string;
  readonly weight: number;
  readonly probability: number;
  readonly reason: ReviewReason;
}

/** Queues pairs for review; a pair already queued or decided is not queued again. */
export async function queueReviews(
  tx: Db,
  ids: IdSource,
  input: { partnershipId: string; modelId: string; createdAt: Date; items: readonly NewReviewItem[] },
): Promise<number> {
  let queued = 0;
  for (let k = 0; k < input.items.length; k += CHUNK) {
    const rows = await tx
      .insert(linkReview)
      .values(
        input.items.slice(k, k + CHUNK).map((item) => ({
          partnershipId: input.partnershipId,
          id: ids.uuid(),
          agencyPersonId: item.agencyPersonId,
          candidateAgencyPersonId: item.candidateAgencyPersonId,
          matchWeight: item.weight,
          matchProbability: item.probability,
          reason: item.reason,
          modelId: input.modelId,
          status: 'pending',
          createdAt: input.createdAt,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: linkReview.id });
    queued += rows.length;
  }
  return queued;
}
