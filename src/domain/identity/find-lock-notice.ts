import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';

/** What the account holder is told on signing in after their account was locked. */
export interface LockNotice {
  /** When the (latest) lock began, by the audit log's clock. */
  readonly lockedAt: Date;
  /** Failed sign-ins to this account since its last successful one, including tries while locked. */
  readonly failedAttempts: number;
}

/**
 * Whether this account was locked since its holder last signed in, read from the audit log
 * (`session.account_locked` and `session.sign_in_failed` name the account as their subject), so
 * the notice survives a restart of the in-memory limiter. Told only to the holder, after a
 * correct password: someone trying an address learns nothing from it (NCSC: tell users about
 * failed attempts on their account so they can report what they did not do).
 */
export async function findLockNotice(
  db: Db,
  partnershipId: string,
  userId: string,
): Promise<LockNotice | undefined> {
  const [row] = await queryRows<{ locked_ms: string | null; failed: string }>(
    db,
    sql`with last_sign_in as (
          select max(at) as at from audit_event
          where partnership_id = ${partnershipId} and actor_id = ${userId} and action = 'session.signed_in')
        select floor(extract(epoch from max(e.at) filter (where e.action = 'session.account_locked')) * 1000)::bigint::text as locked_ms,
               (count(*) filter (where e.action = 'session.sign_in_failed'))::text as failed
        from audit_event e, last_sign_in s
        where e.partnership_id = ${partnershipId} and e.subject_type = 'user' and e.subject_id = ${userId}
          and e.at > coalesce(s.at, '-infinity'::timestamptz)
          and e.action in ('session.account_locked', 'session.sign_in_failed')`,
  );
  if (!row?.locked_ms) return undefined;
  return { lockedAt: new Date(Number(row.locked_ms)), failedAttempts: Number(row.failed) };
}
