import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { demoOrganisations, demoPartnership } from '../../domain/demo/northshire.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `tessera` command, as an administrator would, against a throwaway data folder. */
function tessera(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tessera.mjs', ...args], {
      env: { PATH: process.env.PATH ?? '', TESSERA_LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('the tessera command', () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-cli-'));
    env = {
      TESSERA_DATA_DIR: join(dir, 'data'),
      TESSERA_AUDIT_SIGNING_KEY_FILE: join(dir, 'keys', 'audit-signing-key.pem'),
      TESSERA_AUDIT_WITNESS_DIR: join(dir, 'witness'),
    };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('--help works on every command and exits 0; an unknown command exits 2', async () => {
    for (const args of [
      [],
      ['serve'],
      ['db', 'migrate'],
      ['demo', 'seed'],
      ['user', 'add'],
      ['audit', 'verify'],
      ['audit', 'checkpoint'],
      ['audit', 'seal'],
      ['gateways', 'export'],
      ['gateways', 'import'],
      ['people', 'relink'],
      ['people', 'refit'],
    ]) {
      const run = await tessera([...args, '--help'], env);
      assert.equal(run.code, 0, args.join(' '));
      assert.match(run.stdout, /Usage: tessera/);
    }
    assert.equal((await tessera(['frobnicate'], env)).code, 2);
  });

  test('migrate, seed, add a user, checkpoint and verify', async () => {
    assert.equal((await tessera(['db', 'migrate'], env)).code, 0);
    const seeded = await tessera(['demo', 'seed'], env);
    assert.equal(seeded.code, 0, seeded.stderr);
    assert.match(seeded.stdout, /11 organisations, 28 users/);

    const school = demoOrganisations.find((o) => o.key === 'school')!.id;
    const userArgs = [
      'user',
      'add',
      '--email',
      'amy.wu@northshire.example',
      '--name',
      'Amy Wu',
      '--organisation',
      school,
      '--password-stdin',
    ];
    const badRole = await tessera([...userArgs, '--role', 'overlord'], env, 'lantern kettle orchard');
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /--role must be one of/);
    const weak = await tessera([...userArgs, '--role', 'practitioner'], env, 'short');
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /password: Password must be 12 characters or more/);
    const added = await tessera([...userArgs, '--role', 'practitioner'], env, 'lantern kettle orchard');
    assert.equal(added.code, 0, added.stderr);

    const checkpoint = await tessera(['audit', 'checkpoint'], env);
    assert.equal(checkpoint.code, 0, checkpoint.stderr);
    assert.match(checkpoint.stdout, /sealed \d+ events; signed [1-9]\d* checkpoints/);
    const verified = await tessera(['audit', 'verify'], env);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /^verified \d+ events$/m);

    // The demo seed loads its agency feeds and links them in one batch, so a second relink is
    // refused (it would overturn links), and a refit fits the model again to what is held.
    const relinked = await tessera(['people', 'relink'], env);
    assert.equal(relinked.code, 2);
    assert.match(relinked.stderr, /already has linked records/);
    const refit = await tessera(['people', 'refit'], env);
    assert.equal(refit.code, 0, refit.stderr);
    assert.match(refit.stdout, /fitted model \S+ to [1-9]\d* records/);
  });

  test('exports the gateway catalogue to a workbook and imports it back as a new version', async () => {
    const out = join(dir, 'gateways.xlsx');
    const exported = await tessera(['gateways', 'export', '--out', out], env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /wrote catalogue version 1 \(\d+ gateways\)/);
    const imported = await tessera(['gateways', 'import', out, '--note', 'From the CLI'], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /imported catalogue version 2/);
    const notes = join(dir, 'notes.txt');
    await writeFile(notes, 'not a workbook');
    const refused = await tessera(['gateways', 'import', notes], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /file: The file is not an Excel workbook/);
    assert.equal((await tessera(['gateways', 'import', join(dir, 'missing.xlsx')], env)).code, 2);
  });

  test('verify exits 1 naming a cut tail (the newest events and last checkpoint deleted) as truncated', async () => {
    const p = demoPartnership.id;
    const db = await PGlite.create(join(dir, 'data'));
    let head: number;
    try {
      const rows = await db.query<{ head: number }>(
        `select max(seq)::int as head from audit_chain where partnership_id = '${p}'`,
      );
      head = rows.rows[0]!.head;
      // What the database's owner could do: triggers off, the newest three events, their chain
      // entries and the checkpoint over them gone, leaving a chain that is sound on its own.
      await db.exec(`set session_replication_role = replica;
        delete from audit_event where partnership_id = '${p}' and id in
          (select event_id from audit_chain where partnership_id = '${p}' and seq > ${head - 3});
        delete from audit_chain where partnership_id = '${p}' and seq > ${head - 3};
        delete from audit_checkpoint where partnership_id = '${p}' and seq_to > ${head - 3};
        set session_replication_role = origin;`);
    } finally {
      await db.close();
    }
    const run = await tessera(['audit', 'verify'], env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`FAILED at seq ${head - 2}: truncated`));
    // The witness keeps its copy in its own folder, outside the data folder and the key's.
    assert.match(await readFile(join(dir, 'witness', `${p}.jsonl`), 'utf8'), new RegExp(`"seqTo":${head}`));
  });

  test('verify exits 1 naming the sequence number of an edited event', async () => {
    const db = await PGlite.create(join(dir, 'data'));
    try {
      await db.exec(`set session_replication_role = replica;
        update audit_event set details = '{"name": "forged"}' where id = (select event_id from audit_chain where partnership_id = '${demoPartnership.id}' order by seq limit 1 offset 2);
        set session_replication_role = origin;`);
    } finally {
      await db.close();
    }
    const run = await tessera(['audit', 'verify'], env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /FAILED at seq 3: edited/);
  });

  test('a bad setting exits 2 naming it', async () => {
    const run = await tessera(['db', 'migrate'], { ...env, DATABASE_URL: 'mysql://nope' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /DATABASE_URL/);
  });
});
