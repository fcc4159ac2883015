import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { agreementDeps, createActivePair } from '../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { testDatabaseKinds } from '../test/support/test-database.ts';
import { queryRows } from './domain/shared/database.ts';
import { startJobWorkers } from './job-workers.ts';

/**
 * The composition root's jobs, end to end on the queue `tessera serve` starts: today's review
 * reminder run is queued at start, delivered, records what is due, and queues tomorrow's.
 */
for (const kind of testDatabaseKinds()) {
  describe(`the server's job workers (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      await createActivePair(agreementDeps(app), app.database.db);
    });
    after(() => app.close());

    test("today's review reminders run, and tomorrow's wait in the queue", async () => {
      app.clock.set(new Date('2027-03-10T10:00:00Z'));
      const jobs = await startJobWorkers(app.database, agreementDeps(app), {
        pollIntervalMs: 20,
        maintenance: false,
      });
      type Row = { day: string; state: string; start_after: string };
      const runs = () =>
        queryRows<Row>(
          app.database.db,
          sql`select data->>'day' as day, state::text,
                     to_char(start_after at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as start_after
              from pgboss.job
              where name = 'agreements.review-reminders' order by data->>'day'`,
        );
      try {
        const until = Date.now() + 15_000;
        while ((await runs()).length < 2 || (await runs())[0]!.state !== 'completed') {
          assert.ok(Date.now() < until, `the run never finished: ${JSON.stringify(await runs())}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await jobs.stop();
      }
      const [today, tomorrow] = await runs();
      assert.deepEqual([today!.day, today!.state], ['2027-03-10', 'completed']);
      assert.deepEqual([tomorrow!.day, tomorrow!.state], ['2027-03-11', 'created']);
      assert.equal(tomorrow!.start_after, '2027-03-11T00:00:00', 'London midnight (GMT in March)');
      const due = await queryRows<{ reference: string }>(
        app.database.db,
        sql`select details->>'reference' as reference from audit_event where action = 'agreement.review_due'`,
      );
      assert.deepEqual(due, [{ reference: 'T2-001' }]);
    });
  });
}
