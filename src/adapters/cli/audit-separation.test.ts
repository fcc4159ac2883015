import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { PLATFORM_PARTNERSHIP_ID } from '../../domain/shared/ids.ts';

/**
 * DESIGN.md rule 3 on PostgreSQL, with the real commands: the owner migrates, the web process
 * runs as a role that may only read and write rows and never holds the signing key, a sealer
 * process of its own signs and witnesses, and verify finds a tail cut that the witness outlived.
 */
const adminUrl = process.env.DATABASE_URL;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<Run>; output: () => string } {
  const child = spawn(process.execPath, ['bin/tessera.mjs', ...args], {
    env: { PATH: process.env.PATH ?? '', TESSERA_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done, output: () => stdout + stderr };
}

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

if (adminUrl) {
  describe('process, key and role kept apart on PostgreSQL', () => {
    const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
    const name = `tessera_t_sep_${suffix}`;
    const role = `tessera_app_t_${suffix}`;
    const ownerUrl = new URL(adminUrl);
    ownerUrl.pathname = `/${name}`;
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    appUrl.password = 'orchard-kettle-lantern';
    let dir = '';
    let env: Record<string, string> = {};
    const admin = async (statement: string, url = adminUrl) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await client.query(statement);
      } finally {
        await client.end();
      }
    };

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tessera-separation-'));
      await admin(`create database ${name}`);
      env = {
        DATABASE_URL: appUrl.toString(),
        DATABASE_OWNER_URL: ownerUrl.toString(),
        TESSERA_AUDIT_SIGNING_KEY_FILE: join(dir, 'keys', 'audit-signing-key.pem'),
        TESSERA_AUDIT_WITNESS_DIR: join(dir, 'witness'),
        TESSERA_SEAL_INTERVAL_MS: '200',
        TESSERA_CHECKPOINT_INTERVAL_MS: '200',
      };
    });
    after(async () => {
      await admin(`drop database if exists ${name} with (force)`);
      await admin(`drop role if exists ${role}`);
      await rm(dir, { recursive: true, force: true });
    });

    test('the owner migrates and makes the server role; the web process serves without the key', async () => {
      const migrated = await start(['db', 'migrate'], { ...env, TESSERA_LOG_LEVEL: 'silent' }).done;
      assert.equal(migrated.code, 0, migrated.stderr);
      assert.match(migrated.stdout, new RegExp(`server role ${role} created and granted data access only`));

      const port = await freePort();
      const server = start(['serve'], { ...env, PORT: String(port) });
      try {
        await until('the server to listen', () => server.output().includes('Tessera is running'));
        assert.match(server.output(), /sealed and signed by tessera audit seal, not by this process/);
        assert.doesNotMatch(server.output(), /can alter the audit tables/);
        // Failed sign-ins to unknown accounts: events in the platform's chain, left for the sealer.
        for (let i = 0; i < 3; i++) {
          const response = await fetch(`http://127.0.0.1:${port}/api/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: `nobody${i}@example.org`, password: 'not a real password' }),
          });
          assert.equal(response.status, 401);
        }
      } finally {
        server.child.kill('SIGTERM');
        await server.done;
      }
      assert.equal(
        await exists(env.TESSERA_AUDIT_SIGNING_KEY_FILE!),
        false,
        'serve must not load or make the key',
      );
      assert.equal(await exists(join(dir, 'witness')), false, 'serve must not seal or witness');
    });

    test('tessera audit seal holds the key, signs within the interval and witnesses', async () => {
      const sealer = start(['audit', 'seal'], env);
      const witnessFile = join(dir, 'witness', `${PLATFORM_PARTNERSHIP_ID}.jsonl`);
      try {
        await until(
          'a witnessed checkpoint',
          async () => (await exists(witnessFile)) && (await readFile(witnessFile, 'utf8')).includes('\n'),
        );
      } finally {
        sealer.child.kill('SIGTERM');
      }
      const run = await sealer.done;
      assert.equal(run.code, 0, run.stderr);
      assert.equal((await stat(env.TESSERA_AUDIT_SIGNING_KEY_FILE!)).mode & 0o777, 0o600);
      assert.match(await readFile(join(dir, 'witness', 'audit-signing-key.pub'), 'utf8'), /BEGIN PUBLIC KEY/);
      const verified = await start(['audit', 'verify'], { ...env, TESSERA_LOG_LEVEL: 'silent' }).done;
      assert.equal(verified.code, 0, verified.stderr);
    });

    test('verify reports a tail cut by the owner as truncated, because the witness holds a later checkpoint', async () => {
      const p = PLATFORM_PARTNERSHIP_ID;
      const { rows } = await admin(
        `select max(seq)::int as head from audit_chain where partnership_id = '${p}'`,
        ownerUrl.toString(),
      );
      const head = (rows[0] as { head: number }).head;
      await admin(
        `begin;
         set local session_replication_role = replica;
         delete from audit_event where partnership_id = '${p}' and id in
           (select event_id from audit_chain where partnership_id = '${p}' and seq = ${head});
         delete from audit_chain where partnership_id = '${p}' and seq = ${head};
         delete from audit_checkpoint where partnership_id = '${p}' and seq_to = ${head};
         commit;`,
        ownerUrl.toString(),
      );
      const run = await start(['audit', 'verify'], { ...env, TESSERA_LOG_LEVEL: 'silent' }).done;
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(`FAILED at seq ${head}: truncated`));
    });
  });
}
