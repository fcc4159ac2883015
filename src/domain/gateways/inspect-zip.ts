import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

/**
 * An .xlsx file is a zip. Before any spreadsheet library sees an uploaded one, this reads the zip
 * structure itself and refuses anything that could exhaust memory or confuse a parser: not a
 * zip, too many entries, entries whose declared or actual size is too large, a compression ratio
 * typical of a zip bomb, overlapping entries (the "non-recursive" zip bomb), encryption, ZIP64,
 * or bytes before or after the archive. Each entry is inflated with a hard output cap, so an
 * entry that lies about its size is caught too. (OWASP File Upload Cheat Sheet: "zip bombs".)
 */
export const zipLimits = {
  maxEntries: 50,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  /** Small entries cannot hurt, and tiny XML parts compress unusually well. */
  ratioCheckedFrom: 64 * 1024,
} as const;

export class UnsafeZipError extends Error {
  override readonly name = 'UnsafeZipError';
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const STORED = 0;
const DEFLATED = 8;

const inflate = promisify(inflateRaw);

/** Throws UnsafeZipError with a message a person can act on, or returns the entry names. */
export async function inspectZip(bytes: Uint8Array): Promise<string[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries, cdOffset } = readCentralDirectory(bytes, view);
  checkSizes(entries);
  checkLayout(entries, view, cdOffset);
  for (const entry of entries) await checkContent(entry, bytes, view);
  return entries.map((e) => e.name);
}

function fail(message: string): never {
  throw new UnsafeZipError(message);
}

function readCentralDirectory(bytes: Uint8Array, view: DataView): { entries: Entry[]; cdOffset: number } {
  const notZip = 'The file is not an Excel workbook (.xlsx). Save it from Excel as an .xlsx file';
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL) fail(notZip);
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 64 KB.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail(notZip);
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const onDisk = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const commentLength = view.getUint16(eocd + 20, true);
  if (eocd + 22 + commentLength !== bytes.length) fail('The file has extra data after the workbook');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) fail('Split (multi-part) zip files are not accepted');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    fail('ZIP64 files are not accepted: a gateway catalogue is far smaller than that');
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR)
    fail('ZIP64 files are not accepted: a gateway catalogue is far smaller than that');
  if (count > zipLimits.maxEntries)
    fail(`The file has ${count} parts; a workbook may have at most ${zipLimits.maxEntries}`);
  if (cdOffset + cdSize !== eocd) fail(notZip);

  const entries: Entry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) fail(notZip);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLen;
    if (end > eocd) fail(notZip);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    if (flags & 0x1) fail('Password-protected workbooks are not accepted');
    if (method !== STORED && method !== DEFLATED)
      fail(`The part ${name} uses an unsupported compression method`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      fail('ZIP64 files are not accepted: a gateway catalogue is far smaller than that');
    entries.push({ name, method, compressedSize, size, localOffset });
    at = end;
  }
  if (at !== eocd) fail(notZip);
  return { entries, cdOffset };
}

function checkSizes(entries: readonly Entry[]): void {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  let total = 0;
  for (const e of entries) {
    if (e.size > zipLimits.maxEntryBytes)
      fail(
        `The part ${e.name} would unpack to ${mb(e.size)}; each part may be at most ${mb(zipLimits.maxEntryBytes)}`,
      );
    if (e.method === STORED && e.compressedSize !== e.size) fail(`The part ${e.name} is damaged`);
    if (e.size >= zipLimits.ratioCheckedFrom && e.size > zipLimits.maxRatio * Math.max(1, e.compressedSize))
      fail(`The part ${e.name} is compressed more than ${zipLimits.maxRatio} to 1, as a zip bomb is`);
    total += e.size;
  }
  if (total > zipLimits.maxTotalBytes)
    fail(`The workbook would unpack to ${mb(total)}; it may be at most ${mb(zipLimits.maxTotalBytes)}`);
}

/** Each entry's data starts at its own local header and ends before the next: no overlaps. */
function checkLayout(entries: readonly Entry[], view: DataView, cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let previousEnd = 0;
  for (const e of sorted) {
    if (e.localOffset < previousEnd) fail('The file’s parts overlap, as a zip bomb’s do');
    previousEnd = dataStart(e, view) + e.compressedSize;
  }
  if (previousEnd > cdOffset) fail('The file’s parts overlap, as a zip bomb’s do');
}

function dataStart(e: Entry, view: DataView): number {
  if (e.localOffset + 30 > view.byteLength || view.getUint32(e.localOffset, true) !== LOCAL)
    fail(`The part ${e.name} is damaged`);
  const nameLength = view.getUint16(e.localOffset + 26, true);
  const extraLength = view.getUint16(e.localOffset + 28, true);
  return e.localOffset + 30 + nameLength + extraLength;
}

/** Inflates with a cap of the declared size: a part that lies about its size is refused. */
async function checkContent(e: Entry, bytes: Uint8Array, view: DataView): Promise<void> {
  const start = dataStart(e, view);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === STORED) return;
  let actual: number;
  try {
    actual = (await inflate(data, { maxOutputLength: Math.max(1, e.size) })).length;
  } catch {
    fail(`The part ${e.name} is damaged or larger than it says`);
  }
  if (actual !== e.size) fail(`The part ${e.name} is damaged or larger than it says`);
}
