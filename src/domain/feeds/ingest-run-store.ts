import { and, desc, eq, sql } from 'drizzle-orm';
import type { IngestCounts } from '../audit/actions.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import type { FeedMapping } from './feed-mapping.ts';
import type { RowIssue } from './prepare-row.ts';
import { ingestIssue, ingestRun } from './schema.ts';

/**
 * A run keeps at most this many issues for its report (the counts stay exact): a file that is
 * wrong throughout needs fixing at source, not a million-line report.
 */
export const MAX_STORED_ISSUES = 1000;

export interface RunTotals extends IngestCounts {
  duplicates: number;
  batches: number;
  issuesStored: number;
}

export const emptyTotals = (): RunTotals => ({
  rows: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  flagged: 0,
  waitingForIdentity: 0,
  erasedNotReloaded: 0,
  duplicates: 0,
  batches: 0,
  issuesStored: 0,
});

const actorName = (actor: Actor) => (actor.kind === 'user' ? actor.userId : `system:${actor.process}`);

/**
 * Opens a run. A run of the same feed still marked running was killed or lost its upload: it
 * is marked interrupted, since everything it committed is kept and this run finishes the job.
 */
export async function openRun(
  db: Db,
  actor: Actor,
  run: { id: string; organisationId: string; mapping: FeedMapping; fileName: string | undefined; at: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(ingestRun)
      .set({ status: 'interrupted' })
      .where(
        and(
          eq(ingestRun.partnershipId, actor.partnershipId),
          eq(ingestRun.organisationId, run.organisationId),
          eq(ingestRun.feed, run.mapping.feed),
          eq(ingestRun.status, 'running'),
        ),
      );
    await tx.insert(ingestRun).values({
      partnershipId: actor.partnershipId,
      id: run.id,
      organisationId: run.organisationId,
      feed: run.mapping.feed,
      recordKind: run.mapping.recordKind,
      fieldGroup: run.mapping.fieldGroup,
      fileName: run.fileName ?? null,
      status: 'running',
      startedBy: actorName(actor),
      startedAt: run.at,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'ingest.started',
      outcome: 'success',
      subject: { type: 'ingest_run', id: run.id },
      details: {
        runId: run.id,
        feed: run.mapping.feed,
        organisationId: run.organisationId,
        recordKind: run.mapping.recordKind,
      },
    });
  });
}

/** Adds one batch's counts and issues to the run, in the batch's transaction, with its audit event. */
export async function recordBatch(
  tx: Db,
  actor: Actor,
  runId: string,
  batch: RunTotals,
  issues: readonly RowIssue[],
  stored: number,
): Promise<number> {
  const keep = issues.slice(0, Math.max(0, MAX_STORED_ISSUES - stored));
  if (keep.length > 0)
    await tx.insert(ingestIssue).values(
      keep.map((issue, n) => ({
        partnershipId: actor.partnershipId,
        runId,
        seq: stored + n + 1,
        ...issue,
      })),
    );
  await tx
    .update(ingestRun)
    .set({
      rowsRead: sql`${ingestRun.rowsRead} + ${batch.rows}`,
      inserted: sql`${ingestRun.inserted} + ${batch.inserted}`,
      updated: sql`${ingestRun.updated} + ${batch.updated}`,
      unchanged: sql`${ingestRun.unchanged} + ${batch.unchanged}`,
      rejected: sql`${ingestRun.rejected} + ${batch.rejected}`,
      flagged: sql`${ingestRun.flagged} + ${batch.flagged}`,
      duplicates: sql`${ingestRun.duplicates} + ${batch.duplicates}`,
      waitingForIdentity: sql`${ingestRun.waitingForIdentity} + ${batch.waitingForIdentity}`,
      erasedNotReloaded: sql`${ingestRun.erasedNotReloaded} + ${batch.erasedNotReloaded}`,
      batches: sql`${ingestRun.batches} + 1`,
    })
    .where(and(eq(ingestRun.partnershipId, actor.partnershipId), eq(ingestRun.id, runId)));
  await appendAuditEvent(tx, {
    actor,
    action: 'ingest.batch_written',
    outcome: 'success',
    subject: { type: 'ingest_run', id: runId },
    details: {
      runId,
      batch: batch.batches,
      rows: batch.rows,
      inserted: batch.inserted,
      updated: batch.updated,
      unchanged: batch.unchanged,
      rejected: batch.rejected,
      flagged: batch.flagged,
      waitingForIdentity: batch.waitingForIdentity,
      erasedNotReloaded: batch.erasedNotReloaded,
    },
  });
  return stored + keep.length;
}

export async function closeRun(
  db: Db,
  actor: Actor,
  runId: string,
  outcome: {
    status: 'completed' | 'failed';
    failure?: string;
    totals: RunTotals;
    at: Date;
    /** Whether an agreement in force shares the feed's field group outside the organisation. */
    sharedOutside?: boolean;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(ingestRun)
      .set({
        status: outcome.status,
        failure: outcome.failure ?? null,
        finishedAt: outcome.at,
        sharedOutside: outcome.sharedOutside ?? null,
      })
      .where(and(eq(ingestRun.partnershipId, actor.partnershipId), eq(ingestRun.id, runId)));
    const t = outcome.totals;
    await appendAuditEvent(tx, {
      actor,
      action: 'ingest.finished',
      outcome: outcome.status === 'completed' ? 'success' : 'failure',
      subject: { type: 'ingest_run', id: runId },
      details: {
        runId,
        status: outcome.status,
        rows: t.rows,
        inserted: t.inserted,
        updated: t.updated,
        unchanged: t.unchanged,
        rejected: t.rejected,
        flagged: t.flagged,
        waitingForIdentity: t.waitingForIdentity,
        erasedNotReloaded: t.erasedNotReloaded,
      },
    });
  });
}

export type IngestRunRow = typeof ingestRun.$inferSelect;
export type IngestIssueRow = typeof ingestIssue.$inferSelect;

export async function selectRuns(
  db: Db,
  partnershipId: string,
  organisationId: string | undefined,
  limit: number,
) {
  return db
    .select()
    .from(ingestRun)
    .where(
      and(
        eq(ingestRun.partnershipId, partnershipId),
        organisationId ? eq(ingestRun.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(desc(ingestRun.startedAt), desc(ingestRun.id))
    .limit(limit);
}

export async function selectRun(db: Db, partnershipId: string, runId: string) {
  const [run] = await db
    .select()
    .from(ingestRun)
    .where(and(eq(ingestRun.partnershipId, partnershipId), eq(ingestRun.id, runId)));
  if (!run) return undefined;
  const issues = await db
    .select()
    .from(ingestIssue)
    .where(and(eq(ingestIssue.partnershipId, partnershipId), eq(ingestIssue.runId, runId)))
    .orderBy(ingestIssue.seq);
  return { run, issues };
}

/**
 * Each (organisation, field group) a completed or interrupted run of any feed kept records in:
 * what the partnership holds by category, from the run reports alone (no subject data is read).
 */
export async function selectFieldGroupsReceived(db: Db, partnershipId: string) {
  return queryRows<{
    organisationId: string;
    fieldGroup: string;
    feeds: string[];
    lastReceivedAt: string | Date;
  }>(
    db,
    sql`select organisation_id::text as "organisationId", field_group as "fieldGroup",
          array_agg(distinct feed order by feed) as feeds, max(started_at) as "lastReceivedAt"
        from ingest_run
        where partnership_id = ${partnershipId}::uuid and status in ('completed', 'interrupted')
          and inserted + updated + unchanged > 0
        group by organisation_id, field_group
        order by organisation_id, field_group`,
  );
}
