import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDate, checkNhsNumber, checkPostcode, checkUpn, nulProblem } from './field-checks.ts';

test('an NHS number passes only with its modulus 11 check digit, in ASCII digits', () => {
  assert.deepEqual(checkNhsNumber('943 476 5919'), { ok: true, value: '9434765919' });
  assert.equal(checkNhsNumber('9434765918').ok, false);
  assert.match((checkNhsNumber('9434765918') as { reason: string }).reason, /check digit/);
  assert.match((checkNhsNumber('94347659I9') as { reason: string }).reason, /digits only/);
  // Arabic-Indic and full-width digits look like numbers to people and to some parsers.
  assert.match((checkNhsNumber('٩٤٣٤٧٦٥٩١٩') as { reason: string }).reason, /not 0 to 9/);
  assert.match((checkNhsNumber('９434765919') as { reason: string }).reason, /not 0 to 9/);
  assert.match((checkNhsNumber('943476591') as { reason: string }).reason, /10 digits/);
  // 0000000000 and its kin pass modulus 11 (the weights sum to 54, -1 mod 11) but are placeholders.
  assert.match((checkNhsNumber('000 000 0000') as { reason: string }).reason, /never issues/);
  assert.match((checkNhsNumber('7777777777') as { reason: string }).reason, /never issues/);
});

test('a NUL character is refused by name; other text passes', () => {
  assert.match(nulProblem('Bo\u0000b') ?? '', /NUL character/);
  assert.equal(nulProblem('Bob \t O\u2019Neill'), undefined);
});

test('a pupil number passes only with the DfE check letter', () => {
  // Body 801 2345 26 001: weighted sum of positions 2..13 mod 23 gives the letter.
  const body = '801234526001';
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  const letter = 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]!;
  assert.deepEqual(checkUpn(letter + body), { ok: true, value: letter + body });
  const wrong = letter === 'A' ? 'B' : 'A';
  assert.match((checkUpn(wrong + body) as { reason: string }).reason, /check letter/);
  assert.equal(checkUpn('A12345').ok, false);
});

test('a postcode must be in one of the six UK formats, with a permitted inward code', () => {
  for (const [raw, value] of [
    ['sw1a1aa', 'SW1A 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
  ])
    assert.deepEqual(checkPostcode(raw!), { ok: true, value });
  assert.equal(checkPostcode('SW1A 1AC').ok, false, 'inward code never uses C');
  assert.equal(checkPostcode('12345').ok, false);
});

test('impossible dates are refused and day-first dates that read both ways are flagged', () => {
  assert.equal(checkDate('31/02/2015', 'day_first').ok, false);
  assert.equal(checkDate('2015-02-31', 'iso').ok, false);
  assert.equal(checkDate('29/02/2016', 'day_first').ok, true);
  assert.equal(checkDate('29/02/1900', 'day_first').ok, false, '1900 was not a leap year');
  assert.deepEqual(checkDate('03/04/2015', 'day_first'), { ok: true, value: '2015-04-03', swappable: true });
  assert.deepEqual(checkDate('13/04/2015', 'day_first'), { ok: true, value: '2015-04-13', swappable: false });
  assert.deepEqual(checkDate('2015-04-03', 'iso'), { ok: true, value: '2015-04-03', swappable: false });
  assert.equal(checkDate('2015-04-03', 'day_first').ok, false, 'the mapping says day first');
});
