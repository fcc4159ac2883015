import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import type { ChainProblem } from './chain-walk.ts';
import { checkpointMessage, type CheckpointVerifier } from './signing-key.ts';
import type { WitnessedCheckpoint } from './witness.ts';

export interface WitnessComparison {
  readonly problem: ChainProblem | undefined;
  /** Witnessed checkpoints found in the database as they were signed. */
  readonly witnessedCheckpoints: number;
  /** Database checkpoints the witness does not hold yet (the sealer copies them each round). */
  readonly unwitnessedCheckpoints: number;
}

interface DatabaseCheckpoint {
  seq_from: string;
  seq_to: string;
  merkle_root: string;
  chain_head: string;
  signature: string;
}

/**
 * Holds the database's chain against the witness's copy of the signed checkpoints. Deleting the
 * newest events with their chain entries and checkpoints leaves a chain that verifies on its
 * own; only something outside the database remembers that it once went further. `witnessed`
 * must be read before this runs: the sealer commits a checkpoint before witnessing it, so
 * everything witnessed by then is already in the database.
 */
export async function compareWithWitness(
  db: Db,
  partnershipId: string,
  verifier: CheckpointVerifier | undefined,
  witnessed: readonly WitnessedCheckpoint[],
): Promise<WitnessComparison> {
  const rows = await queryRows<DatabaseCheckpoint>(
    db,
    sql`select k.seq_from::text, k.seq_to::text, k.merkle_root, k.chain_head, k.signature
        from audit_checkpoint k where k.partnership_id = ${partnershipId}`,
  );
  const [head] = await queryRows<{ seq: string | null }>(
    db,
    sql`select max(seq)::text as seq from audit_chain where partnership_id = ${partnershipId}`,
  );
  const headSeq = Number(head?.seq ?? 0);
  const inDatabase = new Map(rows.map((r) => [Number(r.seq_to), r]));
  const witnessedEnds = new Set(witnessed.map((w) => w.seqTo));
  const unwitnessedCheckpoints = rows.filter((r) => !witnessedEnds.has(Number(r.seq_to))).length;
  let matched = 0;
  const fail = (seq: number, kind: ChainProblem['kind'], message: string): WitnessComparison => ({
    problem: { partnershipId, seq, kind, message },
    witnessedCheckpoints: matched,
    unwitnessedCheckpoints,
  });
  for (const w of witnessed) {
    const span = `${w.seqFrom}-${w.seqTo}`;
    if (!verifier || w.keyId !== verifier.keyId || !verifier.verify(checkpointMessage(w), w.signature)) {
      return fail(
        w.seqFrom,
        'checkpoint_invalid',
        `the witness's checkpoint ${span} is not signed by the audit key`,
      );
    }
    if (w.seqTo > headSeq) {
      return fail(
        headSeq + 1,
        'truncated',
        `the chain ends at ${headSeq}, but the witness holds a checkpoint signed up to ${w.seqTo}: the newest entries have been removed`,
      );
    }
    const own = inDatabase.get(w.seqTo);
    if (own) {
      const same =
        Number(own.seq_from) === w.seqFrom &&
        own.merkle_root === w.merkleRoot &&
        own.chain_head === w.chainHead &&
        own.signature === w.signature;
      if (!same)
        return fail(w.seqFrom, 'checkpoint_invalid', `checkpoint ${span} differs from the witness's copy`);
      matched += 1;
      continue;
    }
    const [entry] = await queryRows<{ hash: string }>(
      db,
      sql`select hash from audit_chain where partnership_id = ${partnershipId} and seq = ${w.seqTo}`,
    );
    if (entry?.hash !== w.chainHead) {
      return fail(
        w.seqFrom,
        'truncated',
        `the chain was cut and sealed again: entry ${w.seqTo} is not the one the witness's checkpoint ${span} signed`,
      );
    }
    return fail(
      w.seqFrom,
      'checkpoint_missing',
      `checkpoint ${span}, which the witness holds, has been deleted from the database`,
    );
  }
  return { problem: undefined, witnessedCheckpoints: matched, unwitnessedCheckpoints };
}
