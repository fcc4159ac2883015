import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../shared/database.ts';
import { membership, organisation } from './schema.ts';
import type { OrganisationType, Role } from './roles.ts';

export interface ActiveMembership {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationType: OrganisationType;
  readonly role: Role;
}

/** A user's current (not ended) memberships, with their organisations, oldest first. */
export async function findActiveMemberships(
  db: Db,
  partnershipId: string,
  userId: string,
): Promise<ActiveMembership[]> {
  const rows = await db
    .select({
      id: membership.id,
      organisationId: membership.organisationId,
      organisationName: organisation.name,
      organisationType: organisation.type,
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
    .where(
      and(
        eq(membership.partnershipId, partnershipId),
        eq(membership.userId, userId),
        isNull(membership.endedAt),
      ),
    )
    .orderBy(membership.createdAt, membership.id);
  return rows.map((r) => ({
    ...r,
    role: r.role as Role,
    organisationType: r.organisationType as OrganisationType,
  }));
}
