/**
 * A witness keeps a copy of every signed checkpoint outside the database (DESIGN.md rule 3). The
 * database role can then delete the newest events, chain entries and checkpoints together, but
 * cannot make the witness forget that they existed, so `tessera audit verify` reports the cut.
 * The domain sees only this interface; adapters/witness keeps it in a folder.
 */
export interface WitnessedCheckpoint {
  readonly partnershipId: string;
  readonly seqFrom: number;
  readonly seqTo: number;
  readonly merkleRoot: string;
  readonly chainHead: string;
  readonly keyId: string;
  readonly signature: string;
}

/** What verifiers read: the checkpoints witnessed and the public key that signed them. */
export interface AuditWitness {
  /** Every checkpoint witnessed for the partnership, in sequence order. */
  readCheckpoints(partnershipId: string): Promise<WitnessedCheckpoint[]>;
  /** The sealer's public key (SPKI PEM), or undefined before the sealer has first run. */
  readPublicKey(): Promise<string | undefined>;
}

/** What the sealer writes: append only. */
export interface AuditWitnessWriter extends AuditWitness {
  /** The last checkpoint witnessed for the partnership (cheap: the sealer asks every round). */
  readLatest(partnershipId: string): Promise<WitnessedCheckpoint | undefined>;
  recordCheckpoints(partnershipId: string, checkpoints: readonly WitnessedCheckpoint[]): Promise<void>;
  /** Publishes the sealer's public key; refuses a different key from the one already there. */
  recordPublicKey(publicKeyPem: string): Promise<void>;
}

/** A witness held in memory, for tests and for a database held in memory. */
export function memoryWitness(): AuditWitnessWriter {
  const checkpoints = new Map<string, WitnessedCheckpoint[]>();
  let publicKey: string | undefined;
  return {
    readCheckpoints: (partnershipId) => Promise.resolve([...(checkpoints.get(partnershipId) ?? [])]),
    readPublicKey: () => Promise.resolve(publicKey),
    readLatest: (partnershipId) => Promise.resolve(checkpoints.get(partnershipId)?.at(-1)),
    recordCheckpoints(partnershipId, more) {
      checkpoints.set(partnershipId, [...(checkpoints.get(partnershipId) ?? []), ...more]);
      return Promise.resolve();
    },
    recordPublicKey(pem) {
      if (publicKey !== undefined && publicKey !== pem) {
        return Promise.reject(new Error('the witness already holds a different audit public key'));
      }
      publicKey = pem;
      return Promise.resolve();
    },
  };
}
