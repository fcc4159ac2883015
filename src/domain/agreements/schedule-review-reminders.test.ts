import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { agreementDeps, createActivePair } from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../shared/database.ts';
import type { JobQueue, SendJobOptions } from '../shared/job-queue.ts';
import { recordReviewReminders } from './record-review-reminders.ts';
import {
  runReviewReminders,
  scheduleReviewReminders,
  type ReviewReminderDeps,
} from './schedule-review-reminders.ts';

/** The port, in memory: what was sent, as the domain sent it. */
function recordingQueue() {
  const sent: { name: string; data: unknown; options: SendJobOptions | undefined }[] = [];
  const jobs: JobQueue = {
    send: async (name, data, options) => {
      sent.push({ name, data, options });
      return `job-${sent.length}`;
    },
  };
  return { jobs, sent };
}

for (const kind of testDatabaseKinds()) {
  describe(`review reminders (${kind})`, () => {
    let app: TestApp;
    let deps: ReviewReminderDeps;
    let sent: ReturnType<typeof recordingQueue>['sent'];
    const dueEvents = () =>
      queryRows<{ details: Record<string, unknown> }>(
        app.database.db,
        sql`select details from audit_event where action = 'agreement.review_due' order by id`,
      );

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      // T1-001 (review 1 April 2028) and T2-001 (review 1 April 2027), both in force.
      await createActivePair(agreementDeps(app), app.database.db);
      const queue = recordingQueue();
      deps = { ...agreementDeps(app), jobs: queue.jobs };
      sent = queue.sent;
    });
    after(() => app.close());

    test('nothing is recorded while every review date is more than a month away', async () => {
      assert.deepEqual(await recordReviewReminders(deps), { recorded: 0 });
      assert.deepEqual(await dueEvents(), []);
    });

    test('an agreement whose review comes within a month is recorded once, however often the run repeats', async () => {
      app.clock.set(new Date('2027-03-10T10:00:00Z'));
      assert.deepEqual(await recordReviewReminders(deps), { recorded: 1 });
      assert.deepEqual(await recordReviewReminders(deps), { recorded: 0 });
      const events = await dueEvents();
      assert.equal(events.length, 1);
      assert.deepEqual(events[0]!.details, {
        reference: 'T2-001',
        version: 1,
        reviewDate: '2027-04-01',
        daysUntilReview: 22,
      });
      // Past its review date it is not recorded again: the reminder is of that date.
      app.clock.set(new Date('2027-04-02T10:00:00Z'));
      assert.deepEqual(await recordReviewReminders(deps), { recorded: 0 });
    });

    test("at start-up today's run is queued, keyed by its London date", async () => {
      sent.length = 0;
      // 23:30 UTC on 30 June is already 1 July in London (BST).
      app.clock.set(new Date('2027-06-30T23:30:00Z'));
      await scheduleReviewReminders(deps);
      assert.deepEqual(sent, [
        {
          name: 'agreements.review-reminders',
          data: { day: '2027-07-01' },
          options: { singletonKey: '2027-07-01' },
        },
      ]);
    });

    test("each run queues the next day's first, from today however late it ran, at London midnight", async () => {
      sent.length = 0;
      app.clock.set(new Date('2027-03-10T10:00:00Z'));
      // The run for 5 March, delivered on the 10th after the server was down.
      await runReviewReminders(deps, { day: '2027-03-05' });
      assert.deepEqual(sent, [
        {
          name: 'agreements.review-reminders',
          data: { day: '2027-03-11' },
          options: { singletonKey: '2027-03-11', startAfter: new Date('2027-03-11T00:00:00Z') },
        },
      ]);
      sent.length = 0;
      // In summer time London midnight is 23:00 UTC the day before.
      app.clock.set(new Date('2027-07-01T08:00:00Z'));
      await runReviewReminders(deps, { day: '2027-07-01' });
      assert.deepEqual(sent[0]!.options, {
        singletonKey: '2027-07-02',
        startAfter: new Date('2027-07-01T23:00:00Z'),
      });
    });
  });
}
