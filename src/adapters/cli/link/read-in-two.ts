import { stat } from 'node:fs/promises';
import type { Dataset, DatasetOptions } from '../../../domain/people/linkage/dataset.ts';
import type { FieldMapping } from './field-mapping.ts';
import type { ReadPartResult, ReadPartTask } from './read-part-worker.ts';
import { eachCsvRow } from './csv-rows.ts';
import { readRecords, RowAdder } from './read-records.ts';
import { recordBoundaryNear } from './record-boundary.ts';
import { startTypeScriptWorker } from './typescript-worker.ts';

/** Below this size one thread reads the file faster than it can start a second. */
const TWO_READERS_FROM_BYTES = 16 << 20;

/**
 * Reads one CSV file into the data set on two threads: this one reads the records before a
 * record boundary near the middle (record-boundary.ts), a worker thread the records after it
 * (read-part-worker.ts), and its part is appended afterwards. Parsing and normalising are most
 * of the time `tessera link` spends reading, and the second core is otherwise idle while it
 * reads. The data set comes out exactly as one reader would make it (read-in-two.test.ts). If
 * the worker cannot do its part, this thread reads it, so the result never depends on the
 * worker. Returns the rows read and how many threads read them.
 */
export async function readRecordsInTwo(
  ds: Dataset,
  file: string,
  source: number,
  idColumn: string,
  mapping: FieldMapping,
  datasetOptions: DatasetOptions = {},
  fromBytes = TWO_READERS_FROM_BYTES,
): Promise<{ rows: number; threads: 1 | 2 }> {
  const { size } = await stat(file);
  const boundary = size >= fromBytes ? await recordBoundaryNear(file, Math.floor(size / 2)) : undefined;
  if (boundary === undefined) {
    return { rows: (await readRecords(ds, file, source, idColumn, mapping)).added, threads: 1 };
  }

  const task: ReadPartTask = { file, start: boundary, source, datasetOptions };
  const worker = startTypeScriptWorker(new URL('./read-part-worker.ts', import.meta.url), task);
  const second = new Promise<ReadPartResult>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ kind: 'failed', message: error.message }));
    worker.once('exit', () => resolve({ kind: 'failed', message: 'the reader thread stopped' }));
  });
  try {
    const first = await readRecords(ds, file, source, idColumn, mapping, {
      end: boundary - 1,
      onHeader: (resolved) => worker.postMessage(resolved),
    });
    const result = await second;
    if (result.kind === 'part') {
      const base = ds.size;
      ds.appendPart(result.part);
      for (const row of result.unnamed) ds.recordIds[base + row] = String(first.added + row);
      return { rows: first.added + result.part.snapshot.size, threads: 2 };
    }
    // A fault in the file itself is reported as reading it whole reports it (with its true
    // record number); otherwise this thread reads the second part too.
    await eachCsvRow(file, {}, () => {});
    const rest = new RowAdder(ds, source, first.resolved, first.added);
    await eachCsvRow(file, { start: boundary }, rest.add);
    return { rows: first.added + rest.added, threads: 1 };
  } finally {
    await worker.terminate();
  }
}
