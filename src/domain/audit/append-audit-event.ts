import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { AuditAction, AuditDetailsByAction, AuditOutcome } from './actions.ts';
import { auditEvent } from './schema.ts';

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
 */
export async function appendAuditEvent<A extends AuditAction>(
  db: Db,
  event: AuditEventInput<A>,
): Promise<void> {
  const actor = event.actor;
  await db.insert(auditEvent).values({
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
