import { merkleRoot } from './merkle.ts';
import { checkpointMessage, type CheckpointVerifier } from './signing-key.ts';

/**
 * What happened at the first bad place. `truncated` and `checkpoint_missing` are found only by
 * comparing with the witness: the chain ends before a checkpoint the witness holds, or the
 * database has lost a checkpoint the witness holds.
 */
export type TamperKind =
  'edited' | 'deleted' | 'inserted' | 'reordered' | 'checkpoint_invalid' | 'truncated' | 'checkpoint_missing';

export interface ChainProblem {
  readonly partnershipId: string;
  /** The first sequence number at which the chain stops being what was sealed. */
  readonly seq: number;
  readonly kind: TamperKind;
  readonly message: string;
}

export interface ChainVerification {
  readonly partnershipId: string;
  readonly verifiedEvents: number;
  /** Events committed but not yet chained by the sealer (normal for a second or two). */
  readonly pendingEvents: number;
  readonly checkpointsVerified: number;
  readonly problem: ChainProblem | undefined;
}

export interface CheckpointRow {
  seq_from: string;
  seq_to: string;
  merkle_root: string;
  chain_head: string;
  key_id: string;
  signature: string;
}

/** An event's place in sealing order: (transaction id, event id). */
export type EventOrder = [txId: number, id: number];

export function compareOrder(a: EventOrder, b: EventOrder): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/**
 * Where a verification has got to. Both ways of reading the chain (whole pages at a time, and
 * entry by entry when something looks wrong) feed the same walk, so a verification that switches
 * from one to the other mid-chain carries on exactly where it was.
 */
export class ChainWalk {
  /** The next sequence number expected. */
  expectedSeq: number;
  /** The hash of entry expectedSeq - 1 (the genesis hash before the first). */
  previous: string;
  /** The sealing order of the last event accepted. */
  lastOrder: EventOrder | undefined;
  checkpointsVerified = 0;
  private checkpointIndex: number;
  private leaves: string[] = [];

  constructor(
    readonly partnershipId: string,
    /** Undefined when no public key is to be had: then every checkpoint fails. */
    private readonly verifier: CheckpointVerifier | undefined,
    readonly checkpoints: readonly CheckpointRow[],
    readonly fromSeq: number,
    previous: string,
  ) {
    this.expectedSeq = fromSeq;
    this.previous = previous;
    const index = checkpoints.findIndex((c) => Number(c.seq_from) >= fromSeq);
    this.checkpointIndex = index < 0 ? checkpoints.length : index;
  }

  /**
   * Takes entry `seq` (= expectedSeq), whose hash the caller has checked follows from the
   * previous one; returns a failure if it closes a checkpoint that does not hold.
   */
  accept(seq: number, hash: string, order: EventOrder): ChainVerification | undefined {
    this.previous = hash;
    this.lastOrder = order;
    this.expectedSeq = seq + 1;
    const checkpoint = this.checkpoints[this.checkpointIndex];
    if (checkpoint && seq >= Number(checkpoint.seq_from)) {
      this.leaves.push(hash);
      if (seq === Number(checkpoint.seq_to)) {
        const problem = this.checkCheckpoint(checkpoint);
        if (problem) return this.fail(Number(checkpoint.seq_from), 'checkpoint_invalid', problem);
        this.checkpointsVerified += 1;
        this.checkpointIndex += 1;
        this.leaves = [];
      }
    }
    return undefined;
  }

  /** The next checkpoint not yet closed by the walk. */
  pendingCheckpoint(): CheckpointRow | undefined {
    return this.checkpoints[this.checkpointIndex];
  }

  fail(seq: number, kind: TamperKind, message: string): ChainVerification {
    return {
      partnershipId: this.partnershipId,
      verifiedEvents: seq - this.fromSeq,
      pendingEvents: 0,
      checkpointsVerified: this.checkpointsVerified,
      problem: { partnershipId: this.partnershipId, seq, kind, message },
    };
  }

  private checkCheckpoint(c: CheckpointRow): string | undefined {
    const claimed = {
      partnershipId: this.partnershipId,
      seqFrom: Number(c.seq_from),
      seqTo: Number(c.seq_to),
      merkleRoot: c.merkle_root,
      chainHead: c.chain_head,
    };
    if (!this.verifier) return `checkpoint ${c.seq_from}-${c.seq_to} cannot be checked: no audit public key`;
    if (c.key_id !== this.verifier.keyId || !this.verifier.verify(checkpointMessage(claimed), c.signature)) {
      return `checkpoint ${c.seq_from}-${c.seq_to} is not signed by this partnership's audit key`;
    }
    const leaves = this.leaves;
    if (merkleRoot(leaves) !== c.merkle_root || leaves[leaves.length - 1] !== c.chain_head) {
      return `entries ${c.seq_from}-${c.seq_to} no longer match their signed checkpoint`;
    }
    return undefined;
  }
}
