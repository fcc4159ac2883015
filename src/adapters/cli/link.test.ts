import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';

function tessera(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tessera.mjs', ...args], {
      env: { PATH: process.env.PATH ?? '', TESSERA_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const map =
  'first_name=first_name,middle_names=middle_names,last_name=last_name,dob=dob,sex=sex,nhs_number=nhs_number,' +
  'identifier=identifier,postcode=postcode,address=address,city=city,email=email,phone=phone';

describe('tessera demo generate and tessera link', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-link-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('--help explains both commands and exits 0', async () => {
    for (const args of [['link'], ['demo', 'generate']]) {
      const run = await tessera([...args, '--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /Usage: tessera/);
    }
    assert.match((await tessera(['link', '--help'])).stdout, /first_name, middle_names, last_name, dob/);
  });

  test('generates one file per agency and links them into people, with no settings but the mapping', async () => {
    const gen = await tessera([
      'demo',
      'generate',
      '--children',
      '400',
      '--out',
      dir,
      '--per-agency',
      '--seed',
      '5',
    ]);
    assert.equal(gen.code, 0, gen.stderr);
    const inputs = ['council', 'police', 'nhs', 'school'].flatMap((a) => ['--input', join(dir, `${a}.csv`)]);
    const output = join(dir, 'clusters.csv');
    const review = join(dir, 'review.csv');
    const run = await tessera([
      'link',
      ...inputs,
      '--id',
      'record_id',
      '--map',
      map,
      '--output',
      output,
      '--review',
      review,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /linked \d+ records into \d+ people/);
    const clusters = parse(await readFile(output), { columns: true }) as Record<string, string>[];
    const records = (
      await Promise.all(
        ['council', 'police', 'nhs', 'school'].map(async (a) =>
          parse(await readFile(join(dir, `${a}.csv`)), { columns: true }),
        ),
      )
    ).flat() as Record<string, string>[];
    assert.equal(clusters.length, records.length);
    assert.deepEqual(Object.keys(clusters[0]!), ['source', 'record_id', 'cluster_id']);
    assert.deepEqual(
      new Set(clusters.map((c) => c.source)),
      new Set(['council.csv', 'police.csv', 'nhs.csv', 'school.csv']),
    );
    // Records of one true person mostly share a cluster; two people almost never do.
    const personOf = new Map(records.map((r) => [r.record_id!, r.person_id!]));
    const people = new Map<string, Set<string>>();
    for (const c of clusters)
      people.set(c.cluster_id!, (people.get(c.cluster_id!) ?? new Set()).add(personOf.get(c.record_id!)!));
    const mixed = [...people.values()].filter((s) => s.size > 1).length;
    assert.ok(mixed <= 2, `${mixed} clusters mix two people`);
    const truePeople = new Set(records.map((r) => r.person_id)).size;
    assert.ok(people.size <= truePeople * 1.05, `${people.size} clusters for ${truePeople} people`);
    assert.match(
      await readFile(review, 'utf8'),
      /^left_source,left_record_id,right_source,right_record_id,match_weight/,
    );
  });

  test('the same files and seed give the same clusters', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const base = ['link', '--input', join(dir, 'nhs.csv'), '--id', 'record_id', '--map', map];
    assert.equal((await tessera([...base, '--output', a])).code, 0);
    assert.equal((await tessera([...base, '--output', b])).code, 0);
    assert.equal(await readFile(a, 'utf8'), await readFile(b, 'utf8'));
  });

  test('a --map column the file lacks exits 2 and names the column and the file’s columns', async () => {
    const run = await tessera([
      'link',
      '--input',
      join(dir, 'nhs.csv'),
      '--id',
      'record_id',
      '--map',
      'first_name=forename',
      '--output',
      join(dir, 'x.csv'),
    ]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /--map first_name names column "forename", which .*nhs\.csv does not have \(its columns: record_id, agency/,
    );
  });

  test('an unknown field, a missing --id column, an unreadable file or a bad --dob-format exit 2', async () => {
    const nhs = join(dir, 'nhs.csv');
    const out = join(dir, 'x.csv');
    const unknown = await tessera([
      'link',
      '--input',
      nhs,
      '--id',
      'record_id',
      '--map',
      'shoe_size=dob',
      '--output',
      out,
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown field "shoe_size"/);
    const id = await tessera(['link', '--input', nhs, '--id', 'ref', '--map', 'dob=dob', '--output', out]);
    assert.equal(id.code, 2);
    assert.match(id.stderr, /--id names column "ref"/);
    const missing = await tessera([
      'link',
      '--input',
      join(dir, 'nope.csv'),
      '--id',
      'record_id',
      '--map',
      'dob=dob',
      '--output',
      out,
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.csv cannot be read/);
    const format = await tessera([
      'link',
      '--input',
      nhs,
      '--id',
      'record_id',
      '--map',
      'dob=dob',
      '--output',
      out,
      '--dob-format',
      'DD/MM',
    ]);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--dob-format/);
  });

  test('reads a small hand-written file with a byte-order mark, ragged rows and odd dates', async () => {
    const file = join(dir, 'small.csv');
    await writeFile(
      file,
      '\ufeffref,forename,surname,born\n1,Sam,Taylor,09/04/2016\n2,Sammy,Taylor,2016-04-09\n3,Harry,Taylor,12/11/2013,extra\n4,Sam\n',
    );
    const out = join(dir, 'small-out.csv');
    const run = await tessera([
      'link',
      '--input',
      file,
      '--id',
      'ref',
      '--map',
      'first_name=forename,last_name=surname,dob=born',
      '--output',
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const rows = parse(await readFile(out), { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => r.record_id),
      ['1', '2', '3', '4'],
    );
  });
});
