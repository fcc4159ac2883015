import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { SUBJECT_TYPE } from './policy-access.ts';
import type { Purpose } from './purposes.ts';

/**
 * Not-found reads per user: 20 in 10 minutes. A practitioner reaches a child from search or a
 * link, so a not-found is a stale link or a typing slip, a few a day; a run of them is someone
 * trying ids to learn who is known (issue 13 point 9: 300 random ids drew no limit). Past the
 * limit every read by that user is refused for a while, whatever the id, so the refusal itself
 * says nothing about any child (DESIGN.md rule 2).
 */
export const notFoundViewRule = { limit: 20, windowMs: 10 * 60_000 } as const;

/** A per-user sliding window (identity/rate-limiter.ts's SlidingWindowLimiter satisfies it). */
export interface NotFoundViewLimiter {
  /** Counts one not-found; false if the user was already at the limit. */
  tryAcquire(key: string): boolean;
  /** 0 while the user is under the limit, else how long until they may read again. */
  retryAfterMs(key: string): number;
}

/**
 * Runs one read of subject data under the user's not-found limit: refused at once (audited,
 * 429) while the user is over it; a read that answers not found is counted, and the count that
 * reaches the limit is recorded as an `access.anomaly` for the data protection officer's
 * anomaly review (the event, not this process's memory, is what the alerts read).
 */
export async function limitNotFoundViews<T>(
  deps: { readonly db: Db; readonly notFoundViews?: NotFoundViewLimiter | undefined },
  actor: Actor,
  attempt: { readonly purpose: Purpose; readonly subjectId: string; readonly at: Date },
  read: () => Promise<T>,
): Promise<T> {
  const limiter = deps.notFoundViews;
  if (!limiter || actor.kind !== 'user') return read();
  const key = `${actor.partnershipId}|${actor.userId}`;
  const waitMs = limiter.retryAfterMs(key);
  if (waitMs > 0) {
    await appendAuditEvent(deps.db, {
      actor,
      action: 'access.denied',
      outcome: 'denied',
      subject: { type: SUBJECT_TYPE, id: attempt.subjectId },
      purpose: attempt.purpose,
      at: attempt.at,
      details: { attempted: 'subject.read', reason: 'rate_limited' },
    });
    throw new DomainError(
      'rate_limited',
      'You have opened too many records that could not be found. Wait a few minutes and try again',
      {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      },
    );
  }
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      limiter.tryAcquire(key);
      if (limiter.retryAfterMs(key) > 0)
        await appendAuditEvent(deps.db, {
          actor,
          action: 'access.anomaly',
          outcome: 'denied',
          at: attempt.at,
          details: {
            kind: 'repeated_not_found',
            count: notFoundViewRule.limit,
            windowMinutes: notFoundViewRule.windowMs / 60_000,
          },
        });
    }
    throw error;
  }
}
