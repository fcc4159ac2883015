import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { demoOrganisations, demoPartnership } from '../../src/domain/demo/northshire.ts';
import { seedDemoPartnership } from '../../src/domain/demo/seed-demo-partnership.ts';
import { parseFeedMapping } from '../../src/domain/feeds/feed-mapping.ts';
import { DEFAULT_BATCH_SIZE, ingestFeed } from '../../src/domain/feeds/ingest-feed.ts';
import { systemActor } from '../../src/domain/shared/actor.ts';
import { systemClock } from '../../src/domain/shared/clock.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds, type PartnershipId } from '../../src/domain/shared/ids.ts';
import { createBenchDatabase } from '../support/postgres-database.ts';
import { perSecond, round } from '../support/stats.ts';
import { check, type BenchSuite } from '../support/suite.ts';

const parameters = {
  engine: 'postgres',
  rows: 200_000,
  persons: 40_000,
  batchSize: DEFAULT_BATCH_SIZE,
  chunkBytes: 256 * 1024,
  notes: [
    'One police incident feed (CSV, 5 mapped columns, ISO dates) through ingestFeed: streaming parse, checks, content hash, stub persons, upsert keyed on (organisation, external id), run counters and one audit event per batch, each batch one transaction.',
    'Baseline in the same run: the same rows, already parsed and hashed in memory, as one bare multi-row INSERT per batch (json_to_recordset) into a copy of subject_record with the same indexes, no conflict handling, no persons, no audit.',
    'Replay: the same file again, every row unchanged (nothing written but counters and audit).',
  ],
};

const police = demoOrganisations.find((o) => o.key === 'police')!.id;
const mapping = parseFeedMapping({
  organisation: police,
  feed: 'police-incidents',
  format: 'csv',
  recordKind: 'police_incident',
  fieldGroup: 'police_incidents',
  dataCategory: 'criminal_offence',
  personIdColumn: 'person',
  externalIdColumn: 'ref',
  eventDateColumn: 'date',
  columns: {
    type: { key: 'incidentType', item: 'fact' },
    date: { key: 'incidentDate', item: 'fact' },
    summary: { key: 'summary', item: 'opinion' },
    officer: { key: 'officer', item: 'fact' },
  },
});

function feedFile(): Buffer {
  const lines = ['ref,person,type,date,summary,officer'];
  for (let i = 1; i <= parameters.rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      `INC-${i},PER-${i % parameters.persons},${i % 3 ? 'domestic_abuse' : 'missing_episode'},2025-${month}-${day},"Attended, child present (${i})",PC ${i % 500}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function* chunks(file: Buffer): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < file.length; i += parameters.chunkBytes)
    yield file.subarray(i, i + parameters.chunkBytes);
}

export const suite: BenchSuite = {
  description:
    'Agency feed ingest into PostgreSQL: records/s against a bare multi-row insert of the same rows',
  async run() {
    const bench = await createBenchDatabase(4);
    try {
      const db = bench.handle.db;
      const deps = { db, clock: systemClock, ids: randomIds, logger: silentLogger };
      await seedDemoPartnership(deps);
      const actor = systemActor(demoPartnership.id as PartnershipId, 'bench-ingest');
      const file = feedFile();

      await bench.admin('checkpoint');
      let started = performance.now();
      const first = await ingestFeed(deps, actor, { organisationId: police, mapping, source: chunks(file) });
      const ingestMs = performance.now() - started;

      await bench.admin('checkpoint');
      started = performance.now();
      const replay = await ingestFeed(deps, actor, { organisationId: police, mapping, source: chunks(file) });
      const replayMs = performance.now() - started;

      // Baseline: the rows as ingest stored them, written again bare into a copy of the table.
      await bench.admin('create table bench_bare_record (like subject_record including all)');
      const stored = await db.execute(
        sql`select id, subject_id, payload, event_date::text, fact_or_opinion, source_reference, external_id, content_hash
            from subject_record where organisation_id = ${police} order by external_id`,
      );
      const rows = (stored as unknown as { rows: Record<string, unknown>[] }).rows;
      await bench.admin('checkpoint');
      started = performance.now();
      for (let i = 0; i < rows.length; i += parameters.batchSize) {
        const json = JSON.stringify(rows.slice(i, i + parameters.batchSize));
        await db.transaction((tx) =>
          tx.execute(sql`insert into bench_bare_record (partnership_id, id, subject_id, organisation_id, field_group, kind,
                payload, event_date, recorded_at, fact_or_opinion, source_reference, external_id, content_hash)
              select ${demoPartnership.id}::uuid, x.id, x.subject_id, ${police}::uuid, 'police_incidents', 'police_incident',
                x.payload, x.event_date, now(), x.fact_or_opinion, x.source_reference, x.external_id, x.content_hash
              from json_to_recordset(${json}::json) as x(id uuid, subject_id text, payload jsonb, event_date date,
                fact_or_opinion text, source_reference text, external_id text, content_hash text)`),
        );
      }
      const bareMs = performance.now() - started;

      const ingestRate = perSecond(first.totals.inserted, ingestMs);
      const replayRate = perSecond(replay.totals.unchanged, replayMs);
      const bareRate = perSecond(rows.length, bareMs);
      return {
        environment: { postgres: bench.serverVersion },
        parameters,
        results: {
          ingest: {
            rows: first.totals.rows,
            inserted: first.totals.inserted,
            ms: Math.round(ingestMs),
            recordsPerSecond: ingestRate,
          },
          replay: {
            rows: replay.totals.rows,
            unchanged: replay.totals.unchanged,
            ms: Math.round(replayMs),
            recordsPerSecond: replayRate,
          },
          baselineBareInsert: { rows: rows.length, ms: Math.round(bareMs), recordsPerSecond: bareRate },
          ingestOverBaseline: round(ingestRate / bareRate, 2),
        },
        targets: [
          check(
            'ingest into PostgreSQL',
            '≥ 20,000 records/s',
            `${ingestRate} records/s`,
            ingestRate >= 20_000,
          ),
        ],
        summary: [
          `ingest: ${ingestRate} records/s (${parameters.rows} rows in ${Math.round(ingestMs)} ms)`,
          `replay of the same file: ${replayRate} records/s, nothing written`,
          `bare multi-row insert of the same rows: ${bareRate} records/s; ingest is ${round(ingestRate / bareRate, 2)}× of it`,
        ],
      };
    } finally {
      await bench.drop();
    }
  },
};
