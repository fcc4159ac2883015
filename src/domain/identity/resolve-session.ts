import { and, eq, sql } from 'drizzle-orm';
import type { ActiveMembership } from '../partnership/find-memberships.ts';
import type { OrganisationType, Role } from '../partnership/roles.ts';
import type { Actor } from '../shared/actor.ts';
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../shared/ids.ts';
import { userSession } from './schema.ts';
import {
  hashSessionToken,
  sessionTokenPartnership,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './session-token.ts';

export interface ActiveSession {
  readonly tokenHash: string;
  readonly actor: Actor & { kind: 'user' };
  readonly user: { id: string; email: string; displayName: string };
  readonly partnership: { id: string; name: string };
  readonly membership: ActiveMembership;
  readonly memberships: readonly ActiveMembership[];
  readonly csrfToken: string;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

/** Touching last_seen_at on every request would be a write per read; once a minute is enough. */
export const TOUCH_EVERY_MS = 60_000;

/**
 * Finds the live session for a cookie token. A session past its idle or absolute limit, or whose
 * membership has ended, is deleted and treated as absent: removal of a membership ends the
 * session at once, on the very next request.
 */
export async function resolveSession(deps: Deps, token: string): Promise<ActiveSession | undefined> {
  const partnershipId = sessionTokenPartnership(token);
  if (!partnershipId) return undefined;
  const tokenHash = hashSessionToken(token);
  const row = await readSession(deps.db, partnershipId, tokenHash);
  if (!row) return undefined;
  const thisSession = and(eq(userSession.partnershipId, partnershipId), eq(userSession.tokenHash, tokenHash));
  const now = deps.clock.now().getTime();
  const idleExpires = Number(row.last_seen_ms) + SESSION_IDLE_MS;
  const absoluteExpires = Number(row.created_ms) + SESSION_ABSOLUTE_MS;
  const memberships = row.memberships.map((m) => ({
    ...m,
    role: m.role as Role,
    organisationType: m.organisationType as OrganisationType,
  }));
  const membership = memberships.find((m) => m.id === row.membership_id);
  if (now >= idleExpires || now >= absoluteExpires || !membership) {
    await deps.db.delete(userSession).where(thisSession);
    return undefined;
  }
  const session = { partnershipId: row.partnership_id, lastSeenAt: new Date(Number(row.last_seen_ms)) };
  const user = { id: row.user_id, email: row.email, displayName: row.display_name };
  let lastSeen = session.lastSeenAt.getTime();
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    lastSeen = now;
    await deps.db
      .update(userSession)
      .set({ lastSeenAt: new Date(now) })
      .where(thisSession);
  }
  return {
    tokenHash,
    actor: {
      kind: 'user',
      userId: user.id as UserId,
      partnershipId: session.partnershipId as PartnershipId,
      organisationId: membership.organisationId as OrganisationId,
      membershipId: membership.id as MembershipId,
      role: membership.role,
      organisationType: membership.organisationType,
    },
    user: { id: user.id, email: user.email, displayName: user.displayName },
    partnership: { id: session.partnershipId, name: row.partnership_name },
    membership,
    memberships,
    csrfToken: row.csrf_token,
    idleExpiresAt: new Date(lastSeen + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(absoluteExpires),
  };
}

interface SessionRow {
  partnership_id: string;
  user_id: string;
  membership_id: string;
  csrf_token: string;
  created_ms: string;
  last_seen_ms: string;
  email: string;
  display_name: string;
  partnership_name: string;
  memberships: (Omit<ActiveMembership, 'role'> & { role: string })[];
}

/**
 * The session, its user, partnership and the user's current memberships (as
 * findActiveMemberships orders them) in one round trip: every request in a session runs this, so
 * a second query for the memberships cost each request a round trip (bench/view).
 */
async function readSession(
  db: Db,
  partnershipId: PartnershipId,
  tokenHash: string,
): Promise<SessionRow | undefined> {
  const [row] = await queryRows<SessionRow>(
    db,
    hotStatement(sql`select s.partnership_id::text, s.user_id::text, s.membership_id::text, s.csrf_token,
               ((extract(epoch from s.created_at) * 1000)::bigint)::text as created_ms,
               ((extract(epoch from s.last_seen_at) * 1000)::bigint)::text as last_seen_ms,
               u.email, u.display_name, p.name as partnership_name,
               coalesce((select jsonb_agg(jsonb_build_object(
                           'id', m.id::text, 'organisationId', m.organisation_id::text,
                           'organisationName', o.name, 'organisationType', o.type, 'role', m.role)
                           order by m.created_at, m.id)
                         from membership m
                         join organisation o on o.partnership_id = m.partnership_id and o.id = m.organisation_id
                         where m.partnership_id = s.partnership_id and m.user_id = s.user_id
                           and m.ended_at is null), '[]'::jsonb) as memberships
        from user_session s
        join app_user u on u.partnership_id = s.partnership_id and u.id = s.user_id
        join partnership p on p.id = s.partnership_id
        where s.partnership_id = ${partnershipId} and s.token_hash = ${tokenHash}
        limit 1`),
  );
  return row;
}
