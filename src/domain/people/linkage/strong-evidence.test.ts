import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { comparisonsFor } from './comparisons.ts';
import { Dataset } from './dataset.ts';
import type { PersonFields } from './fields.ts';
import type { LinkageModel } from './model.ts';
import { CONSISTENT, CONTRADICTS, datesAgreeUpToSlips, NEUTRAL, strongEvidence } from './strong-evidence.ts';

const home: PersonFields = {
  last_name: 'Walker',
  postcode: 'LS6 2QT',
  address: '14 Chapel Lane',
  city: 'Leeds',
};

/** A model in which one person's records almost never disagree (agency data). */
function modelWith(mOfErrors: number, ds: Dataset): LinkageModel {
  return {
    lambda: 1e-4,
    phi: 1e-3,
    comparisons: comparisonsFor(ds).map((c) => {
      const n = c.levels.length;
      const m = c.levels.map((_, l) => (l === 0 ? 1 - mOfErrors : mOfErrors / (n - 1)));
      return { name: c.name, m, u: m.map(() => 1 / n), f: m.map(() => 1 / n) };
    }),
  };
}

function judge(a: PersonFields, b: PersonFields, mOfErrors = 0.001) {
  const ds = new Dataset();
  ds.add(0, 'a', a);
  ds.add(0, 'b', b);
  const evidence = strongEvidence(ds, comparisonsFor(ds), modelWith(mOfErrors, ds));
  return { verdict: evidence.judge(0, 1), identifies: evidence.identifies(0, 1) };
}

