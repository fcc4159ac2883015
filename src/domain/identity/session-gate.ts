import { sql, type SQL } from 'drizzle-orm';
import type { ActiveSession } from './resolve-session.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-token.ts';

/**
 * A session this process resolved a moment ago, as one SQL condition that still holds only if
 * the session is still live as resolveSession would find it: the same token, not past its idle
 * or absolute limit at `now` (the app's clock, as resolveSession uses), and its membership not
 * ended and still the same user, organisation and role. A read that folds this into its own
 * statement (policy's `gate`) acts on the session exactly as if it had been resolved in the same
 * snapshot, without a round trip of its own; if it fails, nothing was read or written and the
 * caller resolves the session afresh.
 */
/** A session resolved earlier and cached, and the instant to check it at. */
export interface CachedSession {
  readonly session: ActiveSession;
  readonly now: Date;
}

export function sessionGate(session: ActiveSession, now: Date): SQL {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS);
  const absoluteCutoff = new Date(now.getTime() - SESSION_ABSOLUTE_MS);
  const { actor } = session;
  return sql`exists (select 1 from user_session s
      join membership m on m.partnership_id = s.partnership_id and m.id = s.membership_id
      where s.token_hash = ${session.tokenHash} and s.partnership_id = ${actor.partnershipId}
        and s.user_id = ${actor.userId} and s.membership_id = ${actor.membershipId}
        and s.last_seen_at > ${idleCutoff.toISOString()}::timestamptz
        and s.created_at > ${absoluteCutoff.toISOString()}::timestamptz
        and m.user_id = s.user_id and m.ended_at is null
        and m.organisation_id = ${actor.organisationId} and m.role = ${actor.role})`;
}
