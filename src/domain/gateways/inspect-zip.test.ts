import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { buildZip, deflatedEntry, zeroBombEntry, type ZipEntry } from '../../../test/support/zip-files.ts';
import { builtInCatalogue } from './builtin-catalogue.ts';
import { inspectZip, UnsafeZipError, zipLimits } from './inspect-zip.ts';
import { writeGatewayWorkbook } from './write-gateway-workbook.ts';

const MB = 1024 * 1024;

async function refused(bytes: Uint8Array, message: RegExp): Promise<void> {
  await assert.rejects(inspectZip(bytes), (error: unknown) => {
    assert.ok(error instanceof UnsafeZipError, String(error));
    assert.match(error.message, message);
    return true;
  });
}

/** The offset of the n-th (0-based) central directory header. */
function centralHeader(zip: Buffer, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 1);
  return at;
}

describe('an uploaded workbook is inspected as a zip before anything parses it', () => {
  test('a workbook Tessera wrote passes, naming its parts', async () => {
    const workbook = await writeGatewayWorkbook(builtInCatalogue, {
      version: 1,
      createdAt: new Date('2026-11-02T09:00:00Z'),
      createdBy: 'system:test',
      note: 'test',
      rowCount: builtInCatalogue.length,
    });
    const names = await inspectZip(workbook);
    assert.ok(names.includes('xl/workbook.xml'));
    assert.ok(names.includes('xl/worksheets/sheet1.xml'));
  });

  test('a file that is not a zip is refused', async () => {
    await refused(Buffer.from('ID,Kind,Title\nCA1989-S47,statute_duty,s47\n'), /not an Excel workbook/);
    await refused(randomBytes(4096), /not an Excel workbook/);
    await refused(Buffer.alloc(0), /not an Excel workbook/);
  });

  test('a workbook cut short, or with data after its end, is refused', async () => {
    const zip = buildZip([deflatedEntry('xl/workbook.xml', '<workbook/>')]);
    await refused(zip.subarray(0, zip.length - 10), /not an Excel workbook/);
    await refused(Buffer.concat([zip, Buffer.from('trailing')]), /extra data/);
  });

  test(`more than ${zipLimits.maxEntries} parts are refused`, async () => {
    const entries = Array.from({ length: zipLimits.maxEntries + 1 }, (_, i) =>
      deflatedEntry(`part${i}.xml`, '<x/>'),
    );
    await refused(buildZip(entries), /51 parts; a workbook may have at most 50/);
  });

  test('a part declaring more than 20 MB unpacked is refused before it is unpacked', async () => {
    const big = await zeroBombEntry('xl/worksheets/sheet1.xml', 25 * MB);
    await refused(buildZip([big]), /would unpack to 25 MB; each part may be at most 20 MB/);
  });

  test('a real zip bomb (200 MB of zeros) is refused, honest or lying about its size', async () => {
    const bomb = await zeroBombEntry('xl/worksheets/sheet1.xml', 200 * MB);
    assert.ok(bomb.stored.length < 1 * MB, 'the bomb is small on the wire');
    await refused(buildZip([bomb]), /would unpack to 200 MB/);
    // The same bytes claiming to unpack to 1 MB: the ratio looks harmless, the inflation cap is not.
    const lying: ZipEntry = { ...bomb, declaredSize: 1 * MB };
    await refused(buildZip([lying]), /damaged or larger than it says/);
  });

  test('a compression ratio above 100 to 1 is refused even under the size limits', async () => {
    const dense = await zeroBombEntry('xl/sharedStrings.xml', 10 * MB);
    await refused(buildZip([dense]), /compressed more than 100 to 1/);
  });

  test('parts that together unpack to more than 50 MB are refused', async () => {
    // Declared sizes are checked before any data: these parts never need unpacking.
    const part = (name: string): ZipEntry => ({
      name,
      stored: randomBytes(300 * 1024),
      method: 8,
      declaredSize: 18 * MB,
      crc: 0,
    });
    await refused(
      buildZip([part('a.xml'), part('b.xml'), part('c.xml')]),
      /unpack to 54 MB; it may be at most 50 MB/,
    );
  });

  test('overlapping parts (a non-recursive zip bomb) are refused', async () => {
    const zip = buildZip([deflatedEntry('a.xml', '<a/>'), deflatedEntry('b.xml', '<b/>')]);
    zip.writeUInt32LE(0, centralHeader(zip, 1) + 42); // b.xml now points at a.xml's data
    await refused(zip, /overlap/);
  });

  test('password-protected and ZIP64 files are refused', async () => {
    const encrypted = buildZip([deflatedEntry('a.xml', '<a/>')]);
    encrypted.writeUInt16LE(0x0801, centralHeader(encrypted, 0) + 8);
    await refused(encrypted, /Password-protected/);
    const zip64 = buildZip([deflatedEntry('a.xml', '<a/>')]);
    zip64.writeUInt32LE(0xffffffff, centralHeader(zip64, 0) + 24);
    await refused(zip64, /ZIP64/);
  });

  test('a part whose data is not what it claims is refused', async () => {
    const entry: ZipEntry = { ...deflatedEntry('a.xml', '<a/>'), stored: randomBytes(64), declaredSize: 4 };
    await refused(buildZip([entry]), /damaged or larger than it says/);
  });
});
