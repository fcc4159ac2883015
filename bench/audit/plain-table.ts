import { sql } from 'drizzle-orm';
import { bigint, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/domain/shared/database.ts';
import type { AnyAuditEvent } from './events.ts';

/**
 * The baseline: what an ordinary log table would be. The same columns as audit_event, less what
 * tamper evidence adds (tx_id, the stamping trigger, the seal-order index, the append-only
 * triggers) and the query indexes, so the ratio chained/plain prices the audit design.
 */
export const createPlainTableSql = `create table bench_plain_event (
  partnership_id uuid not null,
  id bigint generated always as identity,
  at timestamptz not null default clock_timestamp(),
  actor_type text not null, actor_id text, actor_organisation_id uuid, actor_role text,
  action text not null, outcome text not null, subject_type text, subject_id text, purpose text,
  agreement_id text, disclosed jsonb, details jsonb not null default '{}'::jsonb, request_id text,
  primary key (partnership_id, id)
)`;

const plainEvent = pgTable('bench_plain_event', {
  partnershipId: uuid('partnership_id').notNull(),
  id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true })
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
  details: jsonb('details').notNull(),
  requestId: text('request_id'),
});

/** Mirrors appendAuditEvent's mapping exactly, so both paths send the same payload. */
export async function insertPlainEvent(db: Db, event: AnyAuditEvent): Promise<void> {
  const actor = event.actor;
  await db.insert(plainEvent).values({
    partnershipId: event.partnershipId ?? actor.partnershipId,
    actorType: actor.kind,
    actorId: actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? actor.process : null,
    actorOrganisationId: actor.kind === 'user' ? actor.organisationId : null,
    actorRole: actor.kind === 'user' ? actor.role : null,
    action: event.action,
    outcome: event.outcome,
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    purpose: event.purpose ?? null,
    agreementId: event.agreementId ?? null,
    disclosed: event.disclosed ? [...event.disclosed] : null,
    details: event.details,
    requestId: event.requestId ?? null,
  });
}
