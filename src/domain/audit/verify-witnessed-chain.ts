import type { Db } from '../shared/database.ts';
import { compareWithWitness } from './compare-with-witness.ts';
import { loadCheckpointVerifier } from './signing-key.ts';
import { verifyAuditChain, type ChainVerification } from './verify-audit-chain.ts';
import type { AuditWitness } from './witness.ts';

export interface WitnessedChainVerification extends ChainVerification {
  readonly witnessedCheckpoints: number;
  readonly unwitnessedCheckpoints: number;
}

/**
 * The whole check, as `tessera audit verify` and the audit page run it: the chain and its signed
 * checkpoints as the database holds them (verify-audit-chain.ts), then against the witness
 * (compare-with-witness.ts), with the public key the sealer published there. The first problem
 * found in the database itself is named first; a chain that is sound on its own but shorter
 * than the witness remembers is `truncated`.
 */
export async function verifyWitnessedChain(
  db: Db,
  partnershipId: string,
  witness: AuditWitness,
): Promise<WitnessedChainVerification> {
  const publicKey = await witness.readPublicKey();
  const verifier = publicKey === undefined ? undefined : loadCheckpointVerifier(publicKey);
  const witnessed = await witness.readCheckpoints(partnershipId);
  const comparison = await compareWithWitness(db, partnershipId, verifier, witnessed);
  const chain = await verifyAuditChain(db, partnershipId, verifier);
  const counts = {
    witnessedCheckpoints: comparison.witnessedCheckpoints,
    unwitnessedCheckpoints: comparison.unwitnessedCheckpoints,
  };
  if (chain.problem || !comparison.problem) return { ...chain, ...counts };
  return {
    ...chain,
    ...counts,
    verifiedEvents: Math.min(chain.verifiedEvents, comparison.problem.seq - 1),
    problem: comparison.problem,
  };
}
