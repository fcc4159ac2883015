import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { PLATFORM_PARTNERSHIP_ID } from '../shared/ids.ts';
import { sealAuditEvents, type SealOptions } from './seal-audit-events.ts';

/** Every chain there is: one per partnership, and the platform's own. */
export async function listAuditChains(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select p.id::text as id from partnership p order by p.id`,
  );
  return [PLATFORM_PARTNERSHIP_ID, ...rows.map((r) => r.id)];
}

export async function sealAllPartnerships(
  db: Db,
  options: SealOptions,
): Promise<{ sealed: number; checkpoints: number }> {
  let sealed = 0;
  let checkpoints = 0;
  for (const partnershipId of await listAuditChains(db)) {
    const result = await sealAuditEvents(db, partnershipId, options);
    sealed += result.sealed;
    checkpoints += result.checkpoints.length;
  }
  return { sealed, checkpoints };
}
