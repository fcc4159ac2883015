import type { Dataset } from '../../../domain/people/linkage/dataset.ts';
import type { PersonFields } from '../../../domain/people/linkage/fields.ts';
import { eachCsvRow } from './csv-rows.ts';
import { resolveMapping, type FieldMapping } from './field-mapping.ts';

export type ResolvedMapping = ReturnType<typeof resolveMapping>;

/**
 * Adds CSV rows to a data set as records of one source. A row without an id (a short ragged
 * row) is named by its data row number in the file, counting from `firstRow`; `unnamed` lists
 * those rows (counted from 0 here), for a reader that learns its `firstRow` only afterwards.
 */
export class RowAdder {
  added = 0;
  readonly unnamed: number[] = [];

  constructor(
    private readonly ds: Dataset,
    private readonly source: number,
    private readonly resolved: ResolvedMapping,
    private readonly firstRow = 0,
  ) {}

  readonly add = (row: string[]): void => {
    const fields: PersonFields = {};
    for (const [field, columns] of this.resolved.fields) {
      const value =
        columns.length === 1
          ? (row[columns[0]!] ?? '')
          : columns
              .map((c) => row[c] ?? '')
              .filter(Boolean)
              .join(' ');
      if (value !== '') fields[field] = value;
    }
    const id = row[this.resolved.id];
    if (id === undefined) this.unnamed.push(this.added);
    this.ds.add(this.source, (id ?? String(this.firstRow + this.added)).trim(), fields);
    this.added++;
  };
}

/**
 * Reads a CSV file's rows up to byte `end` (all of them by default): the header resolves the
 * mapping (a MappingError names a missing column), `onHeader` is told, and each row after it is
 * added to the data set. Returns the rows added.
 */
export async function readRecords(
  ds: Dataset,
  file: string,
  source: number,
  idColumn: string,
  mapping: FieldMapping,
  options: { end?: number; onHeader?: (resolved: ResolvedMapping) => void } = {},
): Promise<{ added: number; resolved: ResolvedMapping }> {
  let adder: RowAdder | undefined;
  let resolved: ResolvedMapping | undefined;
  await eachCsvRow(file, options.end === undefined ? {} : { end: options.end }, (row) => {
    if (adder) return adder.add(row);
    resolved = resolveMapping(mapping, idColumn, row, file);
    options.onHeader?.(resolved);
    adder = new RowAdder(ds, source, resolved);
  });
  resolved ??= resolveMapping(mapping, idColumn, [], file);
  return { added: adder?.added ?? 0, resolved };
}
