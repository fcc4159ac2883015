import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addDays,
  addMonths,
  daysBetween,
  formatLongDate,
  isCalendarDate,
  londonDate,
  startOfLondonDay,
} from './calendar-dates.ts';

describe('UK calendar dates for agreements', () => {
  test('today is the date in London: 23:30 UTC in summer is already tomorrow', () => {
    assert.equal(londonDate(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
    assert.equal(londonDate(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
  });

  test('a day starts at midnight London time, in BST and in GMT', () => {
    assert.equal(startOfLondonDay('2026-07-01').toISOString(), '2026-06-30T23:00:00.000Z');
    assert.equal(startOfLondonDay('2026-12-01').toISOString(), '2026-12-01T00:00:00.000Z');
    // The clocks go forward at 01:00 GMT on 29 March 2026: midnight is still GMT.
    assert.equal(startOfLondonDay('2026-03-29').toISOString(), '2026-03-29T00:00:00.000Z');
    assert.equal(startOfLondonDay('2026-03-30').toISOString(), '2026-03-29T23:00:00.000Z');
  });

  test('arithmetic on dates', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addMonths('2026-04-01', 12), '2027-04-01');
    assert.equal(daysBetween('2026-11-02', '2026-12-02'), 30);
    assert.equal(daysBetween('2026-11-02', '2026-11-01'), -1);
  });

  test('only real calendar dates are accepted', () => {
    assert.equal(isCalendarDate('2026-02-28'), true);
    assert.equal(isCalendarDate('2026-02-30'), false);
    assert.equal(isCalendarDate('2026-2-3'), false);
  });

  test('dates are written as GOV.UK writes them', () => {
    assert.equal(formatLongDate('2026-11-02'), '2 November 2026');
  });
});

test('londonDate answers as Intl does at every quarter hour across midnight and both clock changes, in any order', () => {
  const reference = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const starts = ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z', '2026-12-31T20:00:00Z'];
  const instants = starts.flatMap((start) =>
    Array.from({ length: 48 }, (_, i) => new Date(Date.parse(start) + i * 15 * 60_000)),
  );
  // Forwards, then shuffled back and forth, so a kept answer from another hour would show.
  const order = [...instants, ...instants.map((_, i) => instants[(i * 37) % instants.length]!)];
  for (const at of order) assert.equal(londonDate(at), reference.format(at), at.toISOString());
  assert.equal(londonDate(new Date('2026-03-29T00:59:59.999Z')), '2026-03-29');
  assert.equal(londonDate(new Date('2026-10-24T22:59:59.999Z')), '2026-10-24');
  assert.equal(londonDate(new Date('2026-10-24T23:00:00Z')), '2026-10-25');
});
