import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identifySearch, isIdentifyingSet } from './search-identifiers.ts';

// B801200005001 is the DfE's worked example of a valid UPN (DOMAIN.md 8.4).
const upn = 'B801200005001';

test('a valid NHS number alone, a name with the date of birth, or a pupil number with either is enough', () => {
  for (const input of [
    { nhsNumber: '943 476 5919' },
    { name: 'Sam Taylor', dob: '2017-05-12' },
    { name: 'Taylor', dob: '2017-05-12' },
    { upn, name: 'Taylor' },
    { upn: upn.toLowerCase(), dob: '2017-05-12' },
  ]) {
    const identified = identifySearch(input);
    assert.equal(identified.ok, true, JSON.stringify(input));
    if (identified.ok) assert.equal(isIdentifyingSet(identified.terms), true);
  }
  assert.deepEqual(identifySearch({ nhsNumber: '943 476 5919', name: ' Sam  TAYLOR ' }), {
    ok: true,
    fields: ['name', 'nhsNumber'],
    terms: { nameWords: ['sam', 'taylor'], nhsNumber: '9434765919' },
  });
});

test('one identifier short is refused, naming the field to add', () => {
  const cases: [Parameters<typeof identifySearch>[0], string, RegExp][] = [
    [{ name: 'Taylor' }, 'dob', /date of birth with the name/],
    [{ dob: '2017-05-12' }, 'name', /name with the date of birth/],
    [{ upn }, 'name', /with the pupil number/],
    [{ name: '   ' }, 'name', /name and date of birth, or an NHS number/],
    [{}, 'name', /name and date of birth, or an NHS number/],
  ];
  for (const [input, field, problem] of cases) {
    const identified = identifySearch(input);
    assert.equal(identified.ok, false, JSON.stringify(input));
    if (identified.ok) continue;
    assert.equal(identified.reason, 'not_identifying');
    assert.equal(identified.problems.length, 1);
    assert.equal(identified.problems[0]!.field, field);
    assert.match(identified.problems[0]!.problem, problem);
  }
  assert.equal(isIdentifyingSet({ nameWords: ['taylor'] }), false);
  assert.equal(isIdentifyingSet({ dob: '2017-05-12' }), false);
  assert.equal(isIdentifyingSet({ upn }), false);
});

test('an NHS number with a wrong check digit, a placeholder NHS number or a bad pupil number is refused by field', () => {
  const wrong = identifySearch({ nhsNumber: '9434765918', name: 'Sam Taylor', dob: '2017-05-12' });
  assert.deepEqual(wrong.ok ? undefined : [wrong.reason, wrong.problems.map((p) => p.field)], [
    'invalid_identifier',
    ['nhsNumber'],
  ]);
  const zeros = identifySearch({ nhsNumber: '0000000000' });
  assert.match(zeros.ok ? '' : zeros.problems[0]!.problem, /never issues/);
  const badUpn = identifySearch({ upn: 'A801200005001', name: 'Taylor' });
  assert.deepEqual(badUpn.ok ? undefined : badUpn.problems.map((p) => p.field), ['upn']);
  assert.equal(isIdentifyingSet({ nhsNumber: '9434765918' }), false);
});
