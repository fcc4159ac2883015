import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { PLATFORM_PARTNERSHIP_ID } from '../shared/ids.ts';
import { sealAuditEvents, type SealOptions } from './seal-audit-events.ts';
import type { AuditWitnessWriter } from './witness.ts';
import { copyCheckpointsToWitness, findWitnessDisagreement } from './witness-checkpoints.ts';

/** Every chain there is: one per partnership, and the platform's own. */
export async function listAuditChains(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select p.id::text as id from partnership p order by p.id`,
  );
  return [PLATFORM_PARTNERSHIP_ID, ...rows.map((r) => r.id)];
}

export interface WitnessedSealOptions extends SealOptions {
  readonly witness: AuditWitnessWriter;
}

export interface SealAllResult {
  readonly sealed: number;
  readonly checkpoints: number;
  /** Chains left unsealed because the database disagrees with the witness (a cut tail). */
  readonly refused: readonly { partnershipId: string; reason: string }[];
}

/**
 * Seals every chain and hands each new signed checkpoint to the witness. A chain whose database
 * no longer holds what the witness last saw is not sealed further (see witness-checkpoints.ts).
 */
export async function sealAllPartnerships(db: Db, options: WitnessedSealOptions): Promise<SealAllResult> {
  await options.witness.recordPublicKey(options.signer.publicKeyPem);
  let sealed = 0;
  let checkpoints = 0;
  const refused: { partnershipId: string; reason: string }[] = [];
  for (const partnershipId of await listAuditChains(db)) {
    const disagreement = await findWitnessDisagreement(db, partnershipId, options.witness);
    if (disagreement) {
      refused.push({ partnershipId, reason: disagreement });
      continue;
    }
    const result = await sealAuditEvents(db, partnershipId, options);
    sealed += result.sealed;
    const copied = await copyCheckpointsToWitness(db, partnershipId, options.signer, options.witness);
    checkpoints += copied.copied;
    if (copied.refused) refused.push({ partnershipId, reason: copied.refused });
  }
  return { sealed, checkpoints, refused };
}
