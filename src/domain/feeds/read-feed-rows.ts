import { isUtf8 } from 'node:buffer';
import { DomainError } from '../shared/errors.ts';
import { csvByteRecords, jsonByteRecords, type ByteRecord } from './byte-records.ts';

/** One row of a feed with the values of the columns asked for, in that order. */
export type FeedRow =
  | { readonly line: number; readonly values: readonly (string | undefined)[] }
  | { readonly line: number; readonly problem: string; readonly column?: string };

export interface ReadLimits {
  /** A row (CSV record or JSON item) longer than this is refused without being held in memory. */
  readonly maxRowBytes: number;
  /** The field limit: one value longer than this refuses its row. */
  readonly maxFieldChars: number;
}

export const defaultLimits: ReadLimits = { maxRowBytes: 1024 * 1024, maxFieldChars: 100_000 };

/** A problem with the whole file: nothing is written. */
export function fileProblem(field: string, problem: string): DomainError {
  return new DomainError('validation_failed', problem, { fields: [{ field, problem }] });
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function decode(record: ByteRecord & { bytes: Buffer }, first: boolean): string | undefined {
  let bytes = record.bytes;
  if (first && bytes.subarray(0, 3).equals(BOM)) bytes = bytes.subarray(3);
  if (
    first &&
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    throw fileProblem('file', 'The file is in UTF-16: save it as UTF-8 (CSV UTF-8 in Excel)');
  if (!isUtf8(bytes)) return undefined;
  const text = bytes.toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

const notUtf8 = 'The row is not valid UTF-8 text: save the file as UTF-8';

/** RFC 4180 fields of one record, or undefined if its quotes are malformed. */
export function splitCsvFields(text: string): string[] | undefined {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return undefined;
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text[i] !== ',') return undefined;
      i++;
    } else {
      const comma = text.indexOf(',', i);
      const value = comma < 0 ? text.slice(i) : text.slice(i, comma);
      if (value.includes('"')) return undefined;
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

function tooLong(values: readonly (string | undefined)[], columns: readonly string[], max: number): number {
  return values.findIndex((v) => v !== undefined && v.length > max);
}

/**
 * The rows of a CSV file with a header row: each row's values for `columns`, or the reason the
 * row is refused (not UTF-8, ragged, too long, bad quotes). A column the header lacks, or a
 * header that is not UTF-8, is a problem with the whole file.
 */
async function* csvRows(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  columns: readonly string[],
  limits: ReadLimits,
): AsyncGenerator<FeedRow> {
  let indexes: number[] | undefined;
  let width = 0;
  for await (const record of csvByteRecords(chunks, limits.maxRowBytes)) {
    if (!('bytes' in record)) {
      if (!indexes) throw fileProblem('file', 'The header row is longer than the row limit');
      yield record;
      continue;
    }
    const text = decode(record, indexes === undefined);
    if (!indexes) {
      if (text === undefined) throw fileProblem('file', 'The file is not UTF-8 text: save it as UTF-8');
      const header = splitCsvFields(text)?.map((h) => h.trim());
      if (!header) throw fileProblem('file', 'The header row has unbalanced quotes');
      width = header.length;
      indexes = columns.map((c) => header.indexOf(c));
      const missing = columns.filter((_, n) => indexes![n]! < 0);
      if (missing.length > 0)
        throw new DomainError(
          'validation_failed',
          `The file has no column ${missing.map((m) => `"${m}"`).join(', ')}`,
          {
            fields: missing.map((m) => ({
              field: `mapping.columns.${m}`,
              problem: `The file has no column "${m}"`,
            })),
          },
        );
      continue;
    }
    if (text === undefined) {
      yield { line: record.line, problem: notUtf8 };
      continue;
    }
    const fields = splitCsvFields(text);
    if (!fields) {
      yield { line: record.line, problem: 'The row has unbalanced quotes' };
      continue;
    }
    if (fields.length !== width) {
      yield { line: record.line, problem: `The row has ${fields.length} fields; the header has ${width}` };
      continue;
    }
    const values = indexes.map((i) => fields[i]);
    const long = tooLong(values, columns, limits.maxFieldChars);
    if (long >= 0) {
      yield {
        line: record.line,
        problem: `The field is longer than the limit of ${limits.maxFieldChars} characters`,
        column: columns[long]!,
      };
      continue;
    }
    yield { line: record.line, values };
  }
  if (!indexes) throw fileProblem('file', 'The file is empty: it needs a header row');
}

/** Items of a JSON Lines file or a JSON array: each must be an object of text, numbers or booleans. */
async function* jsonRows(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  columns: readonly string[],
  limits: ReadLimits,
): AsyncGenerator<FeedRow> {
  let first = true;
  for await (const record of jsonByteRecords(chunks, limits.maxRowBytes)) {
    if (!('bytes' in record)) {
      yield record;
      continue;
    }
    const text = decode(record, first);
    first = false;
    if (text === undefined) {
      yield { line: record.line, problem: notUtf8 };
      continue;
    }
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch {
      yield { line: record.line, problem: 'The item is not valid JSON' };
      continue;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      yield { line: record.line, problem: 'The item must be a JSON object' };
      continue;
    }
    const values: (string | undefined)[] = [];
    let bad: string | undefined;
    for (const column of columns) {
      const v = Object.hasOwn(item, column) ? (item as Record<string, unknown>)[column] : undefined;
      if (v === undefined || v === null) values.push(undefined);
      else if (typeof v === 'string') values.push(v);
      else if (typeof v === 'number' || typeof v === 'boolean') values.push(String(v));
      else {
        bad = column;
        break;
      }
    }
    if (bad !== undefined) {
      yield { line: record.line, problem: 'The value must be text, a number or true/false', column: bad };
      continue;
    }
    const long = tooLong(values, columns, limits.maxFieldChars);
    if (long >= 0) {
      yield {
        line: record.line,
        problem: `The field is longer than the limit of ${limits.maxFieldChars} characters`,
        column: columns[long]!,
      };
      continue;
    }
    yield { line: record.line, values };
  }
}

export function readFeedRows(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  format: 'csv' | 'json',
  columns: readonly string[],
  limits: ReadLimits = defaultLimits,
): AsyncGenerator<FeedRow> {
  return format === 'csv' ? csvRows(chunks, columns, limits) : jsonRows(chunks, columns, limits);
}
