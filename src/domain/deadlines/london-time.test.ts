import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isoWeekday,
  londonDateOf,
  londonMinuteOfDay,
  londonOffsetMinutes,
  londonWallTime,
  nextDate,
} from './london-time.ts';

const zoneOffset = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'longOffset',
});
const zoneDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function ianaOffsetMinutes(ms: number): number {
  const name = zoneOffset.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  return name === 'GMT' || name === 'GMT+00:00' ? 0 : name === 'GMT+01:00' ? 60 : Number.NaN;
}

test('the summer time rule agrees with the IANA zone data every half hour around each change, 1996 to 2060', () => {
  for (let year = 1996; year <= 2060; year++) {
    for (const month of [2, 9]) {
      const from = Date.UTC(year, month, 22);
      for (let ms = from; ms < from + 12 * 86_400_000; ms += 1_800_000) {
        assert.equal(londonOffsetMinutes(ms), ianaOffsetMinutes(ms), new Date(ms).toISOString());
        assert.equal(londonDateOf(ms), zoneDate.format(new Date(ms)), new Date(ms).toISOString());
      }
    }
  }
});

test('the rule agrees with the IANA zone data every six hours from 2020 to 2040', () => {
  for (let ms = Date.UTC(2020, 0, 1); ms < Date.UTC(2041, 0, 1); ms += 6 * 3_600_000)
    assert.equal(londonOffsetMinutes(ms), ianaOffsetMinutes(ms), new Date(ms).toISOString());
});

test('09:00 in London is 09:00 UTC in winter and 08:00 UTC in summer', () => {
  assert.equal(new Date(londonWallTime('2026-12-07', 540)).toISOString(), '2026-12-07T09:00:00.000Z');
  assert.equal(new Date(londonWallTime('2026-07-07', 540)).toISOString(), '2026-07-07T08:00:00.000Z');
});

test('on 28 March 2027 the clocks go forward: 01:30 does not exist and reads as 02:30 BST', () => {
  assert.equal(new Date(londonWallTime('2027-03-28', 90)).toISOString(), '2027-03-28T01:30:00.000Z');
  assert.equal(new Date(londonWallTime('2027-03-28', 0)).toISOString(), '2027-03-28T00:00:00.000Z');
  assert.equal(new Date(londonWallTime('2027-03-28', 1440)).toISOString(), '2027-03-28T23:00:00.000Z');
});

test('on 25 October 2026 the clocks go back: 01:30 happens twice and the first (BST) is taken', () => {
  assert.equal(new Date(londonWallTime('2026-10-25', 90)).toISOString(), '2026-10-25T00:30:00.000Z');
  assert.equal(new Date(londonWallTime('2026-10-25', 120)).toISOString(), '2026-10-25T02:00:00.000Z');
  assert.equal(londonWallTime('2026-10-26', 0) - londonWallTime('2026-10-25', 0), 25 * 3_600_000);
});

test('the wall clock reads back the minutes it was given, away from the changes', () => {
  for (const date of ['2026-01-15', '2026-06-15', '2026-10-26', '2027-03-29'])
    for (const minutes of [0, 1, 539, 540, 1020, 1439]) {
      const ms = londonWallTime(date, minutes);
      assert.equal(londonDateOf(ms), date);
      assert.equal(londonMinuteOfDay(ms), minutes);
    }
});

test('weekdays and next dates', () => {
  assert.equal(isoWeekday('2026-12-07'), 1);
  assert.equal(isoWeekday('2026-12-13'), 7);
  assert.equal(nextDate('2026-12-31'), '2027-01-01');
  assert.equal(nextDate('2028-02-28'), '2028-02-29');
});
