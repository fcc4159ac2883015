import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from '../partnership/schema.ts';

/**
 * One run of an agency feed through ingest (CLI or upload): what was read and what became of
 * it, for the ingest report. The counters are updated in the same transaction as each batch's
 * writes, so after a kill they still say exactly what was committed.
 */
export const ingestRun = pgTable(
  'ingest_run',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    feed: text('feed').notNull(),
    recordKind: text('record_kind').notNull(),
    fieldGroup: text('field_group').notNull(),
    /** The name the uploader gave the file (no path), shown in the report. */
    fileName: text('file_name'),
    /** 'running', 'completed', 'failed', or 'interrupted' (a later run of the feed found it unfinished). */
    status: text('status').notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    rowsRead: integer('rows_read').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    flagged: integer('flagged').notNull().default(0),
    /** Rows whose external id came again later in the same batch: the later row was kept. */
    duplicates: integer('duplicates').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    /**
     * Records of this run kept although their person's details had not arrived (the person
     * details row was rejected, or is yet to come): DESIGN.md rule 8, never dropped. They are
     * held against the agency's person id and join that person when the details arrive.
     */
    waitingForIdentity: integer('waiting_for_identity').notNull().default(0),
    /**
     * Rows naming an item its organisation erased (a tombstone, records/erase-record.ts): each
     * refused alone and counted here, never loaded again (UK GDPR Art 17) and not a fault of the
     * feed.
     */
    erasedNotReloaded: integer('erased_not_reloaded').notNull().default(0),
    /**
     * Whether, when the run finished, an agreement in force let anyone outside the organisation
     * see its field group: false is the warning that the records reach no one (issue 14); null
     * when the run wrote nothing or ended before the check.
     */
    sharedOutside: boolean('shared_outside'),
    /** Why a failed run stopped (a safe message, never a value from the file). */
    failure: text('failure'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    index('ingest_run_started').on(t.partnershipId, t.startedAt),
    check('ingest_run_status', sql`${t.status} in ('running', 'completed', 'failed', 'interrupted')`),
    foreignKey({
      name: 'ingest_run_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
  ],
);

/**
 * A row a run refused (severity 'rejected') or kept with a warning ('flagged': a date whose day
 * and month could be swapped, a cell that looks like a spreadsheet formula). The line, the column
 * and the reason only: never the value, so the report repeats no personal data.
 */
export const ingestIssue = pgTable(
  'ingest_issue',
  {
    partnershipId: uuid('partnership_id').notNull(),
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    line: integer('line').notNull(),
    column: text('column'),
    severity: text('severity').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.runId, t.seq] }),
    check('ingest_issue_severity', sql`${t.severity} in ('rejected', 'flagged')`),
    foreignKey({
      name: 'ingest_issue_run_fk',
      columns: [t.partnershipId, t.runId],
      foreignColumns: [ingestRun.partnershipId, ingestRun.id],
    }).onDelete('restrict'),
  ],
);
