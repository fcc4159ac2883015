import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { authorise } from './authorise.ts';
import { overOrganisation, scopeOf } from './capabilities.ts';
import { whyNotGrant } from './role-grants.ts';
import type { Role } from './roles.ts';
import { appUser, membership, organisation } from './schema.ts';

export interface UserSummary {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly createdAt: Date;
  readonly memberships: {
    id: string;
    organisationId: string;
    organisationName: string;
    role: Role;
    /** Whether this actor may end it (role-grants.ts), so the page offers only what works. */
    mayEnd: boolean;
  }[];
}

/**
 * The users an administrator looks after, with their current memberships: for a partnership
 * administrator every user of the partnership; for an organisation's administrator the people
 * with a current role in that organisation, and only those roles (where else someone works is
 * not theirs to know).
 */
export async function findUsers(deps: Deps, actor: Actor): Promise<UserSummary[]> {
  const own = actor.kind === 'user' ? actor.organisationId : '';
  await authorise(deps, actor, 'manage_users', overOrganisation(own), 'user.list');
  const inOrganisation = scopeOf(actor, 'manage_users') === 'organisation';
  const conditions: SQL[] = [eq(membership.partnershipId, actor.partnershipId), isNull(membership.endedAt)];
  if (inOrganisation) conditions.push(eq(membership.organisationId, own));
  const memberships = await deps.db
    .select({
      id: membership.id,
      userId: membership.userId,
      organisationId: membership.organisationId,
      organisationName: organisation.name,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(
      organisation,
      and(
        eq(organisation.partnershipId, membership.partnershipId),
        eq(organisation.id, membership.organisationId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(organisation.name));
  const byUser = new Map<string, typeof memberships>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  const users = await deps.db
    .select()
    .from(appUser)
    .where(eq(appUser.partnershipId, actor.partnershipId))
    .orderBy(asc(appUser.displayName));
  return users
    .filter((u) => !inOrganisation || byUser.has(u.id))
    .map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      createdAt: u.createdAt,
      memberships: (byUser.get(u.id) ?? []).map((m) => {
        const role = m.role as Role;
        return {
          id: m.id,
          organisationId: m.organisationId,
          organisationName: m.organisationName,
          role,
          mayEnd: whyNotGrant(actor, { userId: u.id, organisationId: m.organisationId, role }) === undefined,
        };
      }),
    }));
}
