import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { checkpointMessage, type CheckpointSigner } from './signing-key.ts';
import type { AuditWitnessWriter, WitnessedCheckpoint } from './witness.ts';

/**
 * Before sealing more, the sealer checks that the database still holds what the witness last
 * saw: the same signed checkpoint, and a chain entry at its end with the hash it signed. If the
 * tail has been cut, sealing on would write new entries over the gap and blur the evidence, so
 * the sealer stops for that partnership and says why (`tessera audit verify` names the cut).
 */
export async function findWitnessDisagreement(
  db: Db,
  partnershipId: string,
  witness: AuditWitnessWriter,
): Promise<string | undefined> {
  const latest = await witness.readLatest(partnershipId);
  if (!latest) return undefined;
  const [row] = await queryRows<{ hash: string | null; checkpoint: string | null }>(
    db,
    sql`select (select c.hash from audit_chain c
                where c.partnership_id = ${partnershipId} and c.seq = ${latest.seqTo}) as hash,
               (select k.merkle_root || ':' || k.chain_head || ':' || k.signature from audit_checkpoint k
                where k.partnership_id = ${partnershipId} and k.seq_to = ${latest.seqTo}) as checkpoint`,
  );
  if (row?.hash !== latest.chainHead) {
    return `the chain no longer reaches the witnessed checkpoint up to ${latest.seqTo} as it was signed`;
  }
  if (row.checkpoint !== `${latest.merkleRoot}:${latest.chainHead}:${latest.signature}`) {
    return `the database no longer holds the witnessed checkpoint up to ${latest.seqTo}`;
  }
  return undefined;
}

/**
 * Copies to the witness every checkpoint the database holds after the last one witnessed. It
 * reads them back from the database rather than trusting what this run signed, so a checkpoint
 * committed just before a crash (and never witnessed) is witnessed on the next round. Each must
 * carry this sealer's own signature and follow on from the last: a row someone else inserted
 * is refused, never witnessed.
 */
export async function copyCheckpointsToWitness(
  db: Db,
  partnershipId: string,
  signer: CheckpointSigner,
  witness: AuditWitnessWriter,
): Promise<{ copied: number; refused?: string }> {
  const latest = await witness.readLatest(partnershipId);
  const rows = await queryRows<{
    seq_from: string;
    seq_to: string;
    merkle_root: string;
    chain_head: string;
    key_id: string;
    signature: string;
  }>(
    db,
    sql`select k.seq_from::text, k.seq_to::text, k.merkle_root, k.chain_head, k.key_id, k.signature
        from audit_checkpoint k where k.partnership_id = ${partnershipId} and k.seq_to > ${latest?.seqTo ?? 0}
        order by k.seq_to`,
  );
  const fresh: WitnessedCheckpoint[] = [];
  let previousTo = latest?.seqTo ?? 0;
  let refused: string | undefined;
  for (const row of rows) {
    const checkpoint: WitnessedCheckpoint = {
      partnershipId,
      seqFrom: Number(row.seq_from),
      seqTo: Number(row.seq_to),
      merkleRoot: row.merkle_root,
      chainHead: row.chain_head,
      keyId: row.key_id,
      signature: row.signature,
    };
    if (checkpoint.seqFrom !== previousTo + 1) {
      refused = `checkpoint ${checkpoint.seqFrom}-${checkpoint.seqTo} does not follow on from ${previousTo}`;
      break;
    }
    if (
      checkpoint.keyId !== signer.keyId ||
      !signer.verify(checkpointMessage(checkpoint), checkpoint.signature)
    ) {
      refused = `checkpoint ${checkpoint.seqFrom}-${checkpoint.seqTo} is not signed by this sealer's key`;
      break;
    }
    fresh.push(checkpoint);
    previousTo = checkpoint.seqTo;
  }
  if (fresh.length > 0) await witness.recordCheckpoints(partnershipId, fresh);
  return { copied: fresh.length, ...(refused ? { refused } : {}) };
}
