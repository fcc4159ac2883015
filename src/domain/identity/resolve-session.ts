import { and, eq } from 'drizzle-orm';
import { findActiveMemberships, type ActiveMembership } from '../partnership/find-memberships.ts';
import { appUser, partnership } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../shared/ids.ts';
import { userSession } from './schema.ts';
import { hashSessionToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-token.ts';

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
const TOUCH_EVERY_MS = 60_000;

/**
 * Finds the live session for a cookie token. A session past its idle or absolute limit, or whose
 * membership has ended, is deleted and treated as absent: removal of a membership ends the
 * session at once, on the very next request.
 */
export async function resolveSession(deps: Deps, token: string): Promise<ActiveSession | undefined> {
  const tokenHash = hashSessionToken(token);
  const [row] = await deps.db
    .select({ session: userSession, user: appUser, partnershipName: partnership.name })
    .from(userSession)
    .innerJoin(
      appUser,
      and(eq(appUser.partnershipId, userSession.partnershipId), eq(appUser.id, userSession.userId)),
    )
    .innerJoin(partnership, eq(partnership.id, userSession.partnershipId))
    .where(eq(userSession.tokenHash, tokenHash))
    .limit(1);
  if (!row) return undefined;
  const now = deps.clock.now().getTime();
  const { session, user } = row;
  const idleExpires = session.lastSeenAt.getTime() + SESSION_IDLE_MS;
  const absoluteExpires = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
  const memberships = await findActiveMemberships(deps.db, session.partnershipId, session.userId);
  const membership = memberships.find((m) => m.id === session.membershipId);
  if (now >= idleExpires || now >= absoluteExpires || !membership) {
    await deps.db.delete(userSession).where(eq(userSession.tokenHash, tokenHash));
    return undefined;
  }
  let lastSeen = session.lastSeenAt.getTime();
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    lastSeen = now;
    await deps.db
      .update(userSession)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(userSession.tokenHash, tokenHash));
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
    },
    user: { id: user.id, email: user.email, displayName: user.displayName },
    partnership: { id: session.partnershipId, name: row.partnershipName },
    membership,
    memberships,
    csrfToken: session.csrfToken,
    idleExpiresAt: new Date(lastSeen + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(absoluteExpires),
  };
}
