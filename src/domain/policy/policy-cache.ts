import type { Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { compilePolicy, type CompiledPolicy } from './compile-policy.ts';
import type { FlowsInForceSource, VersionedFlowsInForce } from './flows-in-force-source.ts';

interface Entry {
  readonly generation: string;
  readonly fromMs: number;
  readonly untilMs: number;
  readonly policy: CompiledPolicy;
}

/** Enough for every partnership a deployment serves; past it the least recently filled goes. */
const defaultMaxPartnerships = 512;

/**
 * The compiled policy per partnership, kept between reads in this process, so a read costs one
 * indexed lookup of the partnership's generation instead of the agreements query and a compile.
 *
 * It is correct across processes because nothing about the agreements is trusted from memory:
 * - every read fetches the generation in its own transaction, and an entry of another
 *   generation is never used, so a suspension, termination, amendment or new flow committed by
 *   any instance stops or changes disclosure on the next read of every instance (DESIGN.md
 *   rule 1; "at once", issue 3);
 * - an entry holds only for the instants its snapshot was valid for ([fromMs, untilMs): from the
 *   latest dated act on the agreements up to the next one, within one UK calendar day), so an
 *   agreement that starts or ends at midnight UK time is read afresh at midnight, and a clock
 *   moved back (tests, a replayed "as at") never sees a later policy;
 * - the generation is read before the flows, so an entry is never labelled newer than its flows.
 */
export function cachedFlowsInForce(
  source: VersionedFlowsInForce,
  options: { maxPartnerships?: number } = {},
): FlowsInForceSource {
  const max = options.maxPartnerships ?? defaultMaxPartnerships;
  const entries = new Map<string, Entry>();

  const compiledPolicy = async (db: Db, partnershipId: PartnershipId, at: Date): Promise<CompiledPolicy> => {
    const atMs = at.getTime();
    const generation = await source.generation(db, partnershipId);
    const held = entries.get(partnershipId);
    if (held && held.generation === generation && held.fromMs <= atMs && atMs < held.untilMs)
      return held.policy;
    const snapshot = await source.snapshot(db, partnershipId, at);
    const entry: Entry = {
      // The snapshot's own generation, read before its flows: they are at least as new as it.
      generation: snapshot.generation,
      fromMs: snapshot.fromMs,
      untilMs: snapshot.untilMs,
      policy: compilePolicy(snapshot.flows),
    };
    entries.delete(partnershipId);
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(partnershipId, entry);
    return entry.policy;
  };

  const peek = (partnershipId: PartnershipId, at: Date) => {
    const atMs = at.getTime();
    const held = entries.get(partnershipId);
    return held && held.fromMs <= atMs && atMs < held.untilMs
      ? { policy: held.policy, generation: held.generation }
      : undefined;
  };
  const flows = async (db: Db, partnershipId: PartnershipId, at: Date) =>
    (await source.snapshot(db, partnershipId, at)).flows;
  const generationColumn = source.generationColumn;
  return Object.assign(flows, {
    compiledPolicy,
    ...(source.withdrawn ? { withdrawn: source.withdrawn } : {}),
    ...(generationColumn ? { speculative: { peek, generationColumn } } : {}),
  });
}
