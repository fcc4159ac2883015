import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Dataset } from './dataset.ts';
import { MAX_LIFT_BITS, nameCohortBits } from './name-cohorts.ts';

/** Adds `count` records of a given name born on 1 June of `year`, each its own surname. */
function add(ds: Dataset, first: string, year: number, count: number): number {
  let row = -1;
  for (let k = 0; k < count; k++)
    row = ds.add(0, `${first}-${year}-${k}`, { first_name: first, last_name: `s${k}`, dob: `${year}-06-01` });
  return row;
}

describe('given names by birth year (name-cohorts)', () => {
  // 2,200 records over ten years. Olivia: 60 records, all born in 2015. Jack: 300, thirty a year.
  const ds = new Dataset();
  for (let year = 2010; year < 2020; year++) {
    add(ds, 'Jack', year, 30);
    add(ds, `Other${year}`, year, year === 2015 ? 130 : 190);
  }
  const olivia = add(ds, 'Olivia', 2015, 60);
  const livvy = ds.add(0, 'livvy', { first_name: 'Livvy', last_name: 'x', dob: '2015-01-01' });
  const jack = 0; // the first Jack, born 2010
  const rare = add(ds, 'Zebedee', 2015, 4);
  const undated = ds.add(0, 'undated', { first_name: 'Olivia', last_name: 'y' });

  test('a name in fashion the year of birth loses bits, at most MAX_LIFT_BITS', () => {
    // Among those born in 2015 Olivia is about a third; of everyone, 3%: capped.
    assert.equal(nameCohortBits(ds, olivia), MAX_LIFT_BITS);
    // A short form counts with its formal name (Livvy is an Olivia born in 2015).
    assert.equal(nameCohortBits(ds, livvy), MAX_LIFT_BITS);
  });

  test('a name as common every year, a rare name and a record without a date lose nothing', () => {
    assert.equal(nameCohortBits(ds, jack), 0);
    // Four records of one Zebedee would make his name look fashionable in his year.
    assert.equal(nameCohortBits(ds, rare), 0);
    assert.equal(nameCohortBits(ds, undated), 0);
  });
});
