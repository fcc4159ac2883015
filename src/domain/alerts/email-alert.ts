import { sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { alertEmail, type AlertMailer } from './alert-mailer.ts';

export interface EmailAlertDeps extends Deps {
  readonly mailer: AlertMailer;
  /** Where Tessera is served, for the link to the inbox. */
  readonly publicUrl: string;
}

/**
 * The job `alerts.email`: tells each recipient of an alert that there is something to see in
 * Tessera (alert-mailer.ts). Runs after the alert's transaction committed, never inside it, so
 * a slow or failing mail server never holds up or undoes an ingest. Recipients are the alert's
 * user, or the active members holding its role in its organisation now; one message each, so
 * no one learns who else was told. An acknowledged alert sends nothing. `alert.emailed` names
 * whom, and is committed before any message leaves (DESIGN.md rule 3).
 */
export async function emailAlert(
  deps: EmailAlertDeps,
  data: { readonly partnershipId: string; readonly alertId: string },
): Promise<{ sent: number }> {
  const recipients = await queryRows<{ user_id: string; email: string }>(
    deps.db,
    sql`select distinct u.id::text as user_id, u.email
        from alert a
        join membership m on m.partnership_id = a.partnership_id and m.organisation_id = a.recipient_organisation_id
          and m.ended_at is null
          and (m.user_id = a.recipient_user_id or (a.recipient_user_id is null and m.role = a.recipient_role))
        join app_user u on u.partnership_id = m.partnership_id and u.id = m.user_id
        where a.partnership_id = ${data.partnershipId} and a.id = ${data.alertId} and a.acknowledged_at is null
        order by u.id::text`,
  );
  if (recipients.length === 0) return { sent: 0 };
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, {
      actor: systemActor(data.partnershipId as PartnershipId, 'alert-email'),
      action: 'alert.emailed',
      outcome: 'success',
      at: deps.clock.now(),
      details: { alertId: data.alertId, recipientUserIds: recipients.map((r) => r.user_id) },
    }),
  );
  const message = alertEmail(deps.publicUrl);
  for (const r of recipients) await deps.mailer.send({ to: r.email, ...message });
  return { sent: recipients.length };
}
