import PgBoss from 'pg-boss';
import { jobCatalogue } from '../../domain/shared/job-queue.ts';
import type { DatabaseHandle } from '../db/open-database.ts';
import { jobQueueConnection } from './job-queue-connection.ts';
import { JOB_QUEUE_SCHEMA } from './pg-boss-job-queue.ts';

const QUEUE_POLICY = 'standard';

/** Every queue Tessera works: one per job of the catalogue. */
export const jobQueueNames: readonly string[] = Object.keys(jobCatalogue).sort();

/**
 * Creates pg-boss's schema (or migrates it to this pg-boss's version) and a queue per job, as
 * the database owner (tests name queues of their own): part of migrating (adapters/db/migrate-database.ts), never done by a
 * server, whose role may not create tables (DESIGN.md rule 3). pg-boss takes an advisory lock
 * for it, so two instances migrating at once do not collide; creating a queue that exists does
 * nothing. Queues are `standard`: a singletonKey is made idempotent through the job's id
 * (jobIdFor in pg-boss-job-queue.ts).
 */
export async function installJobQueue(
  owner: DatabaseHandle,
  names: readonly string[] = jobQueueNames,
): Promise<void> {
  const boss = new PgBoss({
    db: jobQueueConnection(owner) as PgBoss.Db,
    schema: JOB_QUEUE_SCHEMA,
    migrate: true,
    schedule: false,
    supervise: false,
  });
  await boss.start();
  try {
    for (const name of names) await boss.createQueue(name, { name, policy: QUEUE_POLICY });
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

/** What installJobQueue makes, as text: a template database built before it changed is stale. */
export function jobQueueInstallation(): string {
  return [PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA), QUEUE_POLICY, ...jobQueueNames].join('\n');
}
