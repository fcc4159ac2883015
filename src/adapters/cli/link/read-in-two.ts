import { stat } from 'node:fs/promises';
import type { Dataset, DatasetOptions } from '../../../domain/people/linkage/dataset.ts';
import type { FieldMapping } from './field-mapping.ts';
import type { ReadPartResult, ReadPartTask } from './read-part-worker.ts';
import { addRows, csvRows, readRecords, withHeader } from './read-records.ts';
import { recordBoundaryNear } from './record-boundary.ts';
import { startTypeScriptWorker } from './typescript-worker.ts';

/** Below this size one thread reads the file faster than it can start a second. */
const TWO_READERS_FROM_BYTES = 16 << 20;

/**
 * Reads one CSV file into the data set on two threads: this one reads the records before a
 * record boundary near the middle (record-boundary.ts), a worker thread the records after it
 * (read-part-worker.ts), and its part is appended afterwards. Parsing and normalising are most
 * of the time `tessera link` spends reading, and the second core is otherwise idle while it
 * reads. Returns the rows read and how many threads read them. The data set comes out exactly as one reader would make it (read-in-two.test.ts). If
 * the worker cannot do its part, this thread reads it, so the result never depends on the worker.
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
  if (boundary === undefined)
    return { rows: await readRecords(ds, file, source, idColumn, mapping), threads: 1 };

  const task: ReadPartTask = { file, start: boundary, source, datasetOptions };
  const worker = startTypeScriptWorker(new URL('./read-part-worker.ts', import.meta.url), task);
  const second = new Promise<ReadPartResult>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ kind: 'failed', message: error.message }));
    worker.once('exit', () => resolve({ kind: 'failed', message: 'the reader thread stopped' }));
  });
  try {
    return await withHeader(
      csvRows(file, { end: boundary - 1 }),
      file,
      idColumn,
      mapping,
      async (resolved, rows) => {
        worker.postMessage(resolved);
        const first = (await addRows(ds, rows, source, resolved)).added;
        const result = await second;
        if (result.kind === 'part') {
          const base = ds.size;
          ds.appendPart(result.part);
          for (const row of result.unnamed) ds.recordIds[base + row] = String(first + row);
          return { rows: first + result.part.snapshot.size, threads: 2 as const };
        }
        // A fault in the file itself is reported as reading it whole reports it (with its true
        // line number); otherwise this thread reads the second part too.
        await parseWhole(file);
        const rest = await addRows(ds, csvRows(file, { start: boundary }), source, resolved, first);
        return { rows: first + rest.added, threads: 1 as const };
      },
    );
  } finally {
    await worker.terminate();
  }
}

/** Parses the whole file without keeping anything, so a malformed file fails as it would read whole. */
async function parseWhole(file: string): Promise<void> {
  for await (const row of csvRows(file)) void row;
}
