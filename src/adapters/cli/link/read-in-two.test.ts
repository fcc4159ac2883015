import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { generatePopulation } from '../../../domain/people/generator/generate-population.ts';
import { Dataset } from '../../../domain/people/linkage/dataset.ts';
import { parseFieldMapping } from './field-mapping.ts';
import { readRecordsInTwo } from './read-in-two.ts';
import { readRecords } from './read-records.ts';

const columns = ['first_name', 'last_name', 'dob', 'sex', 'nhs_number', 'postcode', 'address', 'record_id'];
const mapping = parseFieldMapping(
  'first_name=first_name,last_name=last_name,dob=dob,sex=sex,nhs_number=nhs_number,postcode=postcode,address=address',
);

describe('reading one CSV file on two threads', () => {
  let folder: string;
  let file: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tessera-read-in-two-'));
    const rows = [...generatePopulation({ children: 400, seed: 5 })].map((r, i) => [
      r.first_name,
      r.last_name,
      r.dob,
      r.sex,
      r.nhs_number,
      r.postcode,
      // Quoted line breaks and commas throughout, so a naive split at a line feed would break a record.
      i % 3 === 0 ? `${r.address ?? ''},\n"Flat ${i}"` : r.address,
      r.record_id,
    ]);
    // A short ragged row, named by its row number, in the second half.
    const text = stringify([columns, ...rows]) + '\n' + stringify(rows.slice(0, 50)) + 'Amy\n';
    file = join(folder, 'records.csv');
    await writeFile(file, '\uFEFF' + text);
  });
  after(async () => rm(folder, { recursive: true, force: true }));

  async function readWhole(): Promise<Dataset> {
    const ds = new Dataset();
    ds.add(9, 'held-before', { first_name: 'Held', last_name: 'Before' });
    await readRecords(ds, file, 1, 'record_id', mapping);
    return ds;
  }

  function assertSame(actual: Dataset, expected: Dataset): void {
    assert.equal(actual.size, expected.size);
    assert.deepEqual(actual.snapshot(), expected.snapshot());
    assert.deepEqual(actual.recordIds, expected.recordIds);
    assert.deepEqual(actual.sources, expected.sources);
  }

  test('makes exactly the data set one reader makes', async () => {
    const expected = await readWhole();
    const ds = new Dataset();
    ds.add(9, 'held-before', { first_name: 'Held', last_name: 'Before' });
    const { rows, threads } = await readRecordsInTwo(ds, file, 1, 'record_id', mapping, {}, 0);
    assert.equal(threads, 2, 'the worker read its part');
    assert.equal(rows, expected.size - 1);
    assert.equal(ds.recordIds.at(-1), String(rows - 1), 'the ragged row is named by its row number');
    assertSame(ds, expected);
  });

  test('reads the second part itself when the worker cannot', async () => {
    const expected = await readWhole();
    const ds = new Dataset();
    ds.add(9, 'held-before', { first_name: 'Held', last_name: 'Before' });
    // A date format the worker's data set refuses makes the worker fail before reading.
    const { threads } = await readRecordsInTwo(
      ds,
      file,
      1,
      'record_id',
      mapping,
      { dobFormat: 'nonsense' },
      0,
    );
    assert.equal(threads, 1);
    assertSame(ds, expected);
  });

  test('reports a malformed file as reading it whole does', async () => {
    const broken = join(folder, 'broken.csv');
    const good = stringify([
      columns,
      ...Array.from({ length: 200 }, (_, i) => ['Amy', 'Smith', '', '', '', '', '', String(i)]),
    ]);
    await writeFile(broken, good + '"Amy,Smith,,,,,,201\nBen,Jones,,,,,,202\n');
    const whole = await readRecords(new Dataset(), broken, 0, 'record_id', mapping).catch((e: Error) => e);
    const inTwo = await readRecordsInTwo(new Dataset(), broken, 0, 'record_id', mapping, {}, 0).catch(
      (e: Error) => e,
    );
    assert.ok(whole instanceof Error, 'the unclosed quote is an error');
    assert.ok(inTwo instanceof Error);
    assert.equal(inTwo.message, whole.message);
  });

  test('reads a small file on one thread', async () => {
    const ds = new Dataset();
    assert.equal((await readRecordsInTwo(ds, file, 0, 'record_id', mapping)).threads, 1);
    assert.equal(ds.size, (await readWhole()).size - 1);
  });

  test('refuses a mapping naming a missing column before reading', async () => {
    await assert.rejects(
      readRecordsInTwo(new Dataset(), file, 0, 'no_such_id', mapping, {}, 0),
      /--id names column "no_such_id"/,
    );
  });
});
