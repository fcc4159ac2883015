import { sql } from 'drizzle-orm';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { AlertContent } from './alert-kinds.ts';
import { raiseAlert } from './raise-alert.ts';

/**
 * The job `alerts.escalate-unacknowledged`, queued for an Operation Encompass notice's deadline
 * (the start of the next school day): if no one has acknowledged the notice by then, the
 * school's team managers are told (operation_encompass_unacknowledged: alert-kinds.ts gives the
 * reason for that role). Under the notice's row lock, so an acknowledgement racing the deadline
 * either lands first and nothing is raised, or after, and the escalation stands. Run twice (a
 * retry), raiseAlert keeps one escalation. Answers the escalation's id, or null.
 */
export async function escalateUnacknowledgedAlert(
  deps: Deps,
  data: { readonly partnershipId: string; readonly alertId: string },
): Promise<string | null> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [notice] = await queryRows<{
      kind: string;
      content: AlertContent<'operation_encompass'>;
      subject_id: string | null;
      recipient_organisation_id: string;
      acknowledge_by: string | Date | null;
      acknowledged_at: string | Date | null;
    }>(
      tx,
      sql`select kind, content, subject_id, recipient_organisation_id::text, acknowledge_by, acknowledged_at
          from alert where partnership_id = ${data.partnershipId} and id = ${data.alertId}
          for update`,
    );
    if (!notice || notice.kind !== 'operation_encompass' || notice.acknowledged_at !== null) return null;
    if (notice.acknowledge_by === null) return null;
    const due = new Date(notice.acknowledge_by);
    // Delivered early (a clock ahead of the database's): not yet due, so nothing to escalate.
    if (now.getTime() < due.getTime()) return null;
    return raiseAlert(tx, systemActor(data.partnershipId as PartnershipId, 'alert-escalation'), {
      kind: 'operation_encompass_unacknowledged',
      to: { organisationId: notice.recipient_organisation_id, role: 'team_manager' },
      subjectId: notice.subject_id ?? undefined,
      content: {
        alertId: data.alertId,
        reportedBy: notice.content.reportedBy,
        incidentAt: notice.content.incidentAt,
        acknowledgeBy: due.toISOString(),
      },
      source: { type: 'alert', id: data.alertId },
      raisedAt: now,
    });
  });
}
