import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { demoOrganisations } from '../../domain/demo/northshire.ts';
import { queryRows } from '../../domain/shared/database.ts';
import { openDatabase, type DatabaseTarget } from '../db/open-database.ts';

const police = demoOrganisations.find((o) => o.key === 'police')!.id;
const ROWS = 30_000;

const mapping = {
  organisation: police,
  feed: 'kill-test',
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
    n: { key: 'summary', item: 'fact' },
  },
};

function incidents(): string {
  const lines = ['ref,person,type,date,n'];
  for (let i = 1; i <= ROWS; i++)
    lines.push(
      `INC-${i},PER-${i % 4000},${i % 3 === 0 ? 'missing_episode' : 'domestic_abuse'},2026-0${1 + (i % 9)}-1${i % 10},incident ${i}`,
    );
  return `${lines.join('\n')}\n`;
}

interface Child {
  readonly done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
  kill(): void;
  onLine(listener: (line: string) => void): void;
}

function tessera(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['bin/tessera.mjs', ...args], {
    env: { PATH: process.env.PATH ?? '', TESSERA_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners: ((line: string) => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const line of d.toString().split('\n')) for (const l of listeners) l(line);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    done: new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    }),
    kill: () => child.kill('SIGKILL'),
    onLine: (l) => listeners.push(l),
  };
}

interface Target {
  readonly name: string;
  env(): Record<string, string>;
  database(): DatabaseTarget;
  prepare(): Promise<void>;
  cleanUp(): Promise<void>;
}

function pgliteTarget(dir: () => string): Target {
  return {
    name: 'PGlite, file-backed data folder',
    env: () => ({ TESSERA_DATA_DIR: join(dir(), 'data') }),
    database: () => ({ kind: 'pglite', dataDir: join(dir(), 'data') }),
    prepare: async () => {},
    cleanUp: async () => {},
  };
}

