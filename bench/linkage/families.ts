/**
 * `node --import tsx bench/linkage/families.ts --generator tuning|judge --children N [--seed S]
 * [--comparator] [--save]`: generates a population of families (the tuning generator,
 * domain/people/generator, or the independent judge generator, domain/people/judge-generator),
 * links it with `tessera link` as a user runs it, and scores its clusters alone (a pair sent to
 * review counts as not linked) against the truth. With --save the figures are appended to
 * bench/results/linkage-families.jsonl with the machine and its load. About 9,300 children make
 * 35k records; about 265,000 make a million.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { generatedColumns } from '../../src/adapters/cli/commands/demo-generate.ts';
import { generatePopulation } from '../../src/domain/people/generator/generate-population.ts';
import { generateJudgePopulation } from '../../src/domain/people/judge-generator/generate-judge-population.ts';
import { describeMachine } from '../support/machine.ts';
import { round } from '../support/stats.ts';
import { generatedCase, isoDateCopy } from './cases.ts';
import { frozenSettings } from './frozen-settings.ts';
import { comparatorScript, repoRoot } from './locations.ts';
import { pairwiseAccuracy } from './pairwise-accuracy.ts';
import { runComparator, runTessera, type LinkerRun } from './run-linkers.ts';

const { values } = parseArgs({
  options: {
    generator: { type: 'string', default: 'tuning' },
    children: { type: 'string', default: '9300' },
    seed: { type: 'string', default: '11' },
    comparator: { type: 'boolean', default: false },
    save: { type: 'boolean', default: false },
  },
});
const generator = values.generator;
if (generator !== 'tuning' && generator !== 'judge') throw new Error('--generator is tuning or judge');
const children = Number(values.children);
const seed = Number(values.seed);

async function writePopulation(file: string): Promise<Map<string, string>> {
  const truth = new Map<string, string>();
  const out = createWriteStream(file);
  const csv = stringify({ header: true, columns: [...generatedColumns] });
  csv.pipe(out);
  const rows =
    generator === 'judge'
      ? generateJudgePopulation({ children, seed })
      : generatePopulation({ children, seed });
  for (const row of rows) {
    truth.set(row.record_id, row.person_id);
    if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
  return truth;
}

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
    truePairs: a.truePairs,
    predictedPairs: a.predictedPairs,
    falsePairs: a.predictedPairs - a.correctPairs,
    missedPairs: a.truePairs - a.correctPairs,
    wallS: round(run.wallMs / 1000, 2),
    peakMemoryGiB: run.peakRssBytes === undefined ? null : round(run.peakRssBytes / 2 ** 30, 3),
  };
}

const work = await mkdtemp(join(tmpdir(), 'tessera-families-'));
try {
  const machine = describeMachine();
  const file = join(work, 'records.csv');
  const truth = await writePopulation(file);
  const c = generatedCase(file, join(work, 'records-iso.csv'), `${generator}_families`);
  const ours = await runTessera([file], c.id, c.map, work);
  const reviewPairs = ours.stats?.reviewPairs as number;
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    generator,
    children,
    seed,
    records: truth.size,
    machine,
    settings: frozenSettings,
    tessera: {
      ...score(ours, truth),
      reviewPairs,
      reviewShareOfRecords: round(reviewPairs / truth.size, 5),
      mergeWeight: (ours.stats?.threshold as { mergeWeight: number }).mergeWeight,
      phasesMs: ours.stats?.timingsMs,
    },
  };
  console.log(`${generator} ${truth.size} records: tessera`, result.tessera);
  if (values.comparator) {
    await isoDateCopy(file, c.comparatorFile!);
    const theirs = await runComparator(
      await comparatorScript(),
      c.comparatorFile!,
      c.id,
      c.comparatorMap,
      work,
      c.comparatorArgs,
    );
    result.comparator = score(theirs, truth);
    result.wallOverComparator = round(ours.wallMs / theirs.wallMs, 3);
    console.log('comparator', result.comparator, 'tessera time / comparator time', result.wallOverComparator);
  }
  result.loadAverage1mAtEnd = round((await import('node:os')).loadavg()[0]!, 2);
  if (values.save) {
    await appendFile(join(repoRoot, 'bench/results/linkage-families.jsonl'), `${JSON.stringify(result)}\n`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
