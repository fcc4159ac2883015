import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { englandAndWalesBankHolidays } from './bank-holidays.ts';
import { dueAt, type Deadline } from './deadline.ts';
import { weekdays, type Weekday } from './office-hours.ts';

/**
 * The deadline module against a slow, obvious oracle: walk minute by minute from the start,
 * reading London's wall clock from the IANA zone data (Intl, not our summer-time rule), and count
 * each minute that is not stopped and, for an office-hours clock, falls on an open weekday that is
 * not a bank holiday between opening and closing. The due instant is the end of the last minute
 * counted. Starts crowd around the clock changes and the Christmas and Easter holidays.
 */
const MIN = 60_000;
const DAY = 86_400_000;
const holidays = englandAndWalesBankHolidays();

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
});

function wallClock(at: number): { date: string; weekday: Weekday; minute: number } {
  const p = Object.fromEntries(londonParts.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: String(p.weekday).toLowerCase().slice(0, 3) as Weekday,
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
}

function oracleDue(d: Deadline, hours: { days: Weekday[]; opens: number; closes: number }): number {
  const start = d.start.getTime();
  let counted = 0;
  for (let at = start; ; at += MIN) {
    const stopped = (d.stops ?? []).some((s) => s.from.getTime() <= at && at < s.to!.getTime());
    if (stopped) continue;
    if (d.timescale.clock === 'office_hours') {
      const wall = wallClock(at);
      const open =
        hours.days.includes(wall.weekday) &&
        !holidays.datesIn(Number(wall.date.slice(0, 4))).has(wall.date) &&
        wall.minute >= hours.opens &&
        wall.minute < hours.closes;
      if (!open) {
        // Skip to the next hour boundary when closed, keeping the walk quick but exact: opening
        // and closing are on the quarter hour, so a closed minute's quarter is closed throughout.
        at += (14 - (wall.minute % 15)) * MIN;
        continue;
      }
    }
    if (++counted === d.timescale.minutes) return at + MIN;
  }
}

const landmarks = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T01:00:00Z',
  '2027-10-31T01:00:00Z',
  '2026-12-24T12:00:00Z',
  '2027-03-25T12:00:00Z',
  '2027-12-24T12:00:00Z',
].map((s) => Date.parse(s));

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

test('the due instant matches a minute-by-minute count on the IANA zone data', () => {
  fc.assert(
    fc.property(
      fc
        .constantFrom(...landmarks)
        .chain((t) => fc.integer({ min: (t - 3 * DAY) / MIN, max: (t + DAY) / MIN })),
      fc.integer({ min: 1, max: 720 }),
      fc.constantFrom('around_the_clock' as const, 'office_hours' as const),
      fc.subarray([...weekdays], { minLength: 3 }),
      fc
        .tuple(fc.integer({ min: 0, max: 72 }), fc.integer({ min: 24, max: 96 }))
        .map(([q, n]) => [q * 15, Math.min(1440, q * 15 + n * 15)] as const)
        .filter(([o, c]) => !(o > 60 && o < 120) && !(c > 60 && c < 120)),
      fc.array(fc.tuple(fc.integer({ min: -600, max: 4000 }), fc.integer({ min: 1, max: 1500 })), {
        maxLength: 2,
      }),
      (startMinute, minutes, clock, days, [opens, closes], stops) => {
        const start = startMinute * MIN;
        const d: Deadline = {
          start: new Date(start),
          timescale: { minutes, clock },
          officeHours: [{ days, opens: hhmm(opens), closes: hhmm(closes) }],
          holidays,
          stops: stops.map(([offset, length]) => ({
            from: new Date(start + offset * MIN),
            to: new Date(start + (offset + length) * MIN),
          })),
        };
        assert.equal(dueAt(d)?.toISOString(), new Date(oracleDue(d, { days, opens, closes })).toISOString());
      },
    ),
    { numRuns: 150 },
  );
});
