import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { round } from '../support/stats.ts';
import { check, type BenchSuite, type TargetCheck } from '../support/suite.ts';
import { exactMatchClusters } from './baseline.ts';
import { generatedCase, isoDateCopy, publicCases, type AccuracyCase } from './cases.ts';
import { comparatorScript, linkageDataFolder, repoRoot } from './locations.ts';
import { pairwiseAccuracy, type PairwiseAccuracy } from './pairwise-accuracy.ts';
import { measureDbIncremental } from './db-incremental.ts';
import { measureIncremental } from './incremental.ts';
import { runComparator, runTessera, type LinkerRun } from './run-linkers.ts';

/** Children for about 100,000 generated records, and for about a million. */
const ACCURACY_CHILDREN = Number(process.env.LINKAGE_BENCH_CHILDREN ?? 27_000);
const SPEED_CHILDREN = Number(process.env.LINKAGE_BENCH_SPEED_CHILDREN ?? 268_000);
/** Children whose agency records are held in PostgreSQL for incremental linking (0 skips it). */
const DB_CHILDREN = Number(process.env.LINKAGE_BENCH_DB_CHILDREN ?? 268_000);

function accuracyOf(run: Map<string, string>, truth: Map<string, string>): PairwiseAccuracy {
  const ids = [...truth.keys()];
  return pairwiseAccuracy(
    ids.map((id) => run.get(id) ?? `missing:${id}`),
    ids.map((id) => truth.get(id)!),
  );
}

const figures = (a: PairwiseAccuracy) => ({
  precision: round(a.precision, 5),
  recall: round(a.recall, 5),
  f1: round(a.f1, 5),
  truePairs: a.truePairs,
  predictedPairs: a.predictedPairs,
});

function generate(children: number, out: string): string {
  const done = spawnSync(
    process.execPath,
    ['bin/tessera.mjs', 'demo', 'generate', '--children', String(children), '--out', out],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, TESSERA_LOG_LEVEL: 'silent' },
    },
  );
  if (done.status !== 0) throw new Error('tessera demo generate failed');
  return join(out, 'records.csv');
}

async function measureCase(c: AccuracyCase, script: string, work: string) {
  const rows = parse(await readFile(c.file), { columns: true }) as Record<string, string>[];
  const idOf = (row: Record<string, string>) => (row[c.id] ?? row[` ${c.id}`] ?? '').trim();
  const truth = new Map(rows.map((row) => [idOf(row), c.truthOf(row)]));
  const ours = await runTessera([c.file], c.id, c.map, work);
  const theirs = await runComparator(
    script,
    c.comparatorFile ?? c.file,
    c.id,
    c.comparatorMap,
    work,
    c.comparatorArgs,
  );
  const tessera = accuracyOf(ours.clusters, truth);
  const comparator = accuracyOf(theirs.clusters, truth);
  const baseline = accuracyOf(exactMatchClusters(rows, c.id, c.baseline), truth);
  return { records: rows.length, tessera, comparator, baseline, ours, theirs };
}

const speedOf = (r: LinkerRun) => ({
  wallS: round(r.wallMs / 1000, 2),
  peakMemoryGiB: r.peakRssBytes === undefined ? null : round(r.peakRssBytes / 2 ** 30, 3),
});

