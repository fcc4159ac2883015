import { sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { partnership } from '../partnership/schema.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { activeVersion, versionStatus } from './agreement-status.ts';
import { addDays, daysBetween, londonDate } from './calendar-dates.ts';
import { loadAgreements } from './load-agreements.ts';

/** How far ahead a review is flagged: a month leaves time to bring the parties together. */
export const REVIEW_REMINDER_DAYS = 30;

const reviewable = new Set(['active', 'review_due', 'suspended']);

/**
 * Records that an agreement is due for review (`agreement.review_due`), once for each version
 * in force and review date, when that date has passed or falls within REVIEW_REMINDER_DAYS.
 * Regular review is what keeps sharing necessary and proportionate (ICO data sharing code,
 * "review"; ICO 10 step guide, step 6); the event is the partnership's record that it was due,
 * for the data protection officers who read the audit log and for notifications to come. Run
 * by the daily job (schedule-review-reminders.ts): a run repeated (a retry, a restart) records
 * nothing twice, and an amendment with a new review date is flagged again in its turn.
 */
export async function recordReviewReminders(deps: Deps): Promise<{ recorded: number }> {
  const now = deps.clock.now();
  const today = londonDate(now);
  const horizon = addDays(today, REVIEW_REMINDER_DAYS);
  let recorded = 0;
  for (const { id } of await deps.db.select({ id: partnership.id }).from(partnership)) {
    const partnershipId = id as PartnershipId;
    recorded += await deps.db.transaction(async (tx) => {
      // One run at a time per partnership, so two runs cannot both find a reminder missing.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tessera.review-due:${partnershipId}`}))`);
      const done = new Set(
        (
          await queryRows<{ key: string }>(
            tx,
            sql`select subject_id || '|' || (details->>'version') || '|' || (details->>'reviewDate') as key
                from audit_event
                where partnership_id = ${partnershipId} and action = 'agreement.review_due'`,
          )
        ).map((r) => r.key),
      );
      let written = 0;
      for (const a of await loadAgreements(tx, partnershipId)) {
        const inForce = activeVersion(a);
        if (!inForce || !reviewable.has(versionStatus(a, inForce, now))) continue;
        const { reviewDate } = inForce.content;
        if (reviewDate > horizon || done.has(`${a.id}|${inForce.version}|${reviewDate}`)) continue;
        await appendAuditEvent(tx, {
          actor: systemActor(partnershipId, 'review-reminders'),
          action: 'agreement.review_due',
          outcome: 'success',
          details: {
            reference: a.reference,
            version: inForce.version,
            reviewDate,
            daysUntilReview: daysBetween(today, reviewDate),
          },
          subject: { type: 'agreement', id: a.id },
          agreementId: a.id,
        });
        written += 1;
      }
      return written;
    });
  }
  return { recorded };
}
