import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoPartnership } from '../../domain/demo/northshire.ts';

/** A port nothing listens on now (PORT must be 1 or more, so the server cannot pick one). */
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

describe('tessera serve warms the linkage index after it listens', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-serve-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test(
    'a restarted server answers, then logs its linkage index ready, with ids and counts only',
    { timeout: 300_000 },
    async () => {
      const env = {
        PATH: process.env.PATH ?? '',
        TESSERA_DATA_DIR: join(dir, 'data'),
        TESSERA_AUDIT_SIGNING_KEY_FILE: join(dir, 'keys', 'audit-signing-key.pem'),
        TESSERA_AUDIT_WITNESS_DIR: join(dir, 'witness'),
      };
      // The demo's feeds, batch linked: a partnership with a stored model and held records.
      const seed = spawn(process.execPath, ['bin/tessera.mjs', 'demo', 'seed'], {
        env: { ...env, TESSERA_LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      });
      assert.equal(await new Promise((resolve) => seed.on('close', resolve)), 0);

      const port = await freePort();
      const server = spawn(process.execPath, ['bin/tessera.mjs', 'serve'], {
        env: { ...env, TESSERA_LOG_LEVEL: 'info', PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const closed = new Promise((resolve) => server.on('close', resolve));
      try {
        const lines: string[] = [];
        let listening: () => void = () => {};
        let ready: (line: Record<string, unknown>) => void = () => {};
        const isListening = new Promise<void>((resolve) => (listening = resolve));
        const isReady = new Promise<Record<string, unknown>>((resolve) => (ready = resolve));
        let buffered = '';
        server.stdout.on('data', (d: Buffer) => {
          buffered += d.toString();
          const parts = buffered.split('\n');
          buffered = parts.pop() ?? '';
          for (const line of parts) {
            lines.push(line);
            if (line.includes('Tessera is running')) listening();
            if (line.includes('"link index ready"')) ready(JSON.parse(line) as Record<string, unknown>);
          }
        });
        await Promise.race([isListening, closed.then(() => assert.fail(lines.join('\n')))]);
        const health = await fetch(`http://127.0.0.1:${port}/api/health`);
        assert.equal(health.status, 200);
        const entry = await Promise.race([isReady, closed.then(() => assert.fail(lines.join('\n')))]);
        assert.equal(entry.partnershipId, demoPartnership.id);
        assert.ok(Number(entry.held) > 0, 'the index holds the demo agency persons');
        const keys = Object.keys(entry).filter(
          (k) => !['level', 'time', 'pid', 'hostname', 'service', 'msg'].includes(k),
        );
        assert.deepEqual(keys.sort(), ['held', 'ms', 'partnershipId']);
      } finally {
        server.kill('SIGTERM');
        await closed;
      }
    },
  );
});
