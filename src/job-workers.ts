import { pgBossJobQueue, type PgBossJobQueue } from './adapters/jobs/pg-boss-job-queue.ts';
import {
  runReviewReminders,
  scheduleReviewReminders,
} from './domain/agreements/schedule-review-reminders.ts';
import { runCheckEscalation } from './domain/requests/check-escalation.ts';
import type { AlertMailer } from './domain/alerts/alert-mailer.ts';
import { emailAlert } from './domain/alerts/email-alert.ts';
import { escalateUnacknowledgedAlert } from './domain/alerts/escalate-unacknowledged-alert.ts';
import { alertJobDispatcher, scheduleAlertEscalations } from './domain/alerts/dispatch-alert-jobs.ts';
import type { Deps } from './domain/shared/deps.ts';
import { jobCatalogue, type TesseraJobs } from './domain/shared/job-queue.ts';
import type { DatabaseHandle } from './adapters/db/open-database.ts';

export interface JobWorkerOptions {
  /** How long an idle worker waits before it looks for jobs again. */
  readonly pollIntervalMs: number;
  /** pg-boss's maintenance (expiring, archiving); on in a server, off in tests. */
  readonly maintenance: boolean;
  /** Email that there is something to see (alerts/email-alert.ts); off when not configured. */
  readonly email?: { readonly mailer: AlertMailer; readonly publicUrl: string } | undefined;
}

/**
 * Part of the composition root: opens the job queue on the server's database and registers the
 * handler of every job in the catalogue, then queues today's recurring runs. The queue must be
 * installed already (`tessera db migrate`; on the embedded database and a single role, the
 * start's own migration): a server never creates pg-boss's tables. Runs in `tessera serve` on
 * both engines; every instance works the same queues and each job is delivered to one of them.
 */
export async function startJobWorkers(
  database: DatabaseHandle,
  deps: Deps,
  options: JobWorkerOptions,
): Promise<PgBossJobQueue<TesseraJobs> & { afterAlertsRaised: ReturnType<typeof alertJobDispatcher> }> {
  const jobs = pgBossJobQueue(database, jobCatalogue, { logger: deps.logger, ...options });
  try {
    await jobs.start();
  } catch (error) {
    throw new Error('the job queue is not installed at this version: run tessera db migrate', {
      cause: error,
    });
  }
  const dispatch = alertJobDispatcher(jobs, { email: options.email !== undefined });
  const handlers = {
    'agreements.review-reminders': async (data) => {
      const { recorded } = await runReviewReminders({ ...deps, jobs }, data);
      if (recorded > 0) deps.logger.info({ recorded }, 'agreements due for review recorded');
    },
    'requests.escalate': async (data) => {
      if (await runCheckEscalation(deps, data))
        deps.logger.info({ stage: data.stage }, 'partner check escalated');
    },
    'alerts.escalate-unacknowledged': async (data) => {
      const escalated = await escalateUnacknowledgedAlert(deps, data);
      if (escalated)
        await dispatch(data.partnershipId, [
          { id: escalated, kind: 'operation_encompass_unacknowledged', acknowledgeBy: null },
        ]);
    },
    'alerts.email': async (data) => {
      if (!options.email) return;
      await emailAlert({ ...deps, ...options.email }, data);
    },
  } satisfies { [N in keyof TesseraJobs]: Parameters<typeof jobs.work<N>>[1] };
  const register = <N extends keyof TesseraJobs>(name: N) => jobs.work(name, handlers[name] as never);
  for (const name of Object.keys(handlers) as (keyof TesseraJobs)[]) register(name);
  await scheduleReviewReminders({ ...deps, jobs });
  await scheduleAlertEscalations({ db: deps.db, jobs });
  return Object.assign(jobs, { afterAlertsRaised: dispatch });
}
