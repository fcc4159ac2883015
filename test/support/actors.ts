import { eq } from 'drizzle-orm';
import { findActiveMemberships } from '../../src/domain/partnership/find-memberships.ts';
import { appUser } from '../../src/domain/partnership/schema.ts';
import type { Actor } from '../../src/domain/shared/actor.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../../src/domain/shared/ids.ts';

export type UserActor = Actor & { kind: 'user' };

/**
 * A seeded persona as the actor its first membership makes it, without signing in (no argon2
 * hash, no session or audit noise): for domain tests that call use cases directly.
 */
export async function actorByEmail(db: Db, email: string): Promise<UserActor> {
  const [user] = await db.select().from(appUser).where(eq(appUser.email, email));
  if (!user) throw new Error(`no persona ${email}`);
  const [membership] = await findActiveMemberships(db, user.partnershipId, user.id);
  if (!membership) throw new Error(`${email} has no membership`);
  return {
    kind: 'user',
    userId: user.id as UserId,
    partnershipId: user.partnershipId as PartnershipId,
    organisationId: membership.organisationId as OrganisationId,
    membershipId: membership.id as MembershipId,
    role: membership.role,
    organisationType: membership.organisationType,
  };
}
