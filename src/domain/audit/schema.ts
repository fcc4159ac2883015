import { sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The audit log (DESIGN.md rule 3). Three insert-only tables, guarded by triggers in
 * drizzle/0001_audit_append_only.sql so that no role can UPDATE, DELETE or TRUNCATE them:
 *
 * - audit_event: written in the same transaction as the act it records. No hash is computed on
 *   this path, so appends never wait on a shared "latest hash" row.
 * - audit_chain: the sealer links events into a hash chain per partnership, in commit order.
 * - audit_checkpoint: every so often the sealer signs a Merkle root over a run of chain hashes.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    /** The writing transaction's id, set by trigger: the sealer orders by it (see seal-audit-events.ts). */
    txId: bigint('tx_id', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    at: timestamp('at', { withTimezone: true, precision: 6 })
      .notNull()
      .default(sql`clock_timestamp()`),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    purpose: text('purpose'),
    agreementId: text('agreement_id'),
    disclosed: jsonb('disclosed'),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    index('audit_event_seal_order').on(t.partnershipId, t.txId, t.id),
    index('audit_event_subject').on(t.partnershipId, t.subjectType, t.subjectId, t.at),
    index('audit_event_actor').on(t.partnershipId, t.actorId, t.at),
  ],
);

export const auditChain = pgTable(
  'audit_chain',
  {
    partnershipId: uuid('partnership_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    eventTxId: bigint('event_tx_id', { mode: 'number' }).notNull(),
    /** SHA-256 (hex) of the event's canonical form. */
    eventDigest: text('event_digest').notNull(),
    /** SHA-256 (hex) of previous hash, seq and event digest. */
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.seq] }),
    uniqueIndex('audit_chain_event').on(t.partnershipId, t.eventId),
    // A chain entry links an event that exists. Both tables are insert-only, so the key never
    // acts on a delete; RESTRICT states that nothing here may ever cascade.
    foreignKey({
      name: 'audit_chain_event_fk',
      columns: [t.partnershipId, t.eventId],
      foreignColumns: [auditEvent.partnershipId, auditEvent.id],
    }).onDelete('restrict'),
  ],
);

export const auditCheckpoint = pgTable(
  'audit_checkpoint',
  {
    partnershipId: uuid('partnership_id').notNull(),
    seqTo: bigint('seq_to', { mode: 'number' }).notNull(),
    seqFrom: bigint('seq_from', { mode: 'number' }).notNull(),
    eventCount: integer('event_count').notNull(),
    merkleRoot: text('merkle_root').notNull(),
    chainHead: text('chain_head').notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.seqTo] })],
);
