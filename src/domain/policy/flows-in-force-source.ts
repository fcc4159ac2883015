import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { FlowInForce } from './flows-in-force.ts';

/**
 * Where the decision gets the flows in force: the agreements module's
 * `findFlowsInForce(db, partnershipId, at)`. Injected, so policy depends only on the contract
 * (flows-in-force.ts) and never on how agreements are stored. It is called with the reader's
 * own transaction, so the flows and the records are read from one snapshot.
 */
export type FlowsInForceSource = (
  db: Db,
  partnershipId: PartnershipId,
  at: Date,
) => Promise<readonly FlowInForce[]>;

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
