/**
 * Cutting a byte stream into records without decoding it first, so that each record can be
 * checked on its own: its size (a 10 MB field is refused for its row, and never held whole in
 * memory) and its encoding (invalid UTF-8 rejects that row, with its line, not the file).
 */
export type ByteRecord =
  { readonly line: number; readonly bytes: Buffer } | { readonly line: number; readonly problem: string };

/** Collects the bytes of the record being read; past the limit it drops them and remembers why. */
export class RecordBuffer {
  private parts: Buffer[] = [];
  private length = 0;
  private tooLong = false;
  constructor(private readonly maxBytes: number) {}

  add(bytes: Buffer): void {
    if (this.tooLong || bytes.length === 0) return;
    this.length += bytes.length;
    if (this.length > this.maxBytes) {
      this.tooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(bytes);
  }

  get empty(): boolean {
    return !this.tooLong && this.length === 0;
  }

  /** The record so far, then starts the next one. */
  take(line: number): ByteRecord {
    const record: ByteRecord = this.tooLong
      ? { line, problem: `The row is longer than the limit of ${Math.round(this.maxBytes / 1024)} KB` }
      : { line, bytes: this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.length) };
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
    return record;
  }
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * CSV records (RFC 4180): a record ends at a line feed outside quotes. `line` is the physical
 * line the record starts on (the header is line 1), counting line feeds inside quoted fields.
 * Blank lines are skipped.
 */
export async function* csvByteRecords(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<ByteRecord> {
  const buffer = new RecordBuffer(maxBytes);
  let line = 1;
  let start = 1;
  let inQuotes = false;
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === NEWLINE) {
        line++;
        if (inQuotes) continue;
        buffer.add(chunk.subarray(from, i));
        from = i + 1;
        const record = buffer.take(start);
        start = line;
        if (!isBlank(record)) yield record;
      }
    }
    buffer.add(chunk.subarray(from));
  }
  if (inQuotes) {
    buffer.take(start);
    yield { line: start, problem: 'A quoted field is never closed' };
  } else if (!buffer.empty) {
    const record = buffer.take(start);
    if (!isBlank(record)) yield record;
  }
}

function isBlank(record: ByteRecord): boolean {
  if (!('bytes' in record)) return false;
  const b = record.bytes;
  return b.length === 0 || (b.length === 1 && b[0] === 0x0d);
}

/**
 * JSON items, streamed: either JSON Lines (one object per line, the format most export tools can
 * stream) or one top-level array of objects, cut into its elements by a scanner that follows
 * strings and nesting. Either way no more than one item is held in memory, so a file of
 * millions of records streams, and a broken item is reported at its line while the others are
 * kept. The format is chosen by the first byte that is not white space: `[` means an array.
 */
export async function* jsonByteRecords(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<ByteRecord> {
  const buffer = new RecordBuffer(maxBytes);
  let mode = 'unknown' as 'unknown' | 'lines' | 'array' | 'after_array';
  let line = 1;
  let start = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let inItem = false;
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (mode === 'unknown') {
        if (isSpace(b) || (line === 1 && i < 3 && (b === 0xef || b === 0xbb || b === 0xbf))) {
          if (b === NEWLINE) line++;
          from = i + 1;
          continue;
        }
        mode = b === 0x5b ? 'array' : 'lines';
        if (mode === 'array') {
          from = i + 1;
          continue;
        }
        start = line;
      }
      if (mode === 'lines') {
        if (b !== NEWLINE) continue;
        buffer.add(chunk.subarray(from, i));
        from = i + 1;
        const record = buffer.take(start);
        line++;
        start = line;
        if (!isBlankJson(record)) yield record;
        continue;
      }
      if (b === NEWLINE) line++;
      if (mode === 'after_array') {
        if (!isSpace(b)) {
          yield { line, problem: 'There is text after the end of the array' };
          return;
        }
        continue;
      }
      // Inside the top-level array.
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 0x5c) escaped = true;
        else if (b === QUOTE) inString = false;
        continue;
      }
      if (!inItem) {
        if (isSpace(b)) continue;
        if (b === 0x5d) {
          mode = 'after_array';
          continue;
        }
        inItem = true;
        start = line;
        from = i;
      }
      if (b === QUOTE) inString = true;
      else if (b === 0x7b || b === 0x5b) depth++;
      else if ((b === 0x7d || b === 0x5d) && depth > 0) depth--;
      else if (depth === 0 && (b === 0x2c || b === 0x5d)) {
        buffer.add(chunk.subarray(from, i));
        from = i + 1;
        inItem = false;
        yield buffer.take(start);
        if (b === 0x5d) mode = 'after_array';
      }
    }
    if (mode === 'lines' || inItem) buffer.add(chunk.subarray(from));
  }
  if (mode === 'lines' && !buffer.empty) {
    const record = buffer.take(start);
    if (!isBlankJson(record)) yield record;
  } else if (mode === 'array' || inItem) {
    yield { line, problem: 'The JSON array is never closed' };
  }
}

const isSpace = (b: number) => b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;

function isBlankJson(record: ByteRecord): boolean {
  return 'bytes' in record && record.bytes.every(isSpace);
}
