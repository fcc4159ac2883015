import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  generatedAgencyPersons,
  insertAgencyPersons,
  type AgencyPersonSpec,
} from '../../test/support/agency-persons.ts';
import { appendAuditEvent } from '../../src/domain/audit/append-audit-event.ts';
import { LinkIndexes, type LinkingDeps } from '../../src/domain/people/held-index.ts';
import { linkAgencyPersons } from '../../src/domain/people/link-agency-persons.ts';
import { relinkPartnership } from '../../src/domain/people/relink-partnership.ts';
import { systemActor } from '../../src/domain/shared/actor.ts';
import { systemClock } from '../../src/domain/shared/clock.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds, type PartnershipId } from '../../src/domain/shared/ids.ts';
import { createBenchDatabase } from '../support/postgres-database.ts';
import { round, summariseLatencies, type LatencySummary } from '../support/stats.ts';

export interface DbIncrementalResult {
  readonly held: number;
  readonly serverVersion: string;
  readonly loadHeldS: number;
  readonly relinkS: number;
  /** A new process building its index from agency_person and the stored model. */
  readonly indexBuildS: number;
  /** linkAgencyPersons for one new record, end to end: read, score, lock, write, audit, commit. */
  readonly link: LatencySummary;
  /** The floor of any audited write: one row and one audit event in one committed transaction. */
  readonly bareAuditedWrite: LatencySummary;
  readonly linkOverBare: number;
  readonly outcomes: Record<string, number>;
}

/**
 * Incremental linking through the database on PostgreSQL, as ingest calls it: a held set of
 * generated agency persons, linked in one batch; then a new process (its index built from the
 * table and the stored model) links new records one call each, half of them another agency's copy
 * of a held person and half people never seen.
 */
export async function measureDbIncremental(children: number, samples = 1000): Promise<DbIncrementalResult> {
  const bench = await createBenchDatabase(4);
  try {
    const db = bench.handle.db;
    const partnershipId = randomUUID() as PartnershipId;
    const deps: LinkingDeps = {
      db,
      clock: systemClock,
      ids: randomIds,
      logger: silentLogger,
      linkIndexes: new LinkIndexes(),
    };
    let mark = performance.now();
    const held = generatedAgencyPersons(children, 3).specs;
    console.log(`  inserting ${held.length} held agency persons ...`);
    await insertAgencyPersons(db, partnershipId, held);
    const loadHeldS = (performance.now() - mark) / 1000;
    mark = performance.now();
    console.log('  batch linking them ...');
    await relinkPartnership(deps, partnershipId);
    const relinkS = (performance.now() - mark) / 1000;

    const restarted: LinkingDeps = { ...deps, linkIndexes: new LinkIndexes() };
    mark = performance.now();
    await restarted.linkIndexes.get(restarted, partnershipId);
    const indexBuildS = (performance.now() - mark) / 1000;

    const fresh = generatedAgencyPersons(Math.ceil(samples / 3), 99).specs;
    const newcomer = randomUUID();
    const timings: number[] = [];
    const outcomes: Record<string, number> = {};
    console.log(`  linking ${samples} new records one at a time ...`);
    for (let k = 0; k < samples; k++) {
      const base: AgencyPersonSpec = k % 2 === 0 ? held[(k * 7919) % held.length]! : fresh[k % fresh.length]!;
      const [id] = await insertAgencyPersons(db, partnershipId, [
        { ...base, id: undefined, organisationId: newcomer, externalPersonId: `NEW-${k}` },
      ]);
      const started = performance.now();
      const [outcome] = await linkAgencyPersons(restarted, partnershipId, [id!]);
      timings.push(performance.now() - started);
      outcomes[outcome!.linkedBy] = (outcomes[outcome!.linkedBy] ?? 0) + 1;
    }

    await db.execute(sql`create table bench_bare_write (id uuid primary key, at timestamptz not null)`);
    const bare: number[] = [];
    for (let k = 0; k < samples; k++) {
      const started = performance.now();
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_bare_write values (${randomUUID()}, now())`);
        await appendAuditEvent(tx, {
          actor: systemActor(partnershipId, 'bench'),
          action: 'person.linked',
          outcome: 'success',
          details: {
            agencyPersonId: '',
            personId: '',
            linkedBy: 'bench',
            probability: 1,
            decisionId: '',
            reviewsQueued: 0,
          },
        });
      });
      bare.push(performance.now() - started);
    }
    const link = summariseLatencies(timings);
    const bareAuditedWrite = summariseLatencies(bare);
    return {
      held: held.length,
      serverVersion: bench.serverVersion,
      loadHeldS: round(loadHeldS, 1),
      relinkS: round(relinkS, 1),
      indexBuildS: round(indexBuildS, 1),
      link,
      bareAuditedWrite,
      linkOverBare: round(link.p50Ms / bareAuditedWrite.p50Ms, 2),
      outcomes,
    };
  } finally {
    await bench.drop();
  }
}
