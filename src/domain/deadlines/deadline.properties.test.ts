import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { englandAndWalesBankHolidays } from './bank-holidays.ts';
import { dueAt, escalationAt, timeLeftAt, type Deadline, type StopInterval } from './deadline.ts';
import { weekdays, type OfficeHours } from './office-hours.ts';

/**
 * Properties of the one deadline measure, over starts spread through 2026 to 2028 and packed
 * around the clock changes, Christmas and Easter, with random office hours and stops.
 */
const MIN = 60_000;
const DAY = 86_400_000;
const holidays = englandAndWalesBankHolidays();

// Clock changes (01:00 UTC) and holiday seasons the generators crowd around.
const landmarks = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T01:00:00Z',
  '2027-10-31T01:00:00Z',
  '2028-03-26T01:00:00Z',
  '2026-04-02T12:00:00Z',
  '2026-12-23T12:00:00Z',
  '2027-03-25T12:00:00Z',
  '2027-12-23T12:00:00Z',
].map((s) => Date.parse(s));

const startArb = fc
  .oneof(
    fc.integer({
      min: Date.parse('2026-01-01T00:00:00Z') / MIN,
      max: Date.parse('2028-12-01T00:00:00Z') / MIN,
    }),
    fc
      .constantFrom(...landmarks)
      .chain((t) => fc.integer({ min: (t - 4 * DAY) / MIN, max: (t + 2 * DAY) / MIN })),
  )
  .map((minute) => minute * MIN);

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Opening and closing on the quarter hour, never inside 01:00 to 02:00, open 4 h or more. */
const sessionArb = fc
  .tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 16, max: 96 }))
  .map(([q, length]) => [q * 15, Math.min(1440, q * 15 + length * 15)] as const)
  .filter(
    ([opens, closes]) =>
      closes - opens >= 240 && !(opens > 60 && opens < 120) && !(closes > 60 && closes < 120),
  );

const officeHoursArb: fc.Arbitrary<OfficeHours> = fc
  .tuple(fc.subarray([...weekdays], { minLength: 1 }), sessionArb)
  .map(([days, [opens, closes]]) => [{ days, opens: hhmm(opens), closes: hhmm(closes) }]);

const stopArb = fc
  .record({
    offset: fc.integer({ min: -1440, max: 7 * 1440 }),
    length: fc.integer({ min: 1, max: 3 * 1440 }),
  })
  .map(({ offset, length }) => ({ offset: offset * MIN, length: length * MIN }));

const deadlineArb = fc
  .record({
    start: startArb,
    minutes: fc.integer({ min: 1, max: 3000 }),
    clock: fc.constantFrom('around_the_clock' as const, 'office_hours' as const),
    officeHours: fc.oneof(
      officeHoursArb,
      fc.constant<OfficeHours>([
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' },
      ]),
    ),
    stops: fc.array(stopArb, { maxLength: 3 }),
  })
  .map(({ start, minutes, clock, officeHours, stops }): Deadline => ({
    start: new Date(start),
    timescale: { minutes, clock },
    officeHours,
    holidays,
    stops: stops.map((s) => ({
      from: new Date(start + s.offset),
      to: new Date(start + s.offset + s.length),
    })),
  }));

const ms = (d: Date | null) => {
  assert.ok(d, 'a clock with only closed stops always falls due');
  return d.getTime();
};
const left = (d: Deadline, at: number) => timeLeftAt(d, { at: new Date(at) }).remainingMs;

test('the due instant is after the start, and time left there is exactly none', () => {
  fc.assert(
    fc.property(deadlineArb, (d) => {
      const due = ms(dueAt(d));
      assert.ok(due > d.start.getTime());
      assert.equal(left(d, due), 0);
      assert.equal(left(d, d.start.getTime()), d.timescale.minutes * MIN);
    }),
  );
});

test('an added stop never makes the due instant earlier, and moves it by exactly the counted time it overlaps', () => {
  fc.assert(
    fc.property(deadlineArb, stopArb, (d, s) => {
      const start = d.start.getTime();
      const stop: StopInterval = {
        from: new Date(start + s.offset),
        to: new Date(start + s.offset + s.length),
      };
      const before = ms(dueAt(d));
      const after = ms(dueAt({ ...d, stops: [...(d.stops ?? []), stop] }));
      assert.ok(after >= before);
      // Counted time (as the clock without the new stop measures it) from start to the new due
      // instant is the timescale plus the counted time inside the stop before that instant.
      const clamp = (t: number) => Math.min(Math.max(t, start), after);
      const overlapped = left(d, clamp(stop.from.getTime())) - left(d, clamp(stop.to!.getTime()));
      const duration = d.timescale.minutes * MIN;
      assert.equal(duration - left(d, after), duration + overlapped);
    }),
  );
});

test('an escalation falls between the start and the due instant, later for a larger share', () => {
  fc.assert(
    fc.property(deadlineArb, fc.integer({ min: 1, max: 99 }), (d, percent) => {
      const at = ms(escalationAt(d, { share: percent / 100 }));
      const later = ms(escalationAt(d, { share: Math.min(1, (percent + 1) / 100) }));
      const due = ms(dueAt(d));
      assert.ok(d.start.getTime() <= at && at <= later && later <= due);
      assert.equal(ms(escalationAt(d, { share: 1 })), due);
    }),
  );
});

test('around the clock, due minus start is the duration plus the stopped time before it, across clock changes', () => {
  fc.assert(
    fc.property(deadlineArb, (given) => {
      const d: Deadline = { ...given, timescale: { ...given.timescale, clock: 'around_the_clock' } };
      const start = d.start.getTime();
      const due = ms(dueAt(d));
      const spans = (d.stops ?? [])
        .map((s) => [Math.max(start, s.from.getTime()), Math.min(due, s.to!.getTime())] as const)
        .filter(([a, b]) => b > a)
        .sort((x, y) => x[0] - y[0]);
      let stopped = 0;
      let reached = start;
      for (const [a, b] of spans) {
        stopped += Math.max(0, b - Math.max(a, reached));
        reached = Math.max(reached, b);
      }
      assert.equal(due - start, d.timescale.minutes * MIN + stopped);
    }),
  );
});

test('time left never rises as time passes, and once overdue a clock stays overdue', () => {
  fc.assert(
    fc.property(
      deadlineArb,
      fc.array(fc.integer({ min: -DAY / MIN, max: (30 * DAY) / MIN }), { minLength: 2, maxLength: 6 }),
      (d, offsets) => {
        const instants = offsets.map((o) => d.start.getTime() + o * MIN).sort((a, b) => a - b);
        const readings = instants.map((at) => timeLeftAt(d, { at: new Date(at) }));
        for (let i = 1; i < readings.length; i++) {
          assert.ok(readings[i]!.remainingMs <= readings[i - 1]!.remainingMs);
          assert.ok(!readings[i - 1]!.overdue || readings[i]!.overdue);
        }
      },
    ),
  );
});
