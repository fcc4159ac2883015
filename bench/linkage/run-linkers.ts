import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { tesseraNodeFlags } from '../../src/adapters/cli/node-flags.ts';
import { repoRoot } from './locations.ts';

export interface LinkerRun {
  /** record id → cluster id */
  clusters: Map<string, string>;
  wallMs: number;
  peakRssBytes: number | undefined;
  stats: Record<string, unknown> | undefined;
}

/** Runs a command, measuring its wall time; rejects with its stderr when it fails. */
function run(command: string, args: string[], cwd: string): Promise<{ wallMs: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TESSERA_LOG_LEVEL: 'silent' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ wallMs: performance.now() - started, stderr });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

async function readClusters(
  file: string,
  idColumn: string,
  clusterColumn: string,
): Promise<Map<string, string>> {
  const rows = parse(await readFile(file), { columns: true }) as Record<string, string>[];
  return new Map(rows.map((r) => [r[idColumn]!, r[clusterColumn]!]));
}

/**
 * `tessera link` as a user runs it (with Tessera's Node flags, node-flags.ts, unless
 * `nodeFlags` says otherwise), with --stats for its own timings and peak memory.
 */
export async function runTessera(
  inputs: string[],
  id: string,
  map: string,
  work: string,
  extra: string[] = [],
  nodeFlags: readonly string[] = tesseraNodeFlags,
): Promise<LinkerRun> {
  const output = join(work, 'tessera-clusters.csv');
  const statsFile = join(work, 'tessera-stats.json');
  const args = [
    'bin/tessera.mjs',
    'link',
    ...inputs.flatMap((f) => ['--input', f]),
    '--id',
    id,
    '--map',
    map,
  ];
  const { wallMs } = await run(
    process.execPath,
    [...nodeFlags, ...args, '--output', output, '--stats', statsFile, ...extra],
    repoRoot,
  );
  const stats = JSON.parse(await readFile(statsFile, 'utf8')) as Record<string, unknown>;
  return {
    clusters: await readClusters(output, 'record_id', 'cluster_id'),
    wallMs,
    peakRssBytes: stats.maxRssBytes as number,
    stats,
  };
}

/** The Splink-style comparator on the same input, as its README describes. */
export async function runComparator(
  script: string,
  input: string,
  id: string,
  map: string,
  work: string,
  extra: string[] = [],
): Promise<LinkerRun> {
  const output = join(work, 'comparator-clusters.csv');
  const statsFile = join(work, 'comparator-stats.json');
  const args = [
    script,
    '--input',
    input,
    '--id',
    id,
    '--map',
    map,
    '--output',
    output,
    '--stats',
    statsFile,
    ...extra,
  ];
  // GNU time's last line is the peak resident set size in kilobytes.
  const { wallMs, stderr } = await run('/usr/bin/time', ['-f', '%M', process.execPath, ...args], repoRoot);
  const peakKb = Number(stderr.trim().split('\n').pop());
  const stats = JSON.parse(await readFile(statsFile, 'utf8')) as Record<string, unknown>;
  return {
    clusters: await readClusters(output, 'record_id', 'cluster_id'),
    wallMs,
    peakRssBytes: Number.isFinite(peakKb) ? peakKb * 1024 : undefined,
    stats,
  };
}
