import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Logger } from '../../domain/shared/deps.ts';
import {
  parseJobData,
  type JobCatalogue,
  type JobHandler,
  type JobQueue,
  type SendJobOptions,
} from '../../domain/shared/job-queue.ts';
import type { DatabaseHandle } from '../db/open-database.ts';
import { safeErrorSummary } from '../logging/safe-error-summary.ts';
import { jobQueueConnection } from './job-queue-connection.ts';

/** pg-boss keeps its tables in a schema of its own, apart from the domain's `public`. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

export interface PgBossJobQueue<C extends JobCatalogue> extends JobQueue<C> {
  /** Checks pg-boss is installed at the version this code expects; never installs it. */
  start(): Promise<void>;
  /** Runs `handler` for each job of `name`, one at a time, from now until stop(). */
  work<N extends keyof C & string>(name: N, handler: JobHandler<C, N>): void;
  /** Stops fetching and waits for the jobs being run to finish. */
  stop(): Promise<void>;
}

export interface PgBossJobQueueOptions {
  readonly logger: Logger;
  /** How long a worker with nothing to do waits before it looks again. */
  readonly pollIntervalMs: number;
  /**
   * pg-boss's maintenance: a job whose worker died while running it (a crash, a kill) is failed
   * once its expiry passes (15 minutes), and so retried; finished jobs are archived and, later,
   * deleted. On in a running server; tests leave it off.
   */
  readonly maintenance: boolean;
}

/**
 * The job queue on pg-boss, on either engine (jobQueueConnection). Workers are our own loop over
 * pg-boss's fetch, complete and fail rather than its `work()`: that loop does not await
 * completing a job, so a job finishing as the database closes would reject unhandled, and it
 * allows no polling faster than half a second. Ours awaits every step, checks each job's data
 * against the catalogue before the handler sees it, and stores only a safe summary of an error
 * (a driver error's message can quote personal data: logging/safe-error-summary.ts).
 */
export function pgBossJobQueue<C extends JobCatalogue>(
  database: DatabaseHandle,
  catalogue: C,
  options: PgBossJobQueueOptions,
): PgBossJobQueue<C> {
  const boss = new PgBoss({
    db: jobQueueConnection(database) as PgBoss.Db,
    schema: JOB_QUEUE_SCHEMA,
    // Installation is `tessera db migrate`'s, as the database owner (install-job-queue.ts).
    migrate: false,
    // pg-boss's cron needs its process up at the minute a schedule falls due, so a job missed
    // while the server was down would never run: recurring work re-sends itself instead.
    schedule: false,
    supervise: options.maintenance,
  });
  boss.on('error', (error: unknown) =>
    options.logger.error({ err: safeErrorSummary(error) }, 'job queue maintenance failed'),
  );
  const loops: Promise<void>[] = [];
  let running = false;
  /** The wake-ups of the workers waiting out their interval, so stop() need not wait for them. */
  const sleeping = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleeping.add(wake);
    });

  const runOne = async <N extends keyof C & string>(name: N, handler: JobHandler<C, N>) => {
    const [job] = await boss.fetch<unknown>(name, { batchSize: 1 });
    if (!job) return false;
    try {
      await handler(parseJobData(catalogue, name, job.data), { id: job.id, name });
      await boss.complete(name, job.id);
    } catch (error) {
      const summary = safeErrorSummary(error);
      options.logger.error({ job: name, jobId: job.id, err: summary }, 'job failed');
      await boss.fail(name, job.id, { error: summary });
    }
    return true;
  };

  return {
    async start() {
      await boss.start();
      running = true;
    },

    async send(name, data, sendOptions: SendJobOptions = {}) {
      const checked = parseJobData(catalogue, name, data) as object;
      return boss.send(name, checked, {
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey
          ? { id: jobIdFor(name, sendOptions.singletonKey), singletonKey: sendOptions.singletonKey }
          : {}),
        ...(sendOptions.retryLimit !== undefined ? { retryLimit: sendOptions.retryLimit } : {}),
      });
    },

    work(name, handler) {
      if (!running) throw new Error('start the job queue before its workers');
      const loop = async () => {
        while (running) {
          let worked = false;
          try {
            worked = await runOne(name, handler);
          } catch (error) {
            // The database was out of reach: log it and look again after the interval.
            options.logger.error({ job: name, err: safeErrorSummary(error) }, 'job fetch failed');
          }
          if (!worked && running) await pause(options.pollIntervalMs);
        }
      };
      loops.push(loop());
    },

    async stop() {
      running = false;
      for (const wake of [...sleeping]) wake();
      await Promise.all(loops);
      loops.length = 0;
      await boss.stop({ graceful: false, close: false });
    },
  };
}

/**
 * A singletonKey's job id: the same name and key always give the same id, and pg-boss inserts a
 * job whose id is taken as nothing (ON CONFLICT DO NOTHING), so sending twice makes one job for
 * as long as the first is kept (until pg-boss archives it, 12 hours after it finished). pg-boss's
 * own singletonKey only dedupes through a queue policy (`short`, `stately`), and those policies
 * also allow one keyless job at a time, which would drop ordinary jobs: so the queues are
 * `standard` and the key works through the id. A UUID of version 5's layout, from SHA-256.
 */
export function jobIdFor(name: string, singletonKey: string): string {
  const bytes = createHash('sha256').update(`${name}\n${singletonKey}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
