import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateCandidates } from './blocking.ts';
import { Dataset } from './dataset.ts';

function compared(ds: Dataset, a: number, b: number, pairBudget: number): boolean {
  const c = generateCandidates(ds, { pairBudget });
  for (let k = 0; k < c.count; k++)
    if (c.left[k] === Math.min(a, b) && c.right[k] === Math.max(a, b)) return true;
  return false;
}

describe('blocking at a scale where the loose rules exceed the budget', () => {
  // A household of seven whose children share an initial, and namesakes of one child elsewhere:
  // the budget of 5 pairs stands in for a million records, where "same name" and "same address
  // and initial" give too many pairs and every tighter variant of the name rules needs a birth
  // year, which one record of Anna lacks.
  const ds = new Dataset();
  const home = '1 high street';
  const anna = ds.add(0, 'anna-1', {
    first_name: 'Anna',
    last_name: 'Smith',
    dob: '2015-03-02',
    address: home,
  });
  for (const [i, first] of ['Amy', 'Alice', 'Ava', 'Abigail', 'Aisha'].entries())
    ds.add(0, first, { first_name: first, last_name: 'Smith', dob: `201${i}-07-09`, address: home });
  const undated = ds.add(1, 'anna-2', { first_name: 'Anna', last_name: 'Smith', address: home });
  for (const [i, dob] of ['2001-05-05', '1999-09-09', '2008-12-12', '1990-01-01', '1985-02-02'].entries())
    ds.add(0, `namesake-${i}`, { first_name: 'Anna', last_name: 'Smith', dob, address: `${i + 2} low road` });

  test('a record with no birth date is still compared with its own at the same address', () => {
    assert.equal(compared(ds, anna, undated, 5), true);
  });

  test('with room in the budget the loose rules compare them as before', () => {
    assert.equal(compared(ds, anna, undated, 1000), true);
  });
});
