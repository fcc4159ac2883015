import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { sealAuditEvents } from '../../src/domain/audit/seal-audit-events.ts';
import type { CheckpointSigner } from '../../src/domain/audit/signing-key.ts';
import { queryRows, type Db } from '../../src/domain/shared/database.ts';
import { round, summariseLatencies, type LatencySummary } from '../support/stats.ts';

export interface SealerRun {
  readonly endedAtMs: number;
  readonly sealed: number;
  readonly durationMs: number;
}

export interface SealerLoop {
  stop(): Promise<SealerRun[]>;
}

/**
 * The production sealer's rhythm (adapters/scheduler/audit-sealer.ts): one run at a time, the
 * next one `intervalMs` after the last finished, in the same process as the writers, as a server
 * would run it. Each run's end time is kept so that every event's sealing lag can be measured.
 */
export function startSealerLoop(
  db: Db,
  partnershipId: string,
  options: { signer: CheckpointSigner; checkpointEvery: number; intervalMs: number },
): SealerLoop {
  const runs: SealerRun[] = [];
  let stopped = false;
  let failure: unknown;
  const done = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
      const began = performance.now();
      try {
        const result = await sealAuditEvents(db, partnershipId, options);
        runs.push({ endedAtMs: Date.now(), sealed: result.sealed, durationMs: performance.now() - began });
      } catch (error) {
        failure = error;
        return;
      }
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      if (failure) throw failure;
      return runs;
    },
  };
}

export interface SealerFigures {
  readonly runs: number;
  readonly eventsSealed: number;
  readonly runDuration: LatencySummary;
  /** From an event's insert (its `at`) to the end of the sealer run that chained it. */
  readonly lag: LatencySummary;
}

/**
 * Works out each chained event's lag from the run that sealed it (runs seal consecutive seqs,
 * starting after `headBefore`, the chain head when the loop started).
 */
export async function sealerFigures(
  db: Db,
  partnershipId: string,
  runs: SealerRun[],
  headBefore: number,
): Promise<SealerFigures> {
  const seqTo: number[] = [];
  const endedAt: number[] = [];
  let total = headBefore;
  for (const run of runs) {
    total += run.sealed;
    if (run.sealed === 0) continue;
    seqTo.push(total);
    endedAt.push(run.endedAtMs);
  }
  const lags = await queryRows<{ lag_ms: number }>(
    db,
    sql`with runs as (
          select * from unnest(${`{${seqTo.join(',')}}`}::bigint[], ${`{${endedAt.join(',')}}`}::float8[])
            as r(seq_to, ended_ms))
        select (select r.ended_ms from runs r where r.seq_to >= c.seq order by r.seq_to limit 1)
                 - extract(epoch from e.at) * 1000 as lag_ms
        from audit_chain c join audit_event e on e.partnership_id = c.partnership_id and e.id = c.event_id
        where c.partnership_id = ${partnershipId} and c.seq > ${headBefore} and c.seq <= ${total}`,
  );
  return {
    runs: runs.length,
    eventsSealed: total - headBefore,
    runDuration: summariseLatencies(runs.map((r) => r.durationMs)),
    lag: summariseLatencies(lags.map((l) => round(Number(l.lag_ms)))),
  };
}

/** The partnership's chain head seq (0 for an empty chain). */
export async function chainHeadSeq(db: Db, partnershipId: string): Promise<number> {
  const [row] = await queryRows<{ seq: string }>(
    db,
    sql`select coalesce(max(seq), 0)::text as seq from audit_chain where partnership_id = ${partnershipId}`,
  );
  return Number(row?.seq ?? 0);
}
