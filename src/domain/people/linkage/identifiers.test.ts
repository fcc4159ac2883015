import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateParser, parseAnyDate, swapDayMonth } from './dates.ts';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.ts';
import { areNameForms, formalName, nicknamePairCount } from './nicknames.ts';
import { damerauLevenshtein, levenshtein } from './string-distance.ts';
import { normaliseName, normalisePhone, normalisePostcode, postcodeParts } from './normalise.ts';

describe('NHS numbers (modulus 11, DOMAIN.md 8.3)', () => {
  test('a number with the right check digit is valid and one digit out is not', () => {
    assert.equal(isValidNhsNumber('9434765919'), true);
    assert.equal(isValidNhsNumber('9434765918'), false);
  });
  test('one digit repeated passes modulus 11 but is a placeholder the NHS never issues', () => {
    for (let d = 0; d <= 9; d++) {
      const placeholder = String(d).repeat(10);
      assert.equal(isValidNhsNumber(placeholder), false, placeholder);
      assert.equal(normaliseNhsNumber(placeholder), undefined, placeholder);
    }
  });
  test('spaces as printed on letters are allowed; letters and Unicode digits make it missing', () => {
    assert.equal(normaliseNhsNumber('943 476 5919'), '9434765919');
    assert.equal(normaliseNhsNumber('943476591X'), undefined);
    assert.equal(normaliseNhsNumber('٩٤٣٤٧٦٥٩١٩'), undefined);
    assert.equal(normaliseNhsNumber('9434765918'), undefined);
  });
});

describe('dates of birth', () => {
  test('ISO, compact and day-first UK dates are read without a format', () => {
    assert.equal(parseAnyDate('2015-03-12'), 20150312);
    assert.equal(parseAnyDate('20150312'), 20150312);
    assert.equal(parseAnyDate('12/03/2015'), 20150312);
  });
  test('an impossible date such as 31/02/2015 counts as missing', () => {
    assert.equal(parseAnyDate('31/02/2015'), 0);
    assert.equal(parseAnyDate('29/02/2016'), 20160229);
  });
  test('an explicit --dob-format reads month-first dates', () => {
    assert.equal(dateParser('MM/DD/YYYY')('03/12/2015'), 20150312);
    assert.equal(dateParser('YYYYMMDD')('20151203'), 20151203);
    assert.throws(() => dateParser('DD/MM'), /YYYY, MM and DD/);
  });
  test('day and month can be swapped only when both could be a month', () => {
    assert.equal(swapDayMonth(20150312), 20151203);
    assert.equal(swapDayMonth(20150325), 0);
  });
});

describe('string distances', () => {
  test('Damerau–Levenshtein counts a transposition as one edit, Levenshtein as two', () => {
    assert.equal(damerauLevenshtein('19870312', '19873012'), 1);
    assert.equal(levenshtein('19870312', '19873012'), 2);
    assert.equal(damerauLevenshtein('ava', 'aav'), 1);
    assert.equal(damerauLevenshtein('', 'abc'), 3);
    assert.equal(damerauLevenshtein('kitten', 'sitting'), 3);
  });
});

describe('the nickname table', () => {
  test('holds at least 150 formal–familiar pairs, as data', () => {
    assert.ok(nicknamePairCount >= 150, String(nicknamePairCount));
  });
  test('knows the English familiar forms agencies record', () => {
    for (const [a, b] of [
      ['bill', 'william'],
      ['peggy', 'margaret'],
      ['bob', 'robert'],
      ['liz', 'elizabeth'],
      ['jim', 'james'],
      ['alfie', 'alfred'],
    ]) {
      assert.ok(areNameForms(a!, b!), `${a}/${b}`);
    }
    assert.equal(areNameForms('bill', 'robert'), false);
    assert.equal(formalName('bill'), 'william');
    assert.equal(formalName('zebedee'), 'zebedee');
  });
});

describe('normalising', () => {
  test('names lose case, accents, punctuation and placeholder values', () => {
    assert.equal(normaliseName("  O'Brien-Zoë "), 'obrien zoe');
    assert.equal(normaliseName('UNKNOWN'), undefined);
  });
  test('postcodes are compacted and UK ones split into sector and district', () => {
    assert.equal(normalisePostcode('sw1a 1aa'), 'SW1A1AA');
    assert.deepEqual(postcodeParts('SW1A1AA'), { sector: 'SW1A 1', district: 'SW1A' });
    assert.equal(postcodeParts('2119'), undefined);
  });
  test('phone numbers are compared in their national form', () => {
    assert.equal(normalisePhone('+44 7700 900123'), normalisePhone('07700 900123'));
  });
});
