import type { Deps } from '../shared/deps.ts';
import type { JobQueue } from '../shared/job-queue.ts';
import { addDays, londonDate, startOfLondonDay } from './calendar-dates.ts';
import { recordReviewReminders } from './record-review-reminders.ts';

export interface ReviewReminderDeps extends Deps {
  readonly jobs: JobQueue;
}

/**
 * At start-up: queues today's run of the review reminders. Each London day's run is one job,
 * keyed by its date, so whoever sends it (each start, each instance, the day before's run)
 * makes it once. The queue keeps it in the database: a server that was down at midnight runs
 * it when it starts, which a timer or pg-boss's cron (which fires only while its process is up
 * at that minute) would not.
 */
export async function scheduleReviewReminders(deps: ReviewReminderDeps): Promise<void> {
  const today = londonDate(deps.clock.now());
  await deps.jobs.send('agreements.review-reminders', { day: today }, { singletonKey: today });
}

/**
 * The job: first queue the next day's run (from today, however late this one ran, so a server
 * down for a week does not replay each missed day), so that a failure here cannot end the chain;
 * then record the reminders. A failure is retried by the queue.
 */
export async function runReviewReminders(
  deps: ReviewReminderDeps,
  data: { readonly day: string },
): Promise<{ recorded: number }> {
  const today = londonDate(deps.clock.now());
  const next = addDays(data.day > today ? data.day : today, 1);
  await deps.jobs.send(
    'agreements.review-reminders',
    { day: next },
    { singletonKey: next, startAfter: startOfLondonDay(next) },
  );
  return recordReviewReminders(deps);
}
