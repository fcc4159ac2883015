import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CsvFormatError, eachCsvRow } from './csv-rows.ts';

describe('streaming the rows of a CSV file', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tessera-csv-rows-'));
  });
  after(async () => rm(folder, { recursive: true, force: true }));

  async function rowsOf(text: string, range: { start?: number; end?: number } = {}): Promise<string[][]> {
    const file = join(folder, `${Math.random()}.csv`);
    await writeFile(file, text);
    const rows: string[][] = [];
    await eachCsvRow(file, range, (row) => rows.push(row));
    return rows;
  }

  test('drops a byte-order mark, skips empty lines and keeps ragged rows and quoted line breaks', async () => {
    assert.deepEqual(await rowsOf('\uFEFFid,name\r\n\r\n1,"Amy\r\nSmith"\r\n2\r\n3,Cal,extra\r\n'), [
      ['id', 'name'],
      ['1', 'Amy\r\nSmith'],
      ['2'],
      ['3', 'Cal', 'extra'],
    ]);
  });

  test('never guesses another delimiter', async () => {
    assert.deepEqual(await rowsOf('id;name\n1;Amy\n'), [['id;name'], ['1;Amy']]);
  });

  test('keeps characters whole across the reader’s 1 MiB chunks', async () => {
    const name = 'Zoë Ångström-Łukasz';
    const lines = ['id,name', ...Array.from({ length: 60_000 }, (_, i) => `${i},${name}`)];
    const rows = await rowsOf(lines.join('\n'));
    assert.equal(rows.length, 60_001);
    assert.equal(rows.filter((r) => r[1] !== name).length, 1, 'only the header differs');
  });

  test('reads only the byte range asked for', async () => {
    const text = 'id,name\n1,Amy\n2,Ben\n3,Cal\n';
    assert.deepEqual(await rowsOf(text, { start: text.indexOf('2,'), end: text.indexOf('3,') - 1 }), [
      ['2', 'Ben'],
    ]);
  });

  test('rejects an unterminated quote naming the file and the row', async () => {
    const rejection = rowsOf('id,name\n1,Amy\n2,"Ben\n3,Cal\n');
    await assert.rejects(rejection, (error: Error) => {
      assert.ok(error instanceof CsvFormatError);
      assert.match(error.message, /\.csv: Quoted field unterminated at row 3$/);
      return true;
    });
  });

  test('stops at the first row the callback refuses', async () => {
    const file = join(folder, 'stop.csv');
    await writeFile(file, 'id\n1\n2\n3\n');
    let seen = 0;
    await assert.rejects(
      eachCsvRow(file, {}, () => {
        if (++seen === 2) throw new Error('no more');
      }),
      /no more/,
    );
    assert.equal(seen, 2);
  });

  test('rejects a file that cannot be opened', async () => {
    await assert.rejects(
      eachCsvRow(join(folder, 'missing.csv'), {}, () => {}),
      /ENOENT/,
    );
  });
});
