import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import { hotStatement, type Db } from '../shared/database.ts';
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
  /**
   * The instant the act was decided at, by the one clock that decided it (DESIGN.md rule 6:
   * never two clocks in one decision). The policy passes the time it judged the agreements at,
   * so an event never shows a disclosure at a moment the agreements did not allow it (a read
   * decided at 23:59:59.9 on an agreement's last day and stamped 00:00:00.1 by another clock
   * would). Without it, the database stamps its own time.
   */
  readonly at?: Date;
}

/**
 * Appends one audit event. Call it with the transaction that performs the act (DESIGN.md rule 3):
 * if this insert fails, the act fails with it. The transaction id is set by the database
 * (trigger audit_event_stamp), never by the caller; the time is the decision's (`at`) or else
 * the database's.
 *
 * Written as one fixed SQL statement rather than through the query builder: it runs in every
 * request, and building the insert cost about eight times as much CPU as this (bench/audit).
 */
export async function appendAuditEvent<A extends AuditAction>(
  db: Db,
  event: AuditEventInput<A>,
): Promise<void> {
  await db.execute(hotStatement(auditEventInsert(event)));
}

/**
 * Parts of an event only the statement itself can know, as SQL over its own CTEs: an act folded
 * into one statement with its audit event (a data-modifying CTE) computes what it disclosed from
 * the rows it read, and inserts the event only if `when` holds.
 */
export interface AuditEventSql {
  readonly disclosed?: SQL;
  readonly details?: SQL;
  readonly agreementId?: SQL;
  readonly when?: SQL;
}

/**
 * The insert of one audit event as SQL, to run alone or as a data-modifying CTE of the statement
 * that performs the act: then the act and its event are one statement and one implicit
 * transaction, one round trip instead of BEGIN, act, insert, COMMIT (bench/view).
 */
export function auditEventInsert<A extends AuditAction>(
  event: AuditEventInput<A> | Omit<AuditEventInput<A>, 'details'>,
  computed: AuditEventSql = {},
): SQL {
  const actor = event.actor;
  const partnershipId = event.partnershipId ?? actor.partnershipId;
  const actorId = actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? actor.process : null;
  const actorOrganisationId = actor.kind === 'user' ? actor.organisationId : null;
  const actorRole = actor.kind === 'user' ? actor.role : null;
  const disclosed =
    computed.disclosed ?? sql`${event.disclosed ? JSON.stringify(event.disclosed) : null}::jsonb`;
  const details = computed.details ?? sql`${JSON.stringify('details' in event ? event.details : {})}::jsonb`;
  const agreementId = computed.agreementId ?? sql`${event.agreementId ?? null}`;
  const at = event.at ? event.at.toISOString() : null;
  return sql`insert into audit_event (partnership_id, actor_type, actor_id, actor_organisation_id, actor_role,
          action, outcome, subject_type, subject_id, purpose, agreement_id, disclosed, details, request_id, at)
        select ${partnershipId}::uuid, ${actor.kind}, ${actorId}, ${actorOrganisationId}::uuid, ${actorRole},
          ${event.action}, ${event.outcome}, ${event.subject?.type ?? null}, ${event.subject?.id ?? null},
          ${event.purpose ?? null}, ${agreementId}, ${disclosed}, ${details}, ${event.requestId ?? null},
          ${at}::timestamptz
        ${computed.when === undefined ? sql`` : sql`where ${computed.when}`}`;
}
