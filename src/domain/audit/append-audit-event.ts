import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { AuditAction, AuditDetailsByAction, AuditOutcome } from './actions.ts';

/** Who did it when there is no signed-in actor yet (a failed sign-in). */
export type AuditActor = Actor | { readonly kind: 'anonymous'; readonly partnershipId: PartnershipId };

export interface AuditEventInput<A extends AuditAction> {
  readonly actor: AuditActor;
  readonly action: A;
  readonly outcome: AuditOutcome;
  readonly details: AuditDetailsByAction[A];
  readonly subject?: { readonly type: string; readonly id: string };
  readonly purpose?: string;
  readonly agreementId?: string;
  /** The field groups actually disclosed, for reads of subject data. */
  readonly disclosed?: readonly string[];
  readonly requestId?: string;
  /** Overrides the actor's partnership, e.g. a platform admin acting on a new partnership. */
  readonly partnershipId?: PartnershipId;
}

/**
 * Appends one audit event. Call it with the transaction that performs the act (DESIGN.md rule 3):
 * if this insert fails, the act fails with it. Time and transaction id are set by the database
 * (trigger audit_event_stamp), never by the caller.
 *
 * Written as one fixed SQL statement rather than through the query builder: it runs in every
 * request, and building the insert cost about eight times as much CPU as this (bench/audit).
 */
export async function appendAuditEvent<A extends AuditAction>(
  db: Db,
  event: AuditEventInput<A>,
): Promise<void> {
  await db.execute(auditEventInsert(event));
}

/**
 * The insert itself, for a caller that writes its act and its audit event in ONE statement (a
 * data-modifying CTE, e.g. people/link-writes.ts). `details` replaces the event's details with
 * an SQL expression, for a figure only the same statement knows (how many rows it queued).
 */
export function auditEventInsert<A extends AuditAction>(event: AuditEventInput<A>, details?: SQL): SQL {
  const actor = event.actor;
  const partnershipId = event.partnershipId ?? actor.partnershipId;
  const actorId = actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? actor.process : null;
  const actorOrganisationId = actor.kind === 'user' ? actor.organisationId : null;
  const actorRole = actor.kind === 'user' ? actor.role : null;
  const disclosed = event.disclosed ? JSON.stringify(event.disclosed) : null;
  return sql`insert into audit_event (partnership_id, actor_type, actor_id, actor_organisation_id, actor_role,
          action, outcome, subject_type, subject_id, purpose, agreement_id, disclosed, details, request_id)
        values (${partnershipId}::uuid, ${actor.kind}, ${actorId}, ${actorOrganisationId}::uuid, ${actorRole},
          ${event.action}, ${event.outcome}, ${event.subject?.type ?? null}, ${event.subject?.id ?? null},
          ${event.purpose ?? null}, ${event.agreementId ?? null}, ${disclosed}::jsonb,
          ${details ?? sql`${JSON.stringify(event.details)}::jsonb`}, ${event.requestId ?? null})`;
}
