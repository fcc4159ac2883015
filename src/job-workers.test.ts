import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { agreementDeps, createActivePair } from '../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { testDatabaseKinds } from '../test/support/test-database.ts';
import { queryRows } from './domain/shared/database.ts';
import { startJobWorkers } from './job-workers.ts';
import { raiseAlert } from './domain/alerts/raise-alert.ts';
import { demoOrganisations, demoPartnership } from './domain/demo/northshire.ts';
import { systemActor } from './domain/shared/actor.ts';
import type { PartnershipId } from './domain/shared/ids.ts';

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

    test('an Operation Encompass notice unacknowledged at its deadline is escalated by its job', async () => {
      app.clock.set(new Date('2026-11-23T09:00:00Z'));
      const actor = systemActor(demoPartnership.id as PartnershipId, 'test');
      const school = demoOrganisations.find((o) => o.key === 'school')!.id;
      const police = demoOrganisations.find((o) => o.key === 'police')!.id;
      const noticeId = await app.database.db.transaction((tx) =>
        raiseAlert(tx, actor, {
          kind: 'operation_encompass',
          to: { organisationId: school, role: 'designated_safeguarding_lead' },
          content: {
            reportedBy: { organisationId: police, name: 'Northshire Police' },
            incidentAt: '2026-11-20',
            schoolDay: '2026-11-23',
          },
          source: { type: 'domestic_abuse_notification', id: '2c1b4d2f-0000-4000-8000-00000000da02' },
          raisedAt: new Date('2026-11-20T18:00:00Z'),
          acknowledgeBy: new Date('2026-11-23T08:40:00Z'),
        }),
      );
      // Raised with no queue at hand (as the demo seed and the CLI do): the workers' start queues
      // its escalation, already due.
      const jobs = await startJobWorkers(app.database, agreementDeps(app), {
        pollIntervalMs: 20,
        maintenance: false,
      });
      const escalations = () =>
        queryRows<{ recipient_role: string }>(
          app.database.db,
          sql`select recipient_role from alert where source_type = 'alert' and source_id = ${noticeId}`,
        );
      try {
        const until = Date.now() + 15_000;
        while ((await escalations()).length === 0) {
          assert.ok(Date.now() < until, 'the notice was never escalated');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await jobs.stop();
      }
      assert.deepEqual(await escalations(), [{ recipient_role: 'team_manager' }]);
    });
  });
}
