import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { authorise } from './authorise.ts';
import type { Role } from './roles.ts';
import { appUser, membership, organisation } from './schema.ts';

export interface UserSummary {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly createdAt: Date;
  readonly memberships: { id: string; organisationId: string; organisationName: string; role: Role }[];
}

/** The users of the actor's partnership with their current memberships (for administrators). */
export async function findUsers(deps: Deps, actor: Actor): Promise<UserSummary[]> {
  await authorise(deps, actor, 'manage_partnership', 'user.list');
  const users = await deps.db
    .select()
    .from(appUser)
    .where(eq(appUser.partnershipId, actor.partnershipId))
    .orderBy(asc(appUser.displayName));
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
    .where(and(eq(membership.partnershipId, actor.partnershipId), isNull(membership.endedAt)))
    .orderBy(asc(organisation.name));
  const byUser = new Map<string, typeof memberships>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    createdAt: u.createdAt,
    memberships: (byUser.get(u.id) ?? []).map((m) => ({
      id: m.id,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      role: m.role as Role,
    })),
  }));
}
