import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { CompiledPolicy } from './compile-policy.ts';
import type { FlowInForce } from './flows-in-force.ts';

/**
 * Where the decision gets the flows in force: the agreements module's
 * `findFlowsInForce(db, partnershipId, at)`. Injected, so policy depends only on the contract
 * (flows-in-force.ts) and never on how agreements are stored. It is called with the reader's
 * own transaction, so the flows and the records are read from one snapshot.
 */
export type FlowsInForceSource = ((
  db: Db,
  partnershipId: PartnershipId,
  at: Date,
) => Promise<readonly FlowInForce[]>) & {
  /**
   * Set by a caching source (policy-cache.ts): the compiled policy itself, so a read need not
   * fetch and compile the flows each time. Without it the reader compiles what the call returns.
   */
  readonly compiledPolicy?: (db: Db, partnershipId: PartnershipId, at: Date) => Promise<CompiledPolicy>;
};

/**
 * The flows in force at one instant, with how long that answer holds: the same flows for every
 * instant in [fromMs, untilMs) as long as the partnership's generation has not moved.
 */
export interface FlowsInForceSnapshot {
  /** The generation read BEFORE the flows, so the flows are never older than it says. */
  readonly generation: string;
  readonly flows: readonly FlowInForce[];
  readonly fromMs: number;
  readonly untilMs: number;
}

/**
 * What a cross-process cache needs from the agreements module: a generation that moves in the
 * same transaction as every change to the partnership's agreements, read cheaply on every read,
 * and the flows with the window in which they stay the same.
 */
export interface VersionedFlowsInForce {
  readonly generation: (db: Db, partnershipId: PartnershipId) => Promise<string>;
  readonly snapshot: (db: Db, partnershipId: PartnershipId, at: Date) => Promise<FlowsInForceSnapshot>;
}

/** What the scoped reader needs beyond the ordinary dependencies. */
export interface PolicyDeps extends Deps {
  readonly flowsInForce: FlowsInForceSource;
}

/**
 * No agreements at all: every organisation sees only its own records. The safe default until the
 * agreements module's source is wired in (deny by default, DESIGN.md rule 2).
 */
export const noFlowsInForce: FlowsInForceSource = () => Promise.resolve([]);

/** A fixed list (tests, benchmarks): only the given partnership's flows, as the real source does. */
export function staticFlowsInForce(flows: readonly FlowInForce[]): FlowsInForceSource {
  return (_db, partnershipId) => Promise.resolve(flows.filter((f) => f.partnershipId === partnershipId));
}
