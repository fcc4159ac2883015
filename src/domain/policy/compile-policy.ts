import type { OrganisationId } from '../shared/ids.ts';
import type { AgreementBasis } from './access-decision.ts';
import { fieldGroups, type FieldGroup } from './field-groups.ts';
import type { FlowInForce } from './flows-in-force.ts';
import { purposes, type Purpose } from './purposes.ts';

/**
 * Policy as data, compiled once (STYLE.md practice 2). The flows in force become an index keyed
 * by partnership, then receiving organisation, then holding organisation; each pair keeps its
 * flows with a bitmask of field groups, a bitmask of purposes and a validity window in epoch
 * milliseconds. A decision is then a few map lookups and bit tests, with no allocation on the
 * way to "allow", so it can run per field group per request (DESIGN.md rule 4).
 */

export const purposeIndex: Readonly<Record<Purpose, number>> = Object.fromEntries(
  purposes.map((p, i) => [p, i]),
) as Record<Purpose, number>;

export const fieldGroupBit: Readonly<Record<FieldGroup, number>> = Object.fromEntries(
  fieldGroups.map((g, i) => [g, 1 << i]),
) as Record<FieldGroup, number>;

export interface CompiledFlow {
  readonly basis: AgreementBasis;
  readonly gatewayIds: readonly string[];
  readonly purposeMask: number;
  readonly groupMask: number;
  readonly fromMs: number;
  /** Infinity when the agreement has no end date. */
  readonly toMs: number;
}

export interface CompiledPair {
  /** Every flow from the holder to the receiver, in the stable order of `compareFlows`. */
  readonly flows: readonly CompiledFlow[];
  /** Indexed by purposeIndex: the flows that serve that purpose, in the same order. */
  readonly byPurpose: readonly (readonly CompiledFlow[])[];
}

export interface CompiledPolicy {
  /** partnership → receiving organisation → holding organisation → flows. */
  readonly pairs: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, CompiledPair>>>;
  readonly flowCount: number;
}

/**
 * When several flows would allow the same thing, the decision names the first in this order,
 * so the answer does not depend on the order the agreements module happened to return them in.
 */
export function compareFlows(a: FlowInForce, b: FlowInForce): number {
  return (
    compareText(a.agreementReference, b.agreementReference) ||
    a.agreementVersion - b.agreementVersion ||
    compareText(a.flowId, b.flowId)
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compilePolicy(flowsInForce: readonly FlowInForce[]): CompiledPolicy {
  const grouped = new Map<string, Map<string, Map<string, FlowInForce[]>>>();
  for (const flow of flowsInForce) {
    const byReceiver = getOrAdd(
      grouped,
      flow.partnershipId,
      () => new Map<string, Map<string, FlowInForce[]>>(),
    );
    const byHolder = getOrAdd(byReceiver, flow.toOrganisationId, () => new Map<string, FlowInForce[]>());
    getOrAdd(byHolder, flow.fromOrganisationId, (): FlowInForce[] => []).push(flow);
  }
  const pairs = new Map<string, Map<string, Map<string, CompiledPair>>>();
  for (const [partnershipId, byReceiver] of grouped) {
    const compiledReceivers = new Map<string, Map<string, CompiledPair>>();
    for (const [receiver, byHolder] of byReceiver) {
      const compiledHolders = new Map<string, CompiledPair>();
      for (const [holder, list] of byHolder) compiledHolders.set(holder, compilePair(list));
      compiledReceivers.set(receiver, compiledHolders);
    }
    pairs.set(partnershipId, compiledReceivers);
  }
  return { pairs, flowCount: flowsInForce.length };
}

function compilePair(list: readonly FlowInForce[]): CompiledPair {
  const flows = [...list].sort(compareFlows).map(compileFlow);
  const byPurpose = purposes.map((_, i) => flows.filter((f) => (f.purposeMask & (1 << i)) !== 0));
  return { flows, byPurpose };
}

function compileFlow(flow: FlowInForce): CompiledFlow {
  let purposeMask = 0;
  // Anything the index does not know (a purpose or field group from a newer catalogue) gets no
  // bit, so it can never be allowed: unknown means denied.
  for (const p of flow.purposes) if (Object.hasOwn(purposeIndex, p)) purposeMask |= 1 << purposeIndex[p];
  let groupMask = 0;
  for (const g of flow.fieldGroups) if (Object.hasOwn(fieldGroupBit, g)) groupMask |= fieldGroupBit[g];
  return {
    basis: Object.freeze({
      agreementId: flow.agreementId,
      reference: flow.agreementReference,
      title: flow.agreementTitle,
      version: flow.agreementVersion,
      flowId: flow.flowId,
      fromOrganisationId: flow.fromOrganisationId,
      toOrganisationId: flow.toOrganisationId,
      validFrom: flow.validFrom,
      validTo: flow.validTo,
    }),
    gatewayIds: Object.freeze([...flow.gatewayIds]),
    purposeMask,
    groupMask,
    // An unreadable date compares false both ways, so such a flow is never in force.
    fromMs: flow.validFrom.getTime(),
    toMs: flow.validTo === null ? Infinity : flow.validTo.getTime(),
  };
}

export function findPair(
  policy: CompiledPolicy,
  partnershipId: string,
  receiver: OrganisationId,
  holder: OrganisationId,
): CompiledPair | undefined {
  return policy.pairs.get(partnershipId)?.get(receiver)?.get(holder);
}

/** Every holder with flows to this receiver, for building the row filter of a read. */
export function pairsTo(
  policy: CompiledPolicy,
  partnershipId: string,
  receiver: OrganisationId,
): ReadonlyMap<string, CompiledPair> {
  return policy.pairs.get(partnershipId)?.get(receiver) ?? emptyPairs;
}

const emptyPairs: ReadonlyMap<string, CompiledPair> = new Map();

/** A flow is in force from validFrom (inclusive) until validTo (exclusive). */
export function inForce(flow: CompiledFlow, atMs: number): boolean {
  return flow.fromMs <= atMs && atMs < flow.toMs;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
