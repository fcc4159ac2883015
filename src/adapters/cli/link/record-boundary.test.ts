import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { recordBoundaryNear } from './record-boundary.ts';

describe('finding where a CSV record starts', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tessera-boundary-'));
  });
  after(async () => rm(folder, { recursive: true, force: true }));

  async function csv(text: string): Promise<string> {
    const file = join(folder, `${Math.random()}.csv`);
    await writeFile(file, text);
    return file;
  }

  test('is the start of the next line when the target is in an unquoted record', async () => {
    const text = 'id,name\n1,Amy\n2,Ben\n3,Cal\n';
    const at = await recordBoundaryNear(await csv(text), text.indexOf('Amy'));
    assert.equal(text.slice(at), '2,Ben\n3,Cal\n');
  });

  test('skips line breaks inside a quoted field', async () => {
    const text = 'id,address\n1,"7 Quantock Road\nTaunton\nTA1 4QT"\n2,"Flat ""B""\n9 High St"\n3,x\n';
    const file = await csv(text);
    assert.equal(
      text.slice(await recordBoundaryNear(file, text.indexOf('Quantock'))),
      text.slice(text.indexOf('2,')),
    );
    assert.equal(text.slice(await recordBoundaryNear(file, text.indexOf('B""'))), '3,x\n');
  });

  test("handles Windows line endings; a target on a record's first byte gives the next record", async () => {
    const text = 'id,name\r\n1,Amy\r\n2,Ben\r\n';
    const file = await csv(text);
    assert.equal(text.slice(await recordBoundaryNear(file, text.indexOf('1,Amy'))), '2,Ben\r\n');
  });

  test('is undefined when a quote sits inside an unquoted field, where counting quotes misleads', async () => {
    const text = 'id,name,address\n1,Tom"s,"7 High St\nTaunton"\n2,Ben,x\n3,Cal,y\n';
    assert.equal(await recordBoundaryNear(await csv(text), text.indexOf('7 High')), undefined);
  });

  test('follows a quoted first field after a byte-order mark', async () => {
    const text = '\uFEFF"id",name\n"1","Amy\nSmith"\n2,Ben\n';
    const at = await recordBoundaryNear(
      await csv(text),
      Buffer.byteLength(text.slice(0, text.indexOf('Amy'))),
    );
    assert.equal(Buffer.from(text).subarray(at).toString(), '2,Ben\n');
  });

  test('is undefined when no record starts in the window or before the end', async () => {
    const text = 'id,name\n1,"a very long quoted name without end of line"\n';
    const file = await csv(text);
    assert.equal(await recordBoundaryNear(file, 10, 8), undefined);
    assert.equal(await recordBoundaryNear(file, 10), undefined, 'the last line feed ends the file');
  });
});
