/**
 * `node --import tsx bench/linkage/labelled.ts [--comparator] [--save]`: the labelled public
 * sets alone (febrl3, fake_1000, historical 50k; ../shared/data/linkage) through `tessera link`,
 * scored on its clusters (a review pair counts as not linked), with the comparator beside it if
 * asked. With --save the figures are appended to bench/results/linkage-labelled.jsonl with the
 * machine and its load. The full suite (`npm run bench -- linkage`) adds 1M and PostgreSQL.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describeMachine } from '../support/machine.ts';
import { round } from '../support/stats.ts';
import { publicCases } from './cases.ts';
import { comparatorScript, linkageDataFolder, repoRoot } from './locations.ts';
import { pairwiseAccuracy } from './pairwise-accuracy.ts';
import { runComparator, runTessera, type LinkerRun } from './run-linkers.ts';

const { values } = parseArgs({
  options: { comparator: { type: 'boolean', default: false }, save: { type: 'boolean', default: false } },
});

function score(run: LinkerRun, truth: Map<string, string>) {
  const ids = [...truth.keys()];
  const a = pairwiseAccuracy(
    ids.map((id) => run.clusters.get(id) ?? `missing:${id}`),
    ids.map((id) => truth.get(id)!),
  );
  return {
    precision: round(a.precision, 5),
    recall: round(a.recall, 5),
    f1: round(a.f1, 5),
    falsePairs: a.predictedPairs - a.correctPairs,
    missedPairs: a.truePairs - a.correctPairs,
    wallS: round(run.wallMs / 1000, 2),
  };
}

const work = await mkdtemp(join(tmpdir(), 'tessera-labelled-'));
try {
  const result: Record<string, unknown> = { date: new Date().toISOString(), machine: describeMachine() };
  const script = values.comparator ? await comparatorScript() : undefined;
  for (const c of publicCases(linkageDataFolder())) {
    const rows = parse(await readFile(c.file), { columns: true }) as Record<string, string>[];
    const idOf = (row: Record<string, string>) => (row[c.id] ?? row[` ${c.id}`] ?? '').trim();
    const truth = new Map(rows.map((row) => [idOf(row), c.truthOf(row)]));
    const ours = await runTessera([c.file], c.id, c.map, work);
    const entry: Record<string, unknown> = {
      records: rows.length,
      tessera: { ...score(ours, truth), reviewPairs: ours.stats?.reviewPairs },
    };
    if (script) {
      const theirs = await runComparator(
        script,
        c.comparatorFile ?? c.file,
        c.id,
        c.comparatorMap,
        work,
        c.comparatorArgs,
      );
      entry.comparator = score(theirs, truth);
    }
    result[c.name] = entry;
    console.log(c.name, JSON.stringify(entry));
  }
  result.loadAverage1mAtEnd = round((await import('node:os')).loadavg()[0]!, 2);
  if (values.save)
    await appendFile(join(repoRoot, 'bench/results/linkage-labelled.jsonl'), `${JSON.stringify(result)}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
