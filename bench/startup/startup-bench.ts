import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { tesseraNodeFlags } from '../../src/adapters/cli/node-flags.ts';
import { join } from 'node:path';

/**
 * Target: `npm start` on an installed fresh clone serves the sign-in page within 10 s. Measures
 * `tessera serve` from process start to the first 200 for `/` with the web app, on an empty data
 * folder (first start: create the database, migrate, seed the demo) and again on the same folder
 * (a restart). Baseline in the same run: a bare Node process serving a page, the floor any
 * Node service pays.
 */
export interface StartupResult {
  firstStartMs: number[];
  restartMs: number[];
  baselineNodeMs: number[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function timeUntilServed(
  command: string[],
  env: Record<string, string>,
  port: number,
  expect: RegExp,
): Promise<number> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, command, {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error('did not start within 60 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.status === 200 && expect.test(await response.text())) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runStartupBench(runs = 3): Promise<StartupResult> {
  const result: StartupResult = { firstStartMs: [], restartMs: [], baselineNodeMs: [] };
  const baseline = `require('node:http').createServer((q, s) => s.end('<html>ok</html>')).listen(process.env.PORT, '127.0.0.1')`;
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'tessera-startup-'));
    const env = {
      TESSERA_DATA_DIR: join(dir, 'data'),
      TESSERA_AUDIT_SIGNING_KEY_FILE: join(dir, 'keys', 'audit-signing-key.pem'),
      TESSERA_AUDIT_WITNESS_DIR: join(dir, 'witness'),
      TESSERA_LOG_LEVEL: 'silent',
    };
    try {
      result.firstStartMs.push(
        await timeUntilServed(
          [...tesseraNodeFlags, 'bin/tessera.mjs', 'serve'],
          env,
          await freePort(),
          /<html/i,
        ),
      );
      result.restartMs.push(
        await timeUntilServed(
          [...tesseraNodeFlags, 'bin/tessera.mjs', 'serve'],
          env,
          await freePort(),
          /<html/i,
        ),
      );
      result.baselineNodeMs.push(await timeUntilServed(['-e', baseline], {}, await freePort(), /ok/));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return result;
}
