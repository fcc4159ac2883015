import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

/** A malformed CSV file (an unterminated or misplaced quote): names the file and the row (the header is row 1). */
export class CsvFormatError extends Error {}

/**
 * Streams the rows of a CSV file to `onRow`, in order: the whole file, or the bytes from `start`
 * (which must be where a record starts: record-boundary.ts) up to and including byte `end`.
 * Rows are never held beyond the parser's buffer. A byte-order mark is dropped, empty lines are
 * skipped, a ragged row is given with what it has. Resolves with the rows given; rejects with a
 * CsvFormatError at the first malformed record, or with whatever `onRow` throws, reading no further.
 *
 * Papa Parse replaced csv-parse here for speed: with it and the two-thread read, the read phase
 * of the 1M benchmark fell from 12.8 s to 8.2 s (bench/results/linkage.json, batch1M.tessera
 * .phasesMs.read, at a0078f8 and c0b36e5). The delimiter is fixed, as the files are CSV, never
 * guessed.
 */
export function eachCsvRow(
  file: string,
  range: { start?: number; end?: number },
  onRow: (row: string[]) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failure: unknown;
    const fromStart = !range.start;
    // Decoding as UTF-8 on the stream keeps a character split across two chunks whole.
    const input = createReadStream(file, { ...range, encoding: 'utf8', highWaterMark: 1 << 20 });
    Papa.parse<string[]>(input, {
      delimiter: ',',
      skipEmptyLines: true,
      step(result, parser) {
        if (failure !== undefined) return;
        try {
          const error = result.errors[0];
          if (error) throw new CsvFormatError(`${file}: ${error.message} at row ${rows + 1}`);
          const row = result.data;
          // Node's UTF-8 decoding keeps a byte-order mark; it is not part of the first column's name.
          if (rows === 0 && fromStart && row[0]?.charCodeAt(0) === 0xfeff) row[0] = row[0].slice(1);
          onRow(row);
          rows++;
        } catch (thrown) {
          failure = thrown;
          parser.abort();
        }
      },
      complete() {
        if (failure !== undefined) reject(failure instanceof Error ? failure : new Error(String(failure)));
        else resolve(rows);
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}
