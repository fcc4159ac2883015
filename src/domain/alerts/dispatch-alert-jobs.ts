import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import type { JobQueue } from '../shared/job-queue.ts';
import type { RaisedAlert } from './on-items-ingested.ts';

/**
 * The work that follows raised alerts, queued after their transaction commits (DESIGN.md rule
 * 9): an Operation Encompass notice's escalation at its deadline and, when email is on, an email
 * saying there is something to see. Each job is keyed by its alert, so sending it again (a
 * retried batch, the start-up sweep below) makes nothing new.
 */
export function alertJobDispatcher(jobs: JobQueue, options: { readonly email: boolean }) {
  return async (partnershipId: string, raised: readonly RaisedAlert[]): Promise<void> => {
    for (const alert of raised) {
      const data = { partnershipId, alertId: alert.id };
      if (alert.acknowledgeBy)
        await jobs.send('alerts.escalate-unacknowledged', data, {
          startAfter: alert.acknowledgeBy,
          singletonKey: alert.id,
        });
      if (options.email) await jobs.send('alerts.email', data, { singletonKey: alert.id });
    }
  };
}

/**
 * At start-up: queues the escalation of every unacknowledged notice not yet escalated. A batch
 * committed by a process that stopped before queueing its jobs (the CLI, a kill, the demo seed
 * before the workers start) still escalates on time, or at once if its deadline has passed.
 */
export async function scheduleAlertEscalations(deps: {
  readonly db: Db;
  readonly jobs: JobQueue;
}): Promise<number> {
  const due = await queryRows<{ partnership_id: string; id: string; acknowledge_by: string | Date }>(
    deps.db,
    sql`select a.partnership_id::text, a.id::text, a.acknowledge_by from alert a
        where a.kind = 'operation_encompass' and a.acknowledged_at is null and a.acknowledge_by is not null
          and not exists (select 1 from alert e where e.partnership_id = a.partnership_id
                            and e.source_type = 'alert' and e.source_id = a.id::text)`,
  );
  for (const d of due)
    await deps.jobs.send(
      'alerts.escalate-unacknowledged',
      { partnershipId: d.partnership_id, alertId: d.id },
      { startAfter: new Date(d.acknowledge_by), singletonKey: d.id },
    );
  return due.length;
}
