import { eq } from 'drizzle-orm';
import { organisation } from '../partnership/schema.ts';
import type { Db } from '../shared/database.ts';

/** The partnership's organisations by id, to name the agency holding each record. */
export async function organisationNames(db: Db, partnershipId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.partnershipId, partnershipId));
  return new Map(rows.map((r) => [r.id, r.name]));
}
