import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  openTestDatabase,
  openTestPgliteInFolder,
  testDatabaseKinds,
  type TestDatabaseHandle,
} from '../../../test/support/test-database.ts';
import { queryRows } from '../../domain/shared/database.ts';
import { silentLogger } from '../../domain/shared/deps.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import type { JobCatalogue } from '../../domain/shared/job-queue.ts';
import { openDatabase, type DatabaseHandle } from '../db/open-database.ts';
import { installJobQueue } from './install-job-queue.ts';
import { pgBossJobQueue, type PgBossJobQueue } from './pg-boss-job-queue.ts';

/** Jobs of this suite's own, so it proves the queue and not any one use of it. */
const testJobs = {
  'test.reminder': z.strictObject({ agreement: z.string().min(1) }),
} as const satisfies JobCatalogue;
type TestQueue = PgBossJobQueue<typeof testJobs>;

const quick = { logger: silentLogger, pollIntervalMs: 20, maintenance: false };

/** Waits for a condition the queue makes true by itself; fails after 15 s rather than hang. */
async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) assert.fail(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function jobRow(db: DatabaseHandle['db'], id: string) {
  const [row] = await queryRows<{ state: string; retry_count: number; output: unknown }>(
    db,
    sql`select state::text, retry_count, output from pgboss.job where id = ${id}::uuid`,
  );
  return row;
}

/**
 * An open database that can be closed and opened again, as a restart does: PGlite in a folder
 * of its own; PostgreSQL as another pool on the same database.
 */
interface Reopenable {
  open(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
}

async function reopenable(kind: 'pglite' | 'postgres'): Promise<Reopenable> {
  if (kind === 'pglite') {
    const folder = await mkdtemp(join(tmpdir(), 'tessera-jobs-'));
    const dataDir = join(folder, 'data');
    let first = true;
    return {
      open: async () => {
        if (!first) return openDatabase({ kind: 'pglite', dataDir });
        first = false;
        const handle = await openTestPgliteInFolder(dataDir);
        await installJobQueue(handle, Object.keys(testJobs));
        return handle;
      },
      dispose: () => rm(folder, { recursive: true, force: true }),
    };
  }
  const owner: TestDatabaseHandle = await openTestDatabase('postgres');
  await installJobQueue(owner, Object.keys(testJobs));
  return { open: () => owner.connectAgain(), dispose: () => owner.close() };
}

for (const kind of testDatabaseKinds()) {
  describe(`durable jobs on pg-boss (${kind})`, () => {
    let database: Reopenable;
    let handle: DatabaseHandle;
    let queue: TestQueue;
    before(async () => {
      database = await reopenable(kind);
      handle = await database.open();
    });
    // Each test starts its own queue, so no test's workers outlive it.
    beforeEach(async () => {
      queue = pgBossJobQueue(handle, testJobs, quick);
      await queue.start();
    });
    afterEach(() => queue.stop());
    after(async () => {
      await handle.close();
      await database.dispose();
    });

    test('a job sent before a restart is delivered after it', async () => {
      const id = await queue.send('test.reminder', { agreement: 'T2-014' });
      assert.ok(id);
      // Nobody works the queue; stop it and close the database, as a server shutting down does.
      await queue.stop();
      await handle.close();

      handle = await database.open();
      queue = pgBossJobQueue(handle, testJobs, quick);
      await queue.start();
      const delivered: string[] = [];
      queue.work('test.reminder', async (data, job) => {
        assert.equal(job.id, id);
        delivered.push(data.agreement);
      });
      await eventually(
        async () => ((await jobRow(handle.db, id))?.state === 'completed' ? true : undefined),
        'completed',
      );
      assert.deepEqual(delivered, ['T2-014']);
    });

    test('a handler that throws is tried again, then the job fails with the error kept', async () => {
      let attempts = 0;
      const id = await queue.send('test.reminder', { agreement: 'T1-003' }, { retryLimit: 1 });
      assert.ok(id);
      queue.work('test.reminder', async () => {
        attempts += 1;
        throw new Error('the review register is locked');
      });
      const failed = await eventually(async () => {
        const row = await jobRow(handle.db, id);
        return row?.state === 'failed' ? row : undefined;
      }, 'failed');
      assert.equal(attempts, 2, 'the first run and one retry');
      assert.equal(failed.retry_count, 1);
      const output = failed.output as { error: { name: string; message: string }[] };
      assert.equal(output.error[0]!.message, 'the review register is locked');
      assert.equal(output.error[0]!.name, 'Error');
    });

    test('the same singletonKey sent twice makes one job', async () => {
      const key = 'review:T2-020:2027-03-31';
      const first = await queue.send('test.reminder', { agreement: 'T2-020' }, { singletonKey: key });
      const second = await queue.send('test.reminder', { agreement: 'T2-020' }, { singletonKey: key });
      assert.ok(first);
      assert.equal(second, null);
      const rows = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from pgboss.job where singleton_key = ${key}`,
      );
      assert.equal(rows[0]!.n, 1);
    });

    test('a job is not delivered before its startAfter', async () => {
      const later = await queue.send(
        'test.reminder',
        { agreement: 'T2-031' },
        { startAfter: new Date(Date.now() + 3_600_000) },
      );
      const now = await queue.send('test.reminder', { agreement: 'T2-032' });
      assert.ok(later && now);
      const delivered: string[] = [];
      queue.work('test.reminder', async (data) => {
        delivered.push(data.agreement);
      });
      await eventually(
        async () => ((await jobRow(handle.db, now))?.state === 'completed' ? true : undefined),
        'the job due now ran',
      );
      assert.equal((await jobRow(handle.db, later))?.state, 'created', 'the later job still waits');
      assert.ok(!delivered.includes('T2-031'));
      // Its time comes: the same worker, still polling, now takes it.
      await handle.db.execute(
        sql`update pgboss.job set start_after = now() - interval '1 second' where id = ${later}::uuid`,
      );
      await eventually(
        async () => ((await jobRow(handle.db, later))?.state === 'completed' ? true : undefined),
        'the later job ran',
      );
      assert.ok(delivered.includes('T2-031'));
    });

    test('data that is not what the job takes is refused before anything is written', async () => {
      const before = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from pgboss.job`,
      );
      await assert.rejects(
        queue.send('test.reminder', { agreement: '' }),
        (error: unknown) =>
          error instanceof DomainError &&
          error.code === 'validation_failed' &&
          error.fields?.[0]?.field === 'agreement',
      );
      const afterwards = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from pgboss.job`,
      );
      assert.equal(afterwards[0]!.n, before[0]!.n);
    });
  });
}
