import { sql } from 'drizzle-orm';
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

/** Mirrors appendAuditEvent's statement exactly, so both paths send the same payload the same way. */
export async function insertPlainEvent(db: Db, event: AnyAuditEvent): Promise<void> {
  const actor = event.actor;
  const partnershipId = event.partnershipId ?? actor.partnershipId;
  const actorId = actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? actor.process : null;
  const actorOrganisationId = actor.kind === 'user' ? actor.organisationId : null;
  const actorRole = actor.kind === 'user' ? actor.role : null;
  const disclosed = event.disclosed ? JSON.stringify(event.disclosed) : null;
  await db.execute(
    sql`insert into bench_plain_event (partnership_id, actor_type, actor_id, actor_organisation_id, actor_role,
          action, outcome, subject_type, subject_id, purpose, agreement_id, disclosed, details, request_id)
        values (${partnershipId}::uuid, ${actor.kind}, ${actorId}, ${actorOrganisationId}::uuid, ${actorRole},
          ${event.action}, ${event.outcome}, ${event.subject?.type ?? null}, ${event.subject?.id ?? null},
          ${event.purpose ?? null}, ${event.agreementId ?? null}, ${disclosed}::jsonb,
          ${JSON.stringify(event.details)}::jsonb, ${event.requestId ?? null})`,
  );
}
