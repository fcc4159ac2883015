import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../shared/errors.ts';
import { londonDateOf, londonMinuteOfDay, londonWallTime, nextDate } from './london-time.ts';
import { isSchoolDay, nextSchoolDayStart, type TermDates } from './school-days.ts';

/** Riverside Primary, 2026/27: six half terms, an INSET day after October half term. */
const riverside: TermDates = {
  name: 'Riverside Primary',
  terms: [
    { from: '2026-09-03', to: '2026-10-23' },
    { from: '2026-11-02', to: '2026-12-18' },
    { from: '2027-01-05', to: '2027-02-12' },
    { from: '2027-02-22', to: '2027-03-25' },
    { from: '2027-04-12', to: '2027-05-28' },
    { from: '2027-06-07', to: '2027-07-21' },
  ],
  closures: ['2026-11-02'],
};

const next = (at: string) => nextSchoolDayStart(new Date(at), riverside, '08:45').toISOString();

test('an incident on a Friday night reaches Riverside Primary before 08:45 on Monday', () => {
  assert.equal(next('2026-12-11T21:00:00Z'), '2026-12-14T08:45:00.000Z');
});

test('an incident before school on a school day must be notified before that morning starts', () => {
  assert.equal(next('2026-12-07T07:30:00Z'), '2026-12-07T08:45:00.000Z');
});

test('once the school day has started, the next school day is tomorrow', () => {
  assert.equal(next('2026-12-07T08:45:00Z'), '2026-12-08T08:45:00.000Z');
  assert.equal(next('2026-12-07T09:30:00Z'), '2026-12-08T08:45:00.000Z');
});

test('the last evening of the autumn term waits for the spring term', () => {
  assert.equal(next('2026-12-18T20:00:00Z'), '2027-01-05T08:45:00.000Z');
});

test('October half term and the INSET day: Tuesday 3 November, 08:45 GMT after the clocks went back', () => {
  assert.equal(next('2026-10-23T19:00:00Z'), '2026-11-03T08:45:00.000Z');
});

test('Easter 2027: after the spring term the next school day is 12 April, 08:45 BST', () => {
  assert.equal(next('2027-03-25T19:00:00Z'), '2027-04-12T07:45:00.000Z');
});

test('the early May bank holiday inside term is not a school day', () => {
  assert.equal(isSchoolDay('2027-05-03', riverside), false);
  assert.equal(isSchoolDay('2027-05-04', riverside), true);
  assert.equal(next('2027-04-30T18:00:00Z'), '2027-05-04T07:45:00.000Z');
});

test('weekends, INSET days and holidays between terms are not school days', () => {
  assert.equal(isSchoolDay('2026-12-12', riverside), false);
  assert.equal(isSchoolDay('2026-11-02', riverside), false);
  assert.equal(isSchoolDay('2026-10-28', riverside), false);
  assert.equal(isSchoolDay('2026-12-18', riverside), true);
});

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation_failed')
      return (e.fields ?? []).map((f) => f.field);
    throw e;
  }
  assert.fail('expected a validation error');
}

test('term dates that run out, or are wrong, are refused naming the field', () => {
  assert.deepEqual(
    fieldsOf(() => next('2027-07-21T10:00:00Z')),
    ['termDates'],
  );
  const backwards: TermDates = {
    name: 'Riverside Primary',
    terms: [{ from: '2026-09-03', to: '2026-07-01' }],
  };
  assert.deepEqual(
    fieldsOf(() => nextSchoolDayStart(new Date('2026-12-07T12:00:00Z'), backwards, '08:45')),
    ['termDates.terms.0.to'],
  );
  const impossible: TermDates = {
    name: 'Riverside Primary',
    terms: [{ from: '2026-02-30', to: '2026-03-10' }],
  };
  assert.deepEqual(
    fieldsOf(() => nextSchoolDayStart(new Date('2026-12-07T12:00:00Z'), impossible, '08:45')),
    ['termDates.terms.0.from'],
  );
  assert.deepEqual(
    fieldsOf(() => nextSchoolDayStart(new Date('2026-12-07T12:00:00Z'), riverside, '8.45')),
    ['schoolDayStartTime'],
  );
  assert.deepEqual(
    fieldsOf(() => nextSchoolDayStart(new Date('x'), riverside, '08:45')),
    ['instant'],
  );
});

test('for any instant in the school year, the answer is the first school-day start after it', () => {
  const first = Date.parse('2026-08-20T00:00:00Z');
  const last = Date.parse('2027-07-20T00:00:00Z');
  fc.assert(
    fc.property(fc.integer({ min: first / 60_000, max: last / 60_000 }), (minute) => {
      const instant = new Date(minute * 60_000);
      const answer = nextSchoolDayStart(instant, riverside, '08:45');
      assert.ok(answer.getTime() > instant.getTime());
      const date = londonDateOf(answer.getTime());
      assert.ok(isSchoolDay(date, riverside));
      assert.equal(londonMinuteOfDay(answer.getTime()), 8 * 60 + 45);
      // No school day starts between the instant and the answer.
      for (let d = londonDateOf(instant.getTime()); d < date; d = nextDate(d))
        assert.ok(!isSchoolDay(d, riverside) || londonWallTime(d, 525) <= instant.getTime(), d);
    }),
  );
});
