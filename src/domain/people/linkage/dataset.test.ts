import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generatePopulation } from '../generator/generate-population.ts';
import { Dataset } from './dataset.ts';

describe('appending a data set read elsewhere', () => {
  const records = [...generatePopulation({ children: 300, seed: 7 })];

  test('gives exactly the data set one reader adding every row makes', () => {
    const whole = new Dataset({ capacity: 16 });
    records.forEach((r, i) => whole.add(i % 3, r.record_id, r));

    // The split falls mid-household, so the second part repeats names the first part interned.
    const cut = Math.floor(records.length * 0.4);
    const first = new Dataset({ capacity: 16 });
    const second = new Dataset({ capacity: 16 });
    records.forEach((r, i) => (i < cut ? first : second).add(i % 3, r.record_id, r));
    first.appendPart(second.part());

    assert.equal(first.size, whole.size);
    assert.deepEqual(first.snapshot(), whole.snapshot());
    assert.deepEqual(first.recordIds, whole.recordIds);
    assert.deepEqual(first.sources, whole.sources);
  });

  test('keeps growing correctly after the append', () => {
    const first = new Dataset({ capacity: 16 });
    const second = new Dataset({ capacity: 16 });
    records.slice(0, 10).forEach((r) => first.add(0, r.record_id, r));
    records.slice(10, 20).forEach((r) => second.add(0, r.record_id, r));
    first.appendPart(second.part());
    const row = first.add(1, 'late', records[0]!);
    assert.equal(row, 20);
    assert.equal(first.columns.last.ids[row], first.columns.last.ids[0]);
    assert.equal(first.columns.last.counts[first.columns.last.ids[0]!]! >= 2, true);
  });
});
