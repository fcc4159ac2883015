import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Dataset } from '../../../domain/people/linkage/dataset.ts';
import type { PersonFields } from '../../../domain/people/linkage/fields.ts';
import { resolveMapping, type FieldMapping } from './field-mapping.ts';

export type ResolvedMapping = ReturnType<typeof resolveMapping>;

/**
 * The rows of a CSV file, or of the bytes from `start` on (which must be where a record
 * starts: record-boundary.ts), up to and including byte `end`. Rows are never held in memory
 * beyond the parser's buffer. A byte-order mark is dropped; a ragged row is read with what it has.
 */
export function csvRows(file: string, range: { start?: number; end?: number } = {}): AsyncIterable<string[]> {
  return createReadStream(file, { ...range, highWaterMark: 1 << 20 }).pipe(
    // No `trim` here (it costs a third of the parse): the normalisers ignore surrounding spaces.
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
  );
}

/**
 * Adds rows to the data set as records of `source`. A row without an id (a short ragged row)
 * is named by its data row number in the file, counting from `firstRow`; `unnamed` lists those
 * rows (counted from 0 here), for a reader that learns its `firstRow` only afterwards.
 */
export async function addRows(
  ds: Dataset,
  rows: AsyncIterable<string[]>,
  source: number,
  resolved: ResolvedMapping,
  firstRow = 0,
): Promise<{ added: number; unnamed: number[] }> {
  let added = 0;
  const unnamed: number[] = [];
  for await (const row of rows) {
    const fields: PersonFields = {};
    for (const [field, columns] of resolved.fields) {
      const value =
        columns.length === 1
          ? (row[columns[0]!] ?? '')
          : columns
              .map((c) => row[c] ?? '')
              .filter(Boolean)
              .join(' ');
      if (value !== '') fields[field] = value;
    }
    const id = row[resolved.id];
    if (id === undefined) unnamed.push(added);
    ds.add(source, (id ?? String(firstRow + added)).trim(), fields);
    added++;
  }
  return { added, unnamed };
}

/**
 * Reads the header of `rows` and resolves the mapping against it (a MappingError names a
 * missing column), then hands the rest to `rest`.
 */
export async function withHeader<T>(
  rows: AsyncIterable<string[]>,
  file: string,
  idColumn: string,
  mapping: FieldMapping,
  rest: (resolved: ResolvedMapping, rows: AsyncIterable<string[]>) => Promise<T>,
): Promise<T> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const resolved = resolveMapping(mapping, idColumn, first.done ? [] : first.value, file);
  return rest(resolved, { [Symbol.asyncIterator]: () => iterator });
}

/** Streams one CSV file into the data set: the header names the columns, each row one record. */
export async function readRecords(
  ds: Dataset,
  file: string,
  source: number,
  idColumn: string,
  mapping: FieldMapping,
): Promise<number> {
  return withHeader(
    csvRows(file),
    file,
    idColumn,
    mapping,
    async (resolved, rows) => (await addRows(ds, rows, source, resolved)).added,
  );
}
