import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../shared/errors.ts';
import { readFeedRows, type FeedRow } from './read-feed-rows.ts';

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}

async function rows(
  source: AsyncIterable<Uint8Array>,
  format: 'csv' | 'json',
  columns: string[],
  maxRowBytes = 1000,
) {
  const out: FeedRow[] = [];
  for await (const row of readFeedRows(source, format, columns, { maxRowBytes, maxFieldChars: 50 }))
    out.push(row);
  return out;
}

test('CSV: BOM stripped, quotes and line feeds inside fields, ragged and non-UTF-8 rows refused by line', async () => {
  const got = await rows(
    chunks(
      '\ufeffid,name\r\n1,Sam\r\n2,"Taylor, ',
      'Jo\nline two"\r\n3\r\n4,',
      Buffer.from([0xc3, 0x28]),
      '\n\n5,"a""b"\n6,"open\n',
    ),
    'csv',
    ['name', 'id'],
  );
  assert.deepEqual(got, [
    { line: 2, values: ['Sam', '1'] },
    { line: 3, values: ['Taylor, Jo\nline two', '2'] },
    { line: 5, problem: 'The row has 1 fields; the header has 2' },
    { line: 6, problem: 'The row is not valid UTF-8 text: save the file as UTF-8' },
    { line: 8, values: ['a"b', '5'] },
    { line: 9, problem: 'A quoted field is never closed' },
  ]);
});

test('CSV: a row past the row limit is refused alone and the next rows are kept', async () => {
  const huge = 'x'.repeat(3000);
  const got = await rows(
    chunks('id,name\n1,', huge.slice(0, 1500), huge.slice(1500), '\n2,Jo\n3,', 'y'.repeat(60), '\n'),
    'csv',
    ['id', 'name'],
  );
  assert.deepEqual(got, [
    { line: 2, problem: 'The row is longer than the limit of 1 KB' },
    { line: 3, values: ['2', 'Jo'] },
    { line: 4, problem: 'The field is longer than the limit of 50 characters', column: 'name' },
  ]);
});

test('CSV: a mapped column the file lacks, or a UTF-16 file, is a problem with the whole file', async () => {
  await assert.rejects(
    rows(chunks('id,surname\n1,Sam\n'), 'csv', ['id', 'name', 'dob']),
    (error: DomainError) => {
      assert.deepEqual(
        error.fields?.map((f) => f.field),
        ['mapping.columns.name', 'mapping.columns.dob'],
      );
      return true;
    },
  );
  await assert.rejects(rows(chunks(Buffer.from('\ufeffid\n1\n', 'utf16le')), 'csv', ['id']), /UTF-16/);
});

test('JSON Lines and JSON arrays stream item by item, with broken items refused by line', async () => {
  const lines = await rows(
    chunks('{"id":1,"name":"Sam"}\n{"id":2,', '"name":null}\nnot json\n[1]\n{"id":3,"name":{"x":1}}\n'),
    'json',
    ['id', 'name'],
  );
  assert.deepEqual(lines, [
    { line: 1, values: ['1', 'Sam'] },
    { line: 2, values: ['2', undefined] },
    { line: 3, problem: 'The item is not valid JSON' },
    { line: 4, problem: 'The item must be a JSON object' },
    { line: 5, problem: 'The value must be text, a number or true/false', column: 'name' },
  ]);
  const array = await rows(
    chunks(
      '\ufeff[\n  {"id": "a", "name": "x, ]}"},\n  {"id": "b",',
      ' "name": "q\\"r"},\n  {"id": "c" ',
      '\n}\n]\n',
    ),
    'json',
    ['id', 'name'],
  );
  assert.deepEqual(array, [
    { line: 2, values: ['a', 'x, ]}'] },
    { line: 3, values: ['b', 'q"r'] },
    { line: 4, values: ['c', undefined] },
  ]);
  const big = await rows(chunks('[{"id":"a","name":"', 'z'.repeat(2000), '"},{"id":"b"}]'), 'json', [
    'id',
    'name',
  ]);
  assert.deepEqual(big, [
    { line: 1, problem: 'The row is longer than the limit of 1 KB' },
    { line: 1, values: ['b', undefined] },
  ]);
  // A file cut short (an upload that stopped): the unfinished last item is not trusted.
  assert.deepEqual(await rows(chunks('[{"id":"a"},{"id":"b"}'), 'json', ['id']), [
    { line: 1, values: ['a'] },
    { line: 1, problem: 'The JSON array is never closed' },
  ]);
});

test('a 10 MB field is refused for its row under the default limits, and the rows after it are kept', async () => {
  const out: FeedRow[] = [];
  const source = chunks('id,notes\n1,', Buffer.alloc(10 * 1024 * 1024, 0x61), '\n2,fine\n');
  for await (const row of readFeedRows(source, 'csv', ['id', 'notes'])) out.push(row);
  assert.deepEqual(out, [
    { line: 2, problem: 'The row is longer than the limit of 1024 KB' },
    { line: 3, values: ['2', 'fine'] },
  ]);
});
