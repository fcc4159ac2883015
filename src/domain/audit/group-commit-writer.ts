import { sql, type SQL } from 'drizzle-orm';
import { hotStatement, type Db } from '../shared/database.ts';
import type { AuditAction } from './actions.ts';
import { appendAuditEvent, type AuditEventInput } from './append-audit-event.ts';

/**
 * The audit of reads, committed by one writer for many requests at once (DESIGN.md rule 3's
 * group-commit allowance): each read's event waits in a queue, the writer inserts everything
 * queued in ONE statement (one implicit transaction, one commit, one WAL flush), and each
 * caller's promise settles only after that commit. A failed batch rejects every caller in it,
 * and the read that awaited it fails: no response leaves before its event is durable.
 *
 * Batching takes whatever arrived while the previous batch committed, with no timer: at low
 * load a lone event is written at once, at high load many requests share one commit (the
 * PostgreSQL commit_delay idea, without its sleep).
 *
 * Order and tamper evidence: the batch's events are inserted in the order they were queued,
 * so their ids (and, sharing one transaction, their tx_id) give the sealer the same total order
 * it takes for any transaction (seal-audit-events.ts: by tx_id, then id); nothing is hashed
 * here, and the sealer chains, checkpoints and verifies these rows like any others.
 */
export interface GroupCommitWriter {
  /** Resolves once the event is committed; rejects if its batch failed. */
  append(event: AuditEventInput<AuditAction>): Promise<void>;
  /** Waits for everything queued to be written (or to fail), then refuses new events. */
  close(): Promise<void>;
}

export interface GroupCommitOptions {
  /** Most events in one statement; more wait for the next batch. */
  readonly maxBatch?: number;
}

interface Queued {
  readonly event: AuditEventInput<AuditAction>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A writer whose batches `write` commits (`auditEventsInsert` on a connection that is not in a
 * transaction, in production). One batch is in flight at a time: that is what lets the next
 * gather every request that arrived meanwhile.
 */
export function createGroupCommitWriter(
  write: (events: readonly AuditEventInput<AuditAction>[]) => Promise<void>,
  options: GroupCommitOptions = {},
): GroupCommitWriter {
  const maxBatch = options.maxBatch ?? 500;
  let queue: Queued[] = [];
  let writing: Promise<void> | undefined;
  let closed = false;

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await write(batch.map((q) => q.event));
        for (const q of batch) q.resolve();
      } catch (error) {
        for (const q of batch) q.reject(error);
      }
    }
    writing = undefined;
  };

  return {
    append(event) {
      if (closed) return Promise.reject(new Error('the audit writer is closed'));
      return new Promise<void>((resolve, reject) => {
        queue.push({ event, resolve, reject });
        writing ??= drain();
      });
    },
    async close() {
      closed = true;
      await writing;
    },
  };
}

/**
 * The events as ONE insert: a fixed statement text (prepared once per connection, like every
 * hot statement) whose one parameter is the batch as a JSON array, inserted in array order.
 * The columns and their meaning are appendAuditEvent's (auditEventInsert); the database still
 * stamps tx_id, and `at` when an event carries none (trigger audit_event_stamp).
 */
export function auditEventsInsert(events: readonly AuditEventInput<AuditAction>[]): SQL {
  const rows = events.map((event) => {
    const actor = event.actor;
    return {
      partnership_id: event.partnershipId ?? actor.partnershipId,
      actor_type: actor.kind,
      actor_id: actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? actor.process : null,
      actor_organisation_id: actor.kind === 'user' ? actor.organisationId : null,
      actor_role: actor.kind === 'user' ? actor.role : null,
      action: event.action,
      outcome: event.outcome,
      subject_type: event.subject?.type ?? null,
      subject_id: event.subject?.id ?? null,
      purpose: event.purpose ?? null,
      agreement_id: event.agreementId ?? null,
      disclosed: event.disclosed ?? null,
      details: event.details,
      request_id: event.requestId ?? null,
      at: event.at ? event.at.toISOString() : null,
    };
  });
  // `order by n` keeps the queue's order: identity values are drawn as the insert takes rows.
  return hotStatement(sql`insert into audit_event (partnership_id, actor_type, actor_id, actor_organisation_id,
          actor_role, action, outcome, subject_type, subject_id, purpose, agreement_id, disclosed, details,
          request_id, at)
        select (e ->> 'partnership_id')::uuid, e ->> 'actor_type', e ->> 'actor_id',
          (e ->> 'actor_organisation_id')::uuid, e ->> 'actor_role', e ->> 'action', e ->> 'outcome',
          e ->> 'subject_type', e ->> 'subject_id', e ->> 'purpose', e ->> 'agreement_id',
          nullif(e -> 'disclosed', 'null'::jsonb), e -> 'details', e ->> 'request_id',
          (e ->> 'at')::timestamptz
        from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as b(e, n)
        order by n`);
}

/** A writer that commits each batch on `db`, which must not be a transaction's handle. */
export function databaseGroupCommitWriter(db: Db, options: GroupCommitOptions = {}): GroupCommitWriter {
  return createGroupCommitWriter(async (events) => {
    await db.execute(auditEventsInsert(events));
  }, options);
}

const writers = new WeakMap<Db, GroupCommitWriter>();

/**
 * Makes reads on `db` (a database handle, never a transaction's) commit their audit through
 * `writer`. Set up where the database is opened (adapters/db/open-database.ts).
 */
export function useGroupCommitForReads(db: Db, writer: GroupCommitWriter): void {
  writers.set(db, writer);
}

/**
 * Appends the audit event of a read (a view, a search, an export: a disclosure, never a change)
 * and resolves once it is durable. The caller awaits it before answering and fails if it
 * rejects (DESIGN.md rule 3). On a handle set up for group commit the event joins the writer's
 * next batch; on a transaction's handle (a read that must share its transaction, such as one
 * that loaded the policy in it) or any other, it is inserted there and then, as
 * appendAuditEvent does. So the caller must not hold a transaction open on a handle with a
 * writer while it waits: on PGlite (one connection) the writer would wait for that transaction.
 */
export function appendReadAuditEvent<A extends AuditAction>(
  db: Db,
  event: AuditEventInput<A>,
): Promise<void> {
  const writer = writers.get(db);
  return writer ? writer.append(event as AuditEventInput<AuditAction>) : appendAuditEvent(db, event);
}