describe('strong evidence between two records', () => {
  test('twins: the same birthday and home, given names that are not forms of one name', () => {
    const amelia = { ...home, first_name: 'Amelia', dob: '2016-03-09', sex: 'F' };
    assert.equal(judge(amelia, { ...amelia, first_name: 'Isla' }).verdict, CONTRADICTS);
  });

  test('one child recorded with a typing slip or a familiar form is not a twin', () => {
    const oliver = { ...home, first_name: 'Oliver', dob: '2016-03-09', sex: 'M' };
    assert.equal(judge(oliver, { ...oliver, first_name: 'Olivre' }).verdict, CONSISTENT);
    assert.equal(judge(oliver, { ...oliver, first_name: 'Ollie' }).verdict, CONSISTENT);
  });

  test("twins: one known by the other's middle name, the middle names themselves different", () => {
    const james = { ...home, first_name: 'James', middle_names: 'Oliver', dob: '2016-03-09', sex: 'M' };
    assert.equal(
      judge(james, { ...james, first_name: 'Oliver', middle_names: 'Henry' }).verdict,
      CONTRADICTS,
    );
  });

  test('namesakes: one name and birth date, different middle names, elsewhere', () => {
    const john = { ...home, first_name: 'John', middle_names: 'Michael', dob: '1980-05-05', sex: 'M' };
    const other = {
      ...john,
      middle_names: 'Peter',
      postcode: 'M1 1AA',
      address: '3 Mill Road',
      city: 'Manchester',
    };
    assert.equal(judge(john, other).verdict, CONTRADICTS);
  });

  test('one person: first and middle swapped, a middle name left out or shortened', () => {
    const james = { ...home, first_name: 'James', middle_names: 'Oliver Henry', dob: '2016-03-09', sex: 'M' };
    assert.equal(judge(james, { ...james, first_name: 'Oliver', middle_names: 'James' }).verdict, CONSISTENT);
    assert.equal(judge(james, { ...james, middle_names: 'Henry' }).verdict, CONSISTENT);
    assert.equal(judge(james, { ...james, middle_names: 'O' }).verdict, CONSISTENT);
    assert.equal(judge(james, { ...james, middle_names: '' }).verdict, CONSISTENT);
  });

  test('siblings: a different birth date beyond a slip, with a different given name', () => {
    const ellie = { ...home, first_name: 'Ellie', dob: '2015-11-06', sex: 'F' };
    assert.equal(judge(ellie, { ...ellie, first_name: 'Elsie', dob: '2016-03-17' }).verdict, CONTRADICTS);
  });

  test('brothers: a familiar form of the other name, birth dates apart beyond a slip', () => {
    const henry = { ...home, first_name: 'Henry', dob: '2010-03-27', sex: 'M' };
    assert.equal(judge(henry, { ...henry, first_name: 'Harry', dob: '2009-12-12' }).verdict, CONTRADICTS);
    assert.equal(judge(henry, { ...henry, first_name: 'Harry', dob: '2010-03-28' }).verdict, CONSISTENT);
  });

  test('namesakes: one name, dates apart, different house numbers in one postcode', () => {
    const craig = { ...home, first_name: 'Craig', dob: '1981-11-10', sex: 'M' };
    assert.equal(
      judge(craig, { ...craig, dob: '1981-10-14', address: '22 Chapel Lane' }).verdict,
      CONTRADICTS,
    );
  });

  test('a father and son of one name at one address, born decades apart', () => {
    const daniel = { ...home, first_name: 'Daniel', middle_names: 'Thomas', dob: '1981-06-11', sex: 'M' };
    assert.equal(
      judge(daniel, { ...daniel, dob: '2021-03-06', address: 'Chapel Lane' }).verdict,
      CONTRADICTS,
    );
  });

  test('a date slip of an unlisted kind, everything else the same, is neither (left to the weight)', () => {
    const jack = { ...home, first_name: 'Jack', dob: '2012-12-15', sex: 'M' };
    assert.equal(judge(jack, { ...jack, dob: '2012-09-15' }).verdict, NEUTRAL);
  });

  test('a shared NHS number identifies; a record with no date of birth is neutral', () => {
    const a = { ...home, first_name: 'Amelia', dob: '2016-03-09', nhs_number: '9434765919' };
    assert.equal(judge(a, { ...a, first_name: 'Isla' }).identifies, true);
    assert.equal(judge(a, { ...a, dob: '' }).verdict, NEUTRAL);
  });

  test("where the model says one person's records often disagree (FEBRL), nothing is strong", () => {
    const ellie = { ...home, first_name: 'Ellie', dob: '2015-11-06', sex: 'F' };
    assert.equal(judge(ellie, { ...ellie, first_name: 'Elsie', dob: '2016-03-17' }, 0.2).verdict, NEUTRAL);
  });

  test('twins: two records each of Leo and of Leon are two names, one Leon slip is not', () => {
    const ds = new Dataset();
    const leo = { ...home, first_name: 'Leo', dob: '2025-02-01', sex: 'M' };
    ds.add(0, 'leo-nhs', leo);
    ds.add(0, 'leo-school', { ...leo, middle_names: 'Joseph' });
    ds.add(0, 'leon-nhs', { ...leo, first_name: 'Leon' });
    ds.add(0, 'leon-council', { ...leo, first_name: 'LEON', dob: '' });
    ds.add(0, 'leo-slip', { ...leo, first_name: 'Loe' });
    const evidence = strongEvidence(ds, comparisonsFor(ds), modelWith(0.001, ds));
    assert.equal(evidence.namesSettled([0, 1], [2, 3]), true);
    assert.equal(evidence.namesSettled([0, 1], [2]), false, 'one record of the other spelling');
    assert.equal(evidence.namesSettled([0, 1], [4, 2]), false, 'two spellings on one side');
  });

  test('dates agree up to a swap of day and month, a digit slip, or a year apart on the same day', () => {
    assert.ok(datesAgreeUpToSlips(20160309, 20160903));
    assert.ok(datesAgreeUpToSlips(20160309, 20160308));
    assert.ok(datesAgreeUpToSlips(20190309, 20200309));
    assert.ok(!datesAgreeUpToSlips(20151106, 20160317));
  });
});
