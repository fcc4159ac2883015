import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { OrganisationType } from './roles.ts';
import { organisation } from './schema.ts';
import type { OrganisationRecord } from './create-organisation.ts';

/** The organisations of the actor's own partnership, by name. Partner names are not secret. */
export async function findOrganisations(db: Db, actor: Actor): Promise<OrganisationRecord[]> {
  const rows = await db
    .select()
    .from(organisation)
    .where(eq(organisation.partnershipId, actor.partnershipId))
    .orderBy(asc(organisation.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type as OrganisationType,
    createdAt: r.createdAt,
  }));
}

export async function getOrganisationInPartnership(db: Db, partnershipId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(organisation)
    .where(and(eq(organisation.partnershipId, partnershipId), eq(organisation.id, organisationId)));
  return row;
}
