import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Dataset } from '../../../domain/people/linkage/dataset.ts';
import type { PersonFields } from '../../../domain/people/linkage/fields.ts';
import { resolveMapping, type FieldMapping } from './field-mapping.ts';

/**
 * Streams one CSV file into the data set: the header names the columns, each row becomes one
 * record of `source`. Rows are never held in memory beyond the parser's buffer. A byte-order
 * mark is dropped; a ragged row is read with what it has.
 */
export async function readRecords(
  ds: Dataset,
  file: string,
  source: number,
  idColumn: string,
  mapping: FieldMapping,
): Promise<number> {
  const parser = createReadStream(file).pipe(
    // No `trim` here (it costs a third of the parse): the normalisers ignore surrounding spaces.
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let resolved: ReturnType<typeof resolveMapping> | undefined;
  let rows = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    if (!resolved) {
      resolved = resolveMapping(mapping, idColumn, row, file);
      continue;
    }
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
    ds.add(source, (row[resolved.id] ?? String(rows)).trim(), fields);
    rows++;
  }
  if (!resolved) resolveMapping(mapping, idColumn, [], file);
  return rows;
}