export const suite: BenchSuite = {
  description:
    'person linkage: pairwise accuracy after clustering on febrl3, fake_1000, historical 50k and generated ' +
    'families, against an exact-match baseline and the Splink-style comparator; 1M-record batch speed',
  async run() {
    const folder = linkageDataFolder();
    const script = await comparatorScript();
    const work = await mkdtemp(join(tmpdir(), 'tessera-linkage-bench-'));
    try {
      const generated = generate(ACCURACY_CHILDREN, join(work, 'generated'));
      const comparatorCopy = join(work, 'generated-iso.csv');
      await isoDateCopy(generated, comparatorCopy);
      const cases = [...publicCases(folder), generatedCase(generated, comparatorCopy, 'generated_families')];
      const results: Record<string, unknown> = {};
      const targets: TargetCheck[] = [];
      const summary: string[] = [];
      const measured: Record<string, Awaited<ReturnType<typeof measureCase>>> = {};
      for (const c of cases) {
        console.log(`linking ${c.name} ...`);
        const m = await measureCase(c, script, work);
        measured[c.name] = m;
        results[c.name] = {
          records: m.records,
          tessera: { ...figures(m.tessera), ...speedOf(m.ours), reviewPairs: m.ours.stats?.reviewPairs },
          comparator: { ...figures(m.comparator), ...speedOf(m.theirs) },
          exactMatchBaseline: figures(m.baseline),
          f1OverComparator: round(m.tessera.f1 / m.comparator.f1, 4),
          f1OverBaseline: round(m.tessera.f1 / m.baseline.f1, 4),
          precisionOverComparator: round(m.tessera.precision / m.comparator.precision, 4),
          recallOverComparator: round(m.tessera.recall / m.comparator.recall, 4),
        };
        summary.push(
          `${c.name}: tessera P ${m.tessera.precision.toFixed(4)} R ${m.tessera.recall.toFixed(4)} F1 ${m.tessera.f1.toFixed(4)}` +
            ` | comparator F1 ${m.comparator.f1.toFixed(4)} | baseline F1 ${m.baseline.f1.toFixed(4)}`,
        );
      }
      const f = (name: string) => measured[name]!;
      const pr = (a: PairwiseAccuracy) => `P ${a.precision.toFixed(5)} R ${a.recall.toFixed(5)}`;
      targets.push(
        check(
          'febrl3 precision',
          '≥ 0.9995',
          pr(f('febrl3').tessera),
          f('febrl3').tessera.precision >= 0.9995,
        ),
        check('febrl3 recall', '≥ 0.999', pr(f('febrl3').tessera), f('febrl3').tessera.recall >= 0.999),
        check(
          'generated precision',
          '≥ 0.999',
          pr(f('generated_families').tessera),
          f('generated_families').tessera.precision >= 0.999,
        ),
        check(
          'generated recall',
          '≥ 0.98',
          pr(f('generated_families').tessera),
          f('generated_families').tessera.recall >= 0.98,
        ),
      );
      for (const name of ['historical_figures_with_errors_50k', 'fake_1000']) {
        const m = f(name);
        targets.push(
          check(
            `${name} F1 beats the comparator and the baseline`,
            `> ${Math.max(m.comparator.f1, m.baseline.f1).toFixed(4)}`,
            m.tessera.f1.toFixed(4),
            m.tessera.f1 > m.comparator.f1 && m.tessera.f1 > m.baseline.f1,
          ),
        );
      }
      const speed = await measureSpeed(script, work);
      results.batch1M = speed.results;
      targets.push(...speed.targets);
      summary.push(...speed.summary);
      if (DB_CHILDREN > 0) {
        console.log('incremental linking through PostgreSQL ...');
        const db = await measureDbIncremental(DB_CHILDREN);
        results.dbIncremental = db;
        targets.push(
          check(
            `incremental linking through PostgreSQL p99 against ${db.held} held (read, score, write, audit, commit)`,
            '≤ 10 ms',
            `${db.link.p99Ms} ms (bare audited write p99 ${db.bareAuditedWrite.p99Ms} ms)`,
            db.link.p99Ms <= 10,
          ),
        );
        summary.push(
          `DB incremental against ${db.held} held: p50 ${db.link.p50Ms} ms, p99 ${db.link.p99Ms} ms;` +
            ` bare audited write p50 ${db.bareAuditedWrite.p50Ms} ms (${db.linkOverBare}x)`,
        );
      }
      return {
        environment: { loadAverage: (await import('node:os')).loadavg().map((x) => round(x, 2)) },
        parameters: {
          generatedChildren: ACCURACY_CHILDREN,
          speedChildren: SPEED_CHILDREN,
          dbChildren: DB_CHILDREN,
          comparator: 'shared/tools/splink-style-duckdb',
        },
        results,
        targets,
        summary,
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};

async function measureSpeed(script: string, work: string) {
  const file = generate(SPEED_CHILDREN, join(work, 'speed'));
  const c = generatedCase(file, join(work, 'speed-iso.csv'), 'generated_1m');
  const rows = parse(await readFile(file), { columns: true }) as Record<string, string>[];
  const truth = new Map(rows.map((row) => [row.record_id!, row.person_id!]));
  rows.length = 0;
  console.log(`linking ${truth.size} generated records ...`);
  const ours = await runTessera([file], c.id, c.map, work);
  const accuracy = accuracyOf(ours.clusters, truth);
  // The same run without Tessera's Node flags (node-flags.ts): what the larger young generation is worth.
  console.log('linking them again without the Node flags ...');
  const plain = await runTessera([file], c.id, c.map, work, [], []);
  const results: Record<string, unknown> = {
    records: truth.size,
    tessera: {
      ...speedOf(ours),
      ...figures(accuracy),
      phasesMs: ours.stats?.timingsMs,
      candidatePairs: ours.stats?.candidatePairs,
    },
    tesseraWithoutNodeFlags: { ...speedOf(plain), phasesMs: plain.stats?.timingsMs },
    wallOverWithoutNodeFlags: round(ours.wallMs / plain.wallMs, 3),
  };
  if (process.env.LINKAGE_BENCH_COMPARATOR_1M !== '0') {
    await isoDateCopy(file, c.comparatorFile!);
    console.log('running the comparator on the same million ...');
    const theirs = await runComparator(
      script,
      c.comparatorFile!,
      c.id,
      c.comparatorMap,
      work,
      c.comparatorArgs,
    );
    const theirAccuracy = accuracyOf(theirs.clusters, truth);
    results.comparator = { ...speedOf(theirs), ...figures(theirAccuracy) };
    results.wallOverComparator = round(ours.wallMs / theirs.wallMs, 3);
  }
  console.log('incremental linking against the million held ...');
  const incremental = await measureIncremental(file, c.map);
  results.incremental = incremental;
  const peak = ours.peakRssBytes ?? Infinity;
  return {
    results,
    targets: [
      check(
        `incremental linking p99 against ${incremental.held} held`,
        '≤ 10 ms',
        `${incremental.latency.p99Ms} ms`,
        incremental.latency.p99Ms <= 10,
      ),
      check(
        '1M batch dedupe wall time (tessera link, CSV in and out)',
        '≤ 30 s',
        `${(ours.wallMs / 1000).toFixed(1)} s`,
        ours.wallMs <= 30_000,
      ),
      check('1M batch dedupe peak memory', '≤ 2 GiB', `${(peak / 2 ** 30).toFixed(2)} GiB`, peak <= 2 ** 31),
    ],
    summary: [
      `1M: ${(ours.wallMs / 1000).toFixed(1)} s, ${(peak / 2 ** 30).toFixed(2)} GiB, ${pairLine(accuracy)}`,
    ],
  };
}

const pairLine = (a: PairwiseAccuracy) =>
  `P ${a.precision.toFixed(5)} R ${a.recall.toFixed(5)} F1 ${a.f1.toFixed(5)}`;
