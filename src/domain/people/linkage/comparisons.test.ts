import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { comparisonsFor, MISSING, oneDigitSlip } from './comparisons.ts';
import { Dataset } from './dataset.ts';
import type { PersonFields } from './fields.ts';

function levelOf(a: PersonFields, b: PersonFields, comparison: string): string {
  const ds = new Dataset();
  ds.add(0, 'a', a);
  ds.add(0, 'b', b);
  const c = comparisonsFor(ds).find((x) => x.name === comparison);
  assert.ok(c, `no ${comparison} comparison`);
  const level = c.level(0, 1);
  return level === MISSING ? 'missing' : c.levels[level]!;
}

const sam = {
  first_name: 'Sam',
  last_name: 'Taylor',
  dob: '2016-04-09',
  postcode: 'BS1 4DJ',
  address: '12 Oak Road',
  city: 'Bristol',
};

describe('comparisons', () => {
  test('first and middle names entered the other way round agree on both names', () => {
    const james = { first_name: 'James', middle_names: 'Oliver' };
    const oliver = { first_name: 'Oliver', middle_names: 'James' };
    assert.equal(levelOf(james, oliver, 'first_name'), 'known by a middle name');
    assert.equal(levelOf(james, oliver, 'middle_names'), 'exact, or swapped with the given name');
    assert.equal(levelOf(james, { first_name: 'James', middle_names: 'Noah' }, 'middle_names'), 'else');
  });

  test('one part of a double-barrelled surname agrees with the whole', () => {
    assert.equal(
      levelOf({ last_name: 'Walker-Freeman' }, { last_name: 'Walker' }, 'last_name'),
      'one typing slip, jw ≥ 0.92 or one part of a double name',
    );
    assert.equal(
      levelOf({ last_name: 'Walker-Freeman' }, { last_name: 'Freeman' }, 'last_name'),
      'one typing slip, jw ≥ 0.92 or one part of a double name',
    );
  });

  test('a first name agrees through the nickname table (Bill and William)', () => {
    assert.equal(
      levelOf({ first_name: 'Bill' }, { first_name: 'William' }, 'first_name'),
      'same name (nickname)',
    );
    assert.equal(
      levelOf({ first_name: 'Peggy' }, { first_name: 'MARGARET' }, 'first_name'),
      'same name (nickname)',
    );
  });

  test('a short name one typing slip away is its own level, not a disagreement', () => {
    assert.equal(levelOf({ first_name: 'Ava' }, { first_name: 'Aav' }, 'first_name'), 'one typing slip');
  });

  test('a first name recorded as the other record’s middle name is recognised', () => {
    assert.equal(
      levelOf({ first_name: 'James', middle_names: 'Oliver' }, { first_name: 'Oliver' }, 'first_name'),
      'known by a middle name',
    );
  });

  test('a given name copied from the middle-name box is no evidence against another given name', () => {
    const copied = { first_name: 'John', middle_names: 'John' };
    assert.equal(levelOf(copied, { first_name: 'Thomas' }, 'first_name'), 'missing');
    assert.equal(levelOf(copied, { first_name: 'John' }, 'first_name'), 'exact');
    assert.equal(levelOf(copied, { first_name: 'Jhon' }, 'first_name'), 'one typing slip');
    assert.equal(
      levelOf({ first_name: 'John', middle_names: 'Paul' }, { first_name: 'Thomas' }, 'first_name'),
      'else',
    );
  });

  test('given name and surname entered the wrong way round are recognised', () => {
    assert.equal(
      levelOf(
        { first_name: 'Taylor', last_name: 'Sam' },
        { first_name: 'Sam', last_name: 'Taylor' },
        'first_name',
      ),
      'given name and surname swapped',
    );
  });

  test('a date of birth with day and month swapped has its own level', () => {
    assert.equal(levelOf({ dob: '2016-04-09' }, { dob: '04/09/2016' }, 'dob'), 'day and month swapped');
    assert.equal(levelOf({ dob: '2016-04-09' }, { dob: '2016-04-19' }, 'dob'), 'one typing error');
    assert.equal(levelOf({ dob: '2016-04-09' }, { dob: '2016-04-30' }, 'dob'), 'within a month');
    assert.equal(levelOf({ dob: '2016-04-09' }, { dob: '2019-01-01' }, 'dob'), 'else');
  });

  test('a missing value counts for neither side', () => {
    assert.equal(levelOf({ first_name: 'Sam', dob: '2016-04-09' }, { first_name: 'Sam' }, 'dob'), 'missing');
    assert.equal(levelOf({ dob: '31/02/2016', first_name: 'x' }, { dob: '2016-02-28' }, 'dob'), 'missing');
  });

  test('an NHS number with a wrong check digit counts as missing, not as a disagreement', () => {
    assert.equal(
      levelOf({ nhs_number: '9434765918' }, { nhs_number: '9434765919' }, 'nhs_number'),
      'missing',
    );
  });

  test('address, postcode and town are one comparison, taking the best level reached', () => {
    assert.equal(levelOf(sam, sam, 'location'), 'same address and postcode');
    assert.equal(levelOf(sam, { ...sam, postcode: 'BS1 4DX' }, 'location'), 'same address');
    assert.equal(
      levelOf(sam, { ...sam, address: '', postcode: 'BS1 4ZZ' }, 'location'),
      'same postcode sector, or address or postcode one slip apart',
    );
    assert.equal(
      levelOf(sam, { ...sam, address: '3 Elm Close', postcode: 'BS2 9AB' }, 'location'),
      'same district or town',
    );
    assert.equal(
      levelOf({ ...sam, city: 'Leeds' }, { ...sam, address: '3 Elm Close', postcode: 'LS2 9AB' }, 'location'),
      'else',
    );
  });

  test('neighbours at 12 and 14 Oak Road share a postcode but not an address', () => {
    assert.equal(levelOf(sam, { ...sam, address: '14 Oak Road' }, 'location'), 'same postcode');
  });

  test('a field no record carries gets no comparison at all', () => {
    const ds = new Dataset();
    ds.add(0, 'a', { first_name: 'Sam' });
    assert.deepEqual(
      comparisonsFor(ds).map((c) => c.name),
      ['first_name'],
    );
  });

  test('one digit slip between two dates is one changed or two transposed digits', () => {
    assert.equal(oneDigitSlip(19870312, 19870313), true);
    assert.equal(oneDigitSlip(19870312, 19873012), true);
    assert.equal(oneDigitSlip(19870312, 19870231), false);
  });
});
