import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Citus 13.0 builds against Debian's PostgreSQL 15; `cluster.sh install` puts it here. */
const citusLibrary = '/usr/lib/postgresql/15/lib/citus.so';

/**
 * The shared cluster script (../shared/tools/citus beside the main checkout): TESSERA_CITUS_CLUSTER
 * names it elsewhere. Looked for from the repository root and one level further out, since a
 * worktree sits one folder deeper than the main checkout.
 */
function clusterScript(): string | undefined {
  const named = process.env.TESSERA_CITUS_CLUSTER;
  if (named) return existsSync(named) ? named : undefined;
  return ['../shared/tools/citus/cluster.sh', '../../shared/tools/citus/cluster.sh']
    .map((path) => resolve(process.cwd(), path))
    .find((path) => existsSync(path));
}

/**
 * Why the Citus suite cannot run here, or undefined when it can. With
 * TESSERA_REQUIRE_SYSTEM_TOOLS=1 (set by .ci/run, which installs Citus) a missing Citus fails the
 * run instead of skipping it (DESIGN.md section 6).
 */
export function citusUnavailable(): string | undefined {
  const script = clusterScript();
  const reason = !script
    ? 'the Citus cluster script (../shared/tools/citus/cluster.sh) is not here'
    : !existsSync(citusLibrary)
      ? `Citus is not installed (no ${citusLibrary}; run cluster.sh install as root)`
      : undefined;
  if (reason && process.env.TESSERA_REQUIRE_SYSTEM_TOOLS === '1') {
    throw new Error(`${reason}, and TESSERA_REQUIRE_SYSTEM_TOOLS=1 requires it`);
  }
  return reason;
}

export interface CitusCluster {
  /** The coordinator's `postgres` database, with Citus and both workers added. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a coordinator and two workers on free ports, in a new folder under the system's temporary
 * folder (a folder of its own that cluster.sh opens to the postgres user; a folder inside an
 * mkdtemp folder would not be reachable). If starting fails half-way, what started is stopped.
 */
export async function startCitusCluster(): Promise<CitusCluster> {
  const script = clusterScript()!;
  const dir = await mkdtemp(join(tmpdir(), 'tessera-citus-'));
  const port = await freePortRun(3);
  const stop = async () => {
    await run(script, ['stop', dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const { stdout } = await run(script, ['start', dir, String(port), '2'], { timeout: 120_000 });
    return { url: stdout.trim().split('\n').pop()!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The first of `count` consecutive ports that nothing on 127.0.0.1 listens on. */
async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error('found no free ports for the Citus cluster');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
