import { sql } from 'drizzle-orm';
import type { Db } from '../../src/domain/shared/database.ts';

/**
 * The partnership and organisations that fixture rows name, made if they are not there yet.
 * Every row an agency holds is keyed to its organisation and partnership (foreign keys, issue
 * 13), so a fixture writing agency rows into an empty test database makes their parents first;
 * where the demo seed already made them, nothing changes.
 */
export async function ensureOrganisations(
  db: Db,
  partnershipId: string,
  organisationIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(organisationIds)];
  if (ids.length === 0) return;
  await db.execute(
    sql`insert into partnership (id, name) values (${partnershipId}, ${`Test partnership ${partnershipId}`})
        on conflict do nothing`,
  );
  await db.execute(
    sql`insert into organisation (partnership_id, id, name, type)
        select ${partnershipId}::uuid, id, 'Test organisation ' || id::text, 'local_authority'
        from unnest(${`{${ids.join(',')}}`}::uuid[]) as id
        on conflict do nothing`,
  );
}