function postgresTarget(adminUrl: string): Target {
  const name = `tessera_t_kill_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  let created = false;
  return {
    name: 'PostgreSQL',
    env: () => ({ DATABASE_URL: url.toString() }),
    database: () => ({ kind: 'postgres', url: url.toString(), poolSize: 2 }),
    async prepare() {
      await admin(`create database ${name}`);
      created = true;
    },
    async cleanUp() {
      if (created) await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

describe('tessera ingest survives a real kill half-way (DESIGN.md rule 8)', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-ingest-'));
    await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping));
    await writeFile(join(dir, 'incidents.csv'), incidents());
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const targets = [
    pgliteTarget(() => dir),
    ...(process.env.DATABASE_URL ? [postgresTarget(process.env.DATABASE_URL)] : []),
  ];
  for (const target of targets) {
    test(`killed with SIGKILL, then run again: every row exactly once (${target.name})`, async () => {
      await target.prepare();
      try {
        const seeded = await tessera(['demo', 'seed'], target.env()).done;
        assert.equal(seeded.code, 0, seeded.stderr);
        const args = [
          'ingest',
          '--org',
          police,
          '--mapping',
          join(dir, 'mapping.json'),
          '--batch-size',
          '500',
          join(dir, 'incidents.csv'),
        ];
        const first = tessera(args, target.env());
        let committed = 0;
        // Killed as soon as the first batches are known to be committed: mid-file, mid-transaction.
        first.onLine((line) => {
          const m = /ingest: (\d+) rows committed/.exec(line);
          if (m && committed === 0) {
            committed = Number(m[1]);
            first.kill();
          }
        });
        const killed = await first.done;
        assert.equal(
          killed.signal,
          'SIGKILL',
          `the first run was not killed: ${killed.stdout}${killed.stderr}`,
        );
        assert.ok(committed > 0 && committed < ROWS);

        const second = await tessera(args, target.env()).done;
        assert.equal(second.code, 0, second.stderr);
        const summary = /(\d+) rows read, (\d+) new, (\d+) changed, (\d+) unchanged, (\d+) rejected/.exec(
          second.stdout,
        );
        assert.ok(summary, second.stdout);
        const [, read, created, changed, unchanged, rejected] = summary.map(Number);
        assert.deepEqual([read, changed, rejected], [ROWS, 0, 0]);
        assert.ok(unchanged! >= committed, 'what the killed run committed is kept and not written again');
        assert.equal(created! + unchanged!, ROWS);

        const database = await openDatabase(target.database());
        try {
          const [counts] = await queryRows<{
            records: string;
            distinct_ids: string;
            persons: string;
            unlinked: string;
            bad: string;
          }>(
            database.db,
            sql`select count(*)::text as records, count(distinct external_id)::text as distinct_ids,
                       (select count(*) from agency_person where organisation_id = ${police} and external_person_id like 'PER-%')::text as persons,
                       (select count(*) from agency_person ap where ap.organisation_id = ${police}
                          and not exists (select 1 from person_link pl where pl.partnership_id = ap.partnership_id
                            and pl.agency_person_id = ap.id))::text as unlinked,
                       count(*) filter (where payload->>'summary' <> 'incident ' || substr(external_id, 15))::text as bad
                from subject_record where organisation_id = ${police} and external_id like 'kill-test:%'`,
          );
          assert.deepEqual(counts, {
            records: String(ROWS),
            distinct_ids: String(ROWS),
            persons: '4000',
            // Whatever the kill interrupted (a batch committed but not yet linked), the next run
            // links every agency person of the organisation: no one is left out of the view.
            unlinked: '0',
            bad: '0',
          });
          const runs = await queryRows<{ status: string; inserted: number; unchanged: number }>(
            database.db,
            sql`select status, inserted, unchanged from ingest_run where feed = 'kill-test' order by started_at`,
          );
          assert.deepEqual(
            runs.map((r) => r.status),
            ['interrupted', 'completed'],
          );
          // The killed run's counters were committed with its batches: together the runs add up.
          assert.equal(runs[0]!.inserted + runs[1]!.inserted, ROWS);
          const [audited] = await queryRows<{ n: string }>(
            database.db,
            sql`select coalesce(sum((e.details->>'inserted')::int), 0)::text as n from audit_event e
                join ingest_run r on r.id::text = e.details->>'runId'
                where e.action = 'ingest.batch_written' and r.feed = 'kill-test'`,
          );
          assert.equal(Number(audited!.n), ROWS, 'every committed row is covered by its batch audit event');
        } finally {
          await database.close();
        }
      } finally {
        await target.cleanUp();
      }
    });
  }

  test('a NUL byte in one row rejects that row by line and column; the other rows load and the run completes', async () => {
    const data = join(dir, 'nul-data');
    const seeded = await tessera(['demo', 'seed'], { TESSERA_DATA_DIR: data }).done;
    assert.equal(seeded.code, 0, seeded.stderr);
    await writeFile(join(dir, 'nul-mapping.json'), JSON.stringify({ ...mapping, feed: 'nul-test' }));
    const rows = [
      'ref,person,type,date,n',
      'NUL-1,PER-1,domestic_abuse,2026-01-10,first',
      'NUL-2,PER-2,domestic_abuse,2026-01-11,sec\u0000ond',
      'NUL-3,PER-3,missing_episode,2026-01-12,third',
    ];
    await writeFile(join(dir, 'nul.csv'), `${rows.join('\n')}\n`);
    const run = await tessera(
      ['ingest', '--org', police, '--mapping', join(dir, 'nul-mapping.json'), join(dir, 'nul.csv')],
      { TESSERA_DATA_DIR: data },
    ).done;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 rows read, 2 new, 0 changed, 0 unchanged, 1 rejected/);
    assert.match(run.stdout, /line 3 \(n\): rejected: The value has a NUL character/);
  });

  test('a mapping that names a column the file lacks is refused by name, and nothing is written', async () => {
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({
        ...mapping,
        columns: { ...mapping.columns, colour: { key: 'colour', item: 'fact' } },
      }),
    );
    const run = await tessera(
      ['ingest', '--org', police, '--mapping', join(dir, 'bad.json'), join(dir, 'incidents.csv')],
      {
        TESSERA_DATA_DIR: join(dir, 'data'),
      },
    ).done;
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /mapping\.columns\.colour: The file has no column "colour"|The file has no column "colour"/,
    );
  });
});
