import { sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { alertsOfRecipient } from './alert-recipient-filter.ts';

/**
 * A recipient says they have seen the alert and are acting on it, with its `alert.acknowledged`
 * event in the same transaction (DESIGN.md rule 3). Only a recipient may: anyone else's attempt,
 * like an id that names nothing, answers "not found" and is audited as a refusal (DESIGN.md
 * rule 2). Acknowledging twice changes nothing and answers the first acknowledgement, so a
 * double click is harmless. An Operation Encompass notice acknowledged in time stops its
 * escalation (escalate-unacknowledged-alert.ts reads acknowledged_at under the row's lock).
 */
export async function acknowledgeAlert(
  deps: Deps,
  actor: Actor,
  alertId: string,
): Promise<{ acknowledgedAt: string }> {
  const at = deps.clock.now();
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(alertId);
  const result = await deps.db.transaction(async (tx) => {
    const [alert] =
      actor.kind === 'user' && isUuid
        ? await queryRows<{
            kind: string;
            acknowledged_at: string | Date | null;
            acknowledge_by: string | Date | null;
          }>(
            tx,
            sql`select a.kind, a.acknowledged_at, a.acknowledge_by from alert a
                where ${alertsOfRecipient(actor)} and a.id = ${alertId}::uuid
                for update`,
          )
        : [];
    if (!alert) {
      await appendAuditEvent(tx, {
        actor,
        action: 'access.denied',
        outcome: 'failure',
        at,
        details: {
          attempted: 'alert.acknowledge',
          reason: actor.kind === 'user' ? 'no_such_subject' : 'system_actor',
        },
      });
      return null;
    }
    if (alert.acknowledged_at !== null)
      return { acknowledgedAt: new Date(alert.acknowledged_at).toISOString() };
    if (actor.kind !== 'user') return null;
    await tx.execute(
      sql`update alert set acknowledged_at = ${at.toISOString()}::timestamptz, acknowledged_by_user_id = ${actor.userId}
          where partnership_id = ${actor.partnershipId} and id = ${alertId}::uuid`,
    );
    const late = alert.acknowledge_by !== null && at.getTime() > new Date(alert.acknowledge_by).getTime();
    await appendAuditEvent(tx, {
      actor,
      action: 'alert.acknowledged',
      outcome: 'success',
      at,
      details: { alertId, kind: alert.kind, late },
    });
    return { acknowledgedAt: at.toISOString() };
  });
  if (!result) throw notFound('The alert');
  return result;
}
