import { parentPort, workerData } from 'node:worker_threads';
import { Dataset, type DatasetOptions, type DatasetPart } from '../../../domain/people/linkage/dataset.ts';
import { eachCsvRow } from './csv-rows.ts';
import { RowAdder, type ResolvedMapping } from './read-records.ts';

/**
 * Worker thread for `tessera link` on a large file: reads the records from a record boundary to
 * the end of the file into a data set of its own, while the main thread reads the records
 * before it, then sends them back to be appended (read-in-two.ts). The main thread sends the
 * resolved column mapping as soon as it has read the header.
 */
export interface ReadPartTask {
  file: string;
  start: number;
  source: number;
  datasetOptions: DatasetOptions;
}

export type ReadPartResult =
  { kind: 'part'; part: DatasetPart; unnamed: number[] } | { kind: 'failed'; message: string };

const task = workerData as ReadPartTask;

parentPort!.once('message', (resolved: ResolvedMapping) => {
  void readPart(resolved);
});

async function readPart(resolved: ResolvedMapping): Promise<void> {
  let result: ReadPartResult;
  try {
    const ds = new Dataset({ ...task.datasetOptions, capacity: 1 << 16 });
    const adder = new RowAdder(ds, task.source, resolved);
    await eachCsvRow(task.file, { start: task.start }, adder.add);
    result = { kind: 'part', part: ds.part(), unnamed: adder.unnamed };
  } catch (error) {
    result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  // The typed columns move to the main thread rather than being copied.
  const buffers =
    result.kind === 'part'
      ? [
          result.part.snapshot.dob.buffer,
          ...Object.values(result.part.snapshot.columns).map((c) => c.ids.buffer),
        ]
      : [];
  parentPort!.postMessage(result, buffers as ArrayBuffer[]);
}
