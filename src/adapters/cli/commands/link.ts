import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { stringify } from 'csv-stringify';
import { Dataset } from '../../../domain/people/linkage/dataset.ts';
import { linkDataset, type LinkResult } from '../../../domain/people/linkage/link-records.ts';
import { MappingError, parseFieldMapping } from '../link/field-mapping.ts';
import { PairWorker } from '../link/parallel-compare.ts';
import { readRecordsInTwo } from '../link/read-in-two.ts';

export interface LinkCommandOptions {
  input: string[];
  id: string;
  map: string;
  output: string;
  dobFormat?: string;
  review?: string;
  stats?: string;
  linkOnly?: boolean;
}

/**
 * `tessera link`: batch linkage of any CSV files. Writes `source,record_id,cluster_id`, one row
 * per input record; records of one person share a cluster id. Needs nothing beyond the column
 * mapping: the model is fitted to the files themselves, without labels.
 * Exit codes: 0 linked, 2 bad usage (unknown field, missing column or file), 1 failed.
 */
export async function linkCommand(options: LinkCommandOptions): Promise<number> {
  const started = performance.now();
  const pairWorker = new PairWorker();
  try {
    return await link(options, started, pairWorker);
  } finally {
    await pairWorker.close();
  }
}

async function link(options: LinkCommandOptions, started: number, pairWorker: PairWorker): Promise<number> {
  let ds: Dataset;
  try {
    const mapping = parseFieldMapping(options.map);
    for (const file of options.input) {
      await access(file).catch(() => {
        throw new MappingError(`--input ${file} cannot be read`);
      });
    }
    const datasetOptions = options.dobFormat ? { dobFormat: options.dobFormat } : {};
    ds = new Dataset(datasetOptions);
    for (const [source, file] of options.input.entries())
      await readRecordsInTwo(ds, file, source, options.id, mapping, datasetOptions);
  } catch (error) {
    if (
      error instanceof MappingError ||
      (error instanceof Error && error.message.startsWith('--dob-format'))
    ) {
      console.error(`tessera link: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const readMs = performance.now() - started;
  const result = linkDataset(ds, {
    crossSourceOnly: options.linkOnly ?? false,
    comparer: pairWorker.comparerFor(ds),
    // Today, so the review queue can put children first.
    asOf: Number(new Date().toISOString().slice(0, 10).replaceAll('-', '')),
  });
  // Files are named by their base name, or by the path given when two base names collide.
  const names = options.input.map((f) => basename(f));
  const sources = options.input.map((f, i) =>
    names.indexOf(names[i]!) === names.lastIndexOf(names[i]!) ? names[i]! : f,
  );
  await writeClusters(options.output, ds, result, sources);
  if (options.review) await writeReview(options.review, ds, result, sources);
  const clusters = new Set(result.clusterOf).size;
  if (options.stats) {
    await writeFile(
      options.stats,
      JSON.stringify(
        {
          records: ds.size,
          clusters,
          candidatePairs: result.candidates.count,
          rules: result.candidates.rules.map((r) => ({ rule: r.parts.join(' + '), pairs: r.pairs })),
          threshold: result.threshold,
          model: result.model,
          reviewPairs: result.review.length,
          timingsMs: {
            read: Math.round(readMs),
            ...result.timingsMs,
            total: Math.round(performance.now() - started),
          },
          maxRssBytes: process.resourceUsage().maxRSS * 1024,
        },
        null,
        2,
      ),
    );
  }
  console.log(
    `linked ${ds.size} records into ${clusters} people; ${result.review.length} pairs for review` +
      ` (${Math.round((performance.now() - started) / 100) / 10} s)`,
  );
  return 0;
}

async function writeClusters(
  file: string,
  ds: Dataset,
  result: LinkResult,
  sources: string[],
): Promise<void> {
  const out = createWriteStream(file);
  const csv = stringify({ header: true, columns: ['source', 'record_id', 'cluster_id'] });
  csv.pipe(out);
  // Cluster ids are numbered in order of first appearance, so reruns on the same files agree.
  const number = new Map<number, number>();
  for (let row = 0; row < ds.size; row++) {
    const root = result.clusterOf[row]!;
    let id = number.get(root);
    if (id === undefined) number.set(root, (id = number.size + 1));
    if (!csv.write([sources[ds.sources[row]!], ds.recordIds[row], `P${id}`])) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
}

async function writeReview(file: string, ds: Dataset, result: LinkResult, sources: string[]): Promise<void> {
  const out = createWriteStream(file);
  const csv = stringify({
    header: true,
    columns: [
      'left_source',
      'left_record_id',
      'right_source',
      'right_record_id',
      'match_weight',
      'probability',
      'reason',
    ],
  });
  csv.pipe(out);
  for (const pair of result.review) {
    const row = [
      sources[ds.sources[pair.left]!],
      ds.recordIds[pair.left],
      sources[ds.sources[pair.right]!],
      ds.recordIds[pair.right],
      pair.weight.toFixed(2),
      pair.probability.toFixed(4),
      pair.reason,
    ];
    if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
}
