import type { SQL } from 'drizzle-orm';
import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { CompiledPolicy } from './compile-policy.ts';
import type { FlowInForce } from './flows-in-force.ts';
import type { NotFoundViewLimiter } from './limit-not-found-views.ts';

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
  /** Set by a caching source whose agreements can fold their generation into another query. */
  readonly speculative?: SpeculativePolicy;
  /** Agreements that would carry a flow but are not in force, for the audit of a refusal. */
  readonly withdrawn?: WithdrawnFlowsSource;
};

/** A flow that would reach the viewer for the purpose, in an agreement not in force at `at`. */
export interface WithdrawnFlow {
  readonly reference: string;
  readonly version: number;
  /** Why it is not in force (agreements' VersionState), or its framework not being in force. */
  readonly state: WithdrawnState;
  readonly fromOrganisationIds: readonly string[];
  readonly fieldGroups: readonly string[];
}

export const withdrawnStates = [
  'not_signed',
  'superseded',
  'terminated',
  'expired',
  'not_started',
  'suspended',
  'framework_not_in_force',
] as const;
export type WithdrawnState = (typeof withdrawnStates)[number];

/**
 * Read only when a read is refused, so the audit event can name the real reason (a suspended or
 * expired agreement, not merely "no agreement"; issue 13 point 10). Never consulted to allow.
 */
export type WithdrawnFlowsSource = (
  db: Db,
  partnershipId: PartnershipId,
  at: Date,
  to: { readonly organisationId: string; readonly purpose: string },
) => Promise<readonly WithdrawnFlow[]>;

/**
 * Saves the reader its generation round trip: the cached policy is used to build the read, the
 * read's own statement also returns the current generation, and the result counts only if the
 * two match (read-subject-records.ts); otherwise the read is made again the ordinary way.
 */
export interface SpeculativePolicy {
  /** The cached policy for this instant, if any, with the generation it was built from; no I/O. */
  readonly peek: (
    partnershipId: PartnershipId,
    at: Date,
  ) => { readonly policy: CompiledPolicy; readonly generation: string } | undefined;
  /** An SQL expression for the partnership's current generation, as text. */
  readonly generationColumn: (partnershipId: PartnershipId) => SQL;
}

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
  /** The same generation as an SQL expression (text), so a read can fetch it in its own statement. */
  readonly generationColumn?: (partnershipId: PartnershipId) => SQL;
  readonly snapshot: (db: Db, partnershipId: PartnershipId, at: Date) => Promise<FlowsInForceSnapshot>;
  readonly withdrawn?: WithdrawnFlowsSource;
}

/** What the scoped reader needs beyond the ordinary dependencies. */
export interface PolicyDeps extends Deps {
  readonly flowsInForce: FlowsInForceSource;
  /** Not-found reads per user (limit-not-found-views.ts); the HTTP app always gives one. */
  readonly notFoundViews?: NotFoundViewLimiter;
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
