import { sql, type SQL } from 'drizzle-orm';
import type { FlowsInForceSnapshot, VersionedFlowsInForce } from '../policy/flows-in-force-source.ts';
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { addDays, londonDate, startOfLondonDay } from './calendar-dates.ts';
import { findFlowsInForce } from './find-flows-in-force.ts';
import { findWithdrawnFlows } from './find-withdrawn-flows.ts';

/**
 * The partnership's agreement generation (schema.ts agreementPolicyGeneration): one primary-key
 * lookup, made on every scoped read. "0" until the partnership's first agreement is written.
 */
export async function readPolicyGeneration(db: Db, partnershipId: PartnershipId): Promise<string> {
  const [row] = await queryRows<{ generation: string }>(
    db,
    hotStatement(sql`select ${policyGenerationColumn(partnershipId)} as generation`),
  );
  return row!.generation;
}

/** The generation as an SQL expression, for the reader to fold into its own statement. */
export function policyGenerationColumn(partnershipId: PartnershipId): SQL {
  return sql`coalesce((select g.generation::text from agreement_policy_generation g
    where g.partnership_id = ${partnershipId}), '0')`;
}

/**
 * The flows in force at `at`, and the window around `at` in which they cannot change unless the
 * generation moves. findFlowsInForce compares `at` with the agreements' dated acts (activated,
 * superseded, terminated, suspended, resumed: each takes effect at its own instant) and compares
 * the UK date of `at` with start and end dates, so its answer is constant from the latest of
 * those acts at or before `at`, and the start of the UK day, up to the next act after `at` or
 * the next UK midnight. Acts dated in the future (another instance's clock running ahead) are
 * boundaries too, so they take effect when their time comes.
 */
export async function findFlowsInForceSnapshot(
  db: Db,
  partnershipId: PartnershipId,
  at: Date,
): Promise<FlowsInForceSnapshot> {
  const generation = await readPolicyGeneration(db, partnershipId);
  const flows = await findFlowsInForce(db, partnershipId, at);
  const [acts] = await queryRows<{ before_ms: string | null; after_ms: string | null }>(
    db,
    sql`with act(t) as (
          select activated_at from agreement_version where partnership_id = ${partnershipId}
          union all select superseded_at from agreement_version where partnership_id = ${partnershipId}
          union all select terminated_at from agreement where partnership_id = ${partnershipId}
          union all select suspended_at from agreement_suspension where partnership_id = ${partnershipId}
          union all select resumed_at from agreement_suspension where partnership_id = ${partnershipId})
        select ceil(extract(epoch from max(t) filter (where t <= ${at})) * 1000)::bigint::text as before_ms,
               floor(extract(epoch from min(t) filter (where t > ${at})) * 1000)::bigint::text as after_ms
        from act`,
  );
  const day = londonDate(at);
  const dayStartMs = startOfLondonDay(day).getTime();
  const nextDayMs = startOfLondonDay(addDays(day, 1)).getTime();
  // An act at `at` itself has already taken effect (activated_at <= at, superseded_at > at...),
  // so it opens the window. Rounded inwards to whole milliseconds, so the window never reaches
  // past an act stored with microseconds.
  const beforeMs = acts?.before_ms == null ? -Infinity : Number(acts.before_ms);
  const afterMs = acts?.after_ms == null ? Infinity : Number(acts.after_ms);
  return {
    generation,
    flows,
    fromMs: Math.max(dayStartMs, beforeMs),
    untilMs: Math.min(nextDayMs, afterMs),
  };
}

/** The agreements as the policy cache reads them (policy/policy-cache.ts). */
export const agreementFlowsInForce: VersionedFlowsInForce = {
  generation: readPolicyGeneration,
  generationColumn: policyGenerationColumn,
  snapshot: findFlowsInForceSnapshot,
  withdrawn: findWithdrawnFlows,
};
