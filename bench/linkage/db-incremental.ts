import { randomUUID } from 'node:crypto';
import { PerformanceObserver } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import {
  generatedAgencyPersons,
  insertAgencyPersons,
  type AgencyPersonSpec,
} from '../../test/support/agency-persons.ts';
import { appendAuditEvent } from '../../src/domain/audit/append-audit-event.ts';
import { HeldIndex, LinkIndexes, type LinkingDeps } from '../../src/domain/people/held-index.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import { linkAgencyPersons } from '../../src/domain/people/link-agency-persons.ts';
import { relinkPartnership } from '../../src/domain/people/relink-partnership.ts';
import { systemActor } from '../../src/domain/shared/actor.ts';
import { systemClock } from '../../src/domain/shared/clock.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds, type PartnershipId } from '../../src/domain/shared/ids.ts';
import { createBenchDatabase } from '../support/postgres-database.ts';
import { postgresSettings, type PostgresSettings } from '../support/postgres-settings.ts';
import { round, summariseLatencies, type LatencySummary } from '../support/stats.ts';

export interface DbIncrementalResult {
  readonly held: number;
  readonly serverVersion: string;
  readonly postgres: PostgresSettings;
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
  /** Where the tail comes from: the links that overlapped a garbage collection, and the rest. */
  readonly tail: {
    /** Scoring in memory, and the transaction (lock, read, write, audit, commit), per link. */
    readonly scoreMs: LatencySummary;
    readonly transactionMs: LatencySummary;
    readonly samplesOverlappingGc: number;
    readonly gcMsDuringLinks: number;
    readonly linkWithoutGc: LatencySummary;
    readonly bareWithoutGc: LatencySummary;
  };
}

/** Garbage collections (start and duration, ms on the performance clock) while observing. */
function watchGc(): { pauses: { start: number; end: number }[]; stop(): void } {
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return { pauses, stop: () => observer.disconnect() };
}

/** Splits timed spans by whether a collection overlapped them. */
function splitByGc(
  spans: readonly { start: number; end: number }[],
  pauses: readonly { start: number; end: number }[],
) {
  const clean: number[] = [];
  let overlapping = 0;
  let gcMs = 0;
  for (const s of spans) {
    let paused = 0;
    for (const p of pauses)
      if (p.end > s.start && p.start < s.end) paused += Math.min(p.end, s.end) - Math.max(p.start, s.start);
    if (paused > 0) {
      overlapping++;
      gcMs += paused;
    } else clean.push(s.end - s.start);
  }
  return { clean, overlapping, gcMs };
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
    let specs: AgencyPersonSpec[] | undefined = generatedAgencyPersons(children, 3).specs;
    const heldCount = specs.length;
    console.log(`  inserting ${heldCount} held agency persons ...`);
    await insertAgencyPersons(db, partnershipId, specs);
    // Only the held people the samples copy are kept: a server holds its index, not the specs.
    const copied = Array.from({ length: samples }, (_, k) => specs![(k * 7919) % heldCount]!);
    specs = undefined;
    const loadHeldS = (performance.now() - mark) / 1000;
    mark = performance.now();
    console.log('  batch linking them ...');
    // Its index is let go: the process measured below builds its own, as after a restart.
    await relinkPartnership({ ...deps, linkIndexes: new LinkIndexes() }, partnershipId);
    const relinkS = (performance.now() - mark) / 1000;

    // The two parts of each link, timed from outside the code measured.
    const scoreMs: number[] = [];
    const transactionMs: number[] = [];
    const addAndScore = HeldIndex.prototype.addAndScore;
    HeldIndex.prototype.addAndScore = function (this: HeldIndex, ...args) {
      const start = performance.now();
      const out = addAndScore.apply(this, args);
      scoreMs.push(performance.now() - start);
      return out;
    };
    const timedDb = Object.create(db) as Db;
    timedDb.transaction = (async (work, config) => {
      const start = performance.now();
      try {
        return await db.transaction(work, config);
      } finally {
        transactionMs.push(performance.now() - start);
      }
    }) as Db['transaction'];
    const restarted: LinkingDeps = { ...deps, db: timedDb, linkIndexes: new LinkIndexes() };
    mark = performance.now();
    await restarted.linkIndexes.get(restarted, partnershipId);
    const indexBuildS = (performance.now() - mark) / 1000;

    const fresh = generatedAgencyPersons(Math.ceil(samples / 3), 99).specs;
    await db.execute(sql`create table bench_bare_write (id uuid primary key, at timestamptz not null)`);
    // The setup wrote a million rows and their links. As after any bulk load (PostgreSQL's
    // "Populating a Database": run ANALYZE afterwards), vacuum and analyse them and flush them
    // now, as a server would have long since, so the samples measure linking, not autovacuum's
    // first pass over a million new rows or the checkpoint the load left behind. Link and bare
    // samples then take turns, so anything else on the machine touches both alike.
    await bench.admin('vacuum analyze');
    await bench.admin('checkpoint');
    const newcomer = randomUUID();
    const spans: { start: number; end: number }[] = [];
    const outcomes: Record<string, number> = {};
    console.log(`  linking ${samples} new records one at a time ...`);
    const gc = watchGc();
    const bareSpans: { start: number; end: number }[] = [];
    for (let k = 0; k < samples; k++) {
      const base: AgencyPersonSpec = k % 2 === 0 ? copied[k]! : fresh[k % fresh.length]!;
      const [id] = await insertAgencyPersons(db, partnershipId, [
        { ...base, id: undefined, organisationId: newcomer, externalPersonId: `NEW-${k}` },
      ]);
      const start = performance.now();
      const [outcome] = await linkAgencyPersons(restarted, partnershipId, [id!]);
      spans.push({ start, end: performance.now() });
      outcomes[outcome!.linkedBy] = (outcomes[outcome!.linkedBy] ?? 0) + 1;
      const bareStart = performance.now();
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
      bareSpans.push({ start: bareStart, end: performance.now() });
    }
    // Let the last collection's entry arrive before the observer stops.
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc.stop();
    const link = summariseLatencies(spans.map((s) => s.end - s.start));
    const bareAuditedWrite = summariseLatencies(bareSpans.map((s) => s.end - s.start));
    const linkGc = splitByGc(spans, gc.pauses);
    const bareGc = splitByGc(bareSpans, gc.pauses);
    return {
      held: heldCount,
      serverVersion: bench.serverVersion,
      postgres: await postgresSettings(bench.url),
      loadHeldS: round(loadHeldS, 1),
      relinkS: round(relinkS, 1),
      indexBuildS: round(indexBuildS, 1),
      link,
      bareAuditedWrite,
      linkOverBare: round(link.p50Ms / bareAuditedWrite.p50Ms, 2),
      outcomes,
      tail: {
        scoreMs: summariseLatencies(scoreMs),
        transactionMs: summariseLatencies(transactionMs),
        samplesOverlappingGc: linkGc.overlapping,
        gcMsDuringLinks: round(linkGc.gcMs, 1),
        linkWithoutGc: summariseLatencies(linkGc.clean),
        bareWithoutGc: summariseLatencies(bareGc.clean),
      },
    };
  } finally {
    await bench.drop();
  }
}
