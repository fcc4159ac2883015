import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../shared/errors.ts';
import { englandAndWalesBankHolidays } from './bank-holidays.ts';
import { dueAt, escalationAt, timeLeftAt, type Deadline, type Timescale } from './deadline.ts';
import type { OfficeHours } from './office-hours.ts';

/** Northshire's front door: open 09:00 to 17:00, Monday to Friday, UK time. */
const northshireHours: OfficeHours = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '09:00', closes: '17:00' },
];
const red: Timescale = { minutes: 120, clock: 'around_the_clock' };
const amber: Timescale = { minutes: 360, clock: 'office_hours' };
const green: Timescale = { minutes: 1440, clock: 'office_hours' };
const HOUR = 3_600_000;

function deadline(start: string, timescale: Timescale, stops: Deadline['stops'] = []): Deadline {
  return {
    start: new Date(start),
    timescale,
    officeHours: northshireHours,
    holidays: englandAndWalesBankHolidays(),
    stops,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

test('a red request at 23:30 on a Saturday is due two real hours later, at 01:30 on Sunday', () => {
  assert.equal(iso(dueAt(deadline('2026-12-12T23:30:00Z', red))), '2026-12-13T01:30:00.000Z');
});

test('red across the October 2026 change: 00:30 BST plus two real hours is 01:30 GMT', () => {
  // 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT; the wall clock moves one hour.
  assert.equal(iso(dueAt(deadline('2026-10-24T23:30:00Z', red))), '2026-10-25T01:30:00.000Z');
});

test('red across the March 2027 change: 00:30 GMT plus two real hours is 03:30 BST', () => {
  // 28 March 2027 (Easter Sunday): at 01:00 GMT the clocks go forward to 02:00 BST.
  assert.equal(iso(dueAt(deadline('2027-03-28T00:30:00Z', red))), '2027-03-28T02:30:00.000Z');
});

test('amber at 15:00 on Christmas Eve 2026 waits out Christmas and the Boxing Day substitute', () => {
  // Thursday 2 hours; Friday 25th, the weekend and Monday 28th (Boxing Day substitute) are closed.
  assert.equal(iso(dueAt(deadline('2026-12-24T15:00:00Z', amber))), '2026-12-29T13:00:00.000Z');
});

test('green on Wednesday 23 December 2026 at 10:00 is due at 10:00 on Wednesday 30 December', () => {
  // 7 h + 8 h before Christmas, 8 h on Tuesday 29th, the last hour on Wednesday 30th.
  assert.equal(iso(dueAt(deadline('2026-12-23T10:00:00Z', green))), '2026-12-30T10:00:00.000Z');
});

test('amber on the Thursday before Easter 2027 resumes on Tuesday in BST', () => {
  // 3 h on Thursday 25 March; Good Friday, the weekend (clocks forward) and Easter Monday closed;
  // the last 3 h from 09:00 BST on Tuesday 30 March end at 12:00 BST, 11:00 UTC.
  assert.equal(iso(dueAt(deadline('2027-03-25T14:00:00Z', amber))), '2027-03-30T11:00:00.000Z');
});

test('amber on the Friday before the October 2026 change resumes on Monday in GMT', () => {
  // 14:00 BST Friday 23 October: 3 h to 17:00 BST, then 09:00 to 12:00 GMT on Monday 26th.
  assert.equal(iso(dueAt(deadline('2026-10-23T13:00:00Z', amber))), '2026-10-26T12:00:00.000Z');
});

test('office time that ends exactly at closing is due at closing, not at the next opening', () => {
  assert.equal(iso(dueAt(deadline('2026-12-07T11:00:00Z', amber))), '2026-12-07T17:00:00.000Z');
});

test('a request made after closing starts counting at the next opening', () => {
  assert.equal(iso(dueAt(deadline('2026-12-07T19:45:00Z', amber))), '2026-12-08T15:00:00.000Z');
});

test('four hours awaiting clarification push an amber deadline by four office hours', () => {
  const stops = [{ from: new Date('2026-12-07T10:00:00Z'), to: new Date('2026-12-07T14:00:00Z') }];
  assert.equal(iso(dueAt(deadline('2026-12-07T09:00:00Z', amber))), '2026-12-07T15:00:00.000Z');
  assert.equal(iso(dueAt(deadline('2026-12-07T09:00:00Z', amber, stops))), '2026-12-08T11:00:00.000Z');
});

test('a stop overnight costs no office time', () => {
  const stops = [{ from: new Date('2026-12-07T18:00:00Z'), to: new Date('2026-12-08T08:00:00Z') }];
  assert.equal(iso(dueAt(deadline('2026-12-07T14:00:00Z', amber, stops))), '2026-12-08T12:00:00.000Z');
});

test('a clock stopped with no restart has no due instant, and time left stands still', () => {
  const stops = [{ from: new Date('2026-12-07T10:00:00Z') }];
  const d = deadline('2026-12-07T09:00:00Z', amber, stops);
  assert.equal(dueAt(d), null);
  const later = timeLeftAt(d, { at: new Date('2026-12-09T12:00:00Z') });
  assert.deepEqual(later, { remainingMs: 5 * HOUR, overdue: false, stopped: true });
});

test('a stop that ended before the clock started changes nothing', () => {
  const stops = [{ from: new Date('2026-12-04T10:00:00Z'), to: new Date('2026-12-04T12:00:00Z') }];
  assert.equal(iso(dueAt(deadline('2026-12-07T09:00:00Z', amber, stops))), '2026-12-07T15:00:00.000Z');
});

test('the manager is told at 75% of the time and at breach', () => {
  const r = deadline('2026-12-07T10:00:00Z', red);
  assert.equal(iso(escalationAt(r, { share: 0.75 })), '2026-12-07T11:30:00.000Z');
  assert.equal(iso(escalationAt(r, { share: 1 })), iso(dueAt(r)));
  // Amber from 16:00 on Friday 11 December: 1 h on Friday, 3.5 h on Monday makes 75%.
  const a = deadline('2026-12-11T16:00:00Z', amber);
  assert.equal(iso(escalationAt(a, { share: 0.75 })), '2026-12-14T12:30:00.000Z');
  assert.equal(iso(dueAt(a)), '2026-12-14T14:00:00.000Z');
});

test('time left counts office time: overdue all weekend after a Friday deadline, hours only from Monday', () => {
  const d = deadline('2026-12-11T11:00:00Z', amber);
  assert.deepEqual(timeLeftAt(d, { at: new Date('2026-12-11T09:00:00Z') }), {
    remainingMs: 6 * HOUR,
    overdue: false,
    stopped: false,
  });
  assert.equal(timeLeftAt(d, { at: new Date('2026-12-11T14:00:00Z') }).remainingMs, 3 * HOUR);
  assert.deepEqual(timeLeftAt(d, { at: new Date('2026-12-12T12:00:00Z') }), {
    remainingMs: 0,
    overdue: true,
    stopped: false,
  });
  assert.equal(timeLeftAt(d, { at: new Date('2026-12-14T10:00:00Z') }).remainingMs, -1 * HOUR);
});

test('a shorter Friday is honoured', () => {
  const d: Deadline = {
    ...deadline('2026-12-11T14:00:00Z', amber),
    officeHours: [
      { days: ['mon', 'tue', 'wed', 'thu'], opens: '09:00', closes: '17:00' },
      { days: ['fri'], opens: '09:00', closes: '16:30' },
    ],
  };
  assert.equal(iso(dueAt(d)), '2026-12-14T12:30:00.000Z');
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

test('bad input is refused naming the field', () => {
  assert.deepEqual(
    fieldsOf(() => dueAt(deadline('not a date', red))),
    ['start'],
  );
  assert.deepEqual(
    fieldsOf(() => dueAt(deadline('2026-12-07T09:00:00Z', { minutes: 0, clock: 'office_hours' }))),
    ['timescale.minutes'],
  );
  const backwards = [{ from: new Date('2026-12-07T12:00:00Z'), to: new Date('2026-12-07T11:00:00Z') }];
  assert.deepEqual(
    fieldsOf(() => dueAt(deadline('2026-12-07T09:00:00Z', amber, backwards))),
    ['stops.0.to'],
  );
  assert.deepEqual(
    fieldsOf(() => escalationAt(deadline('2026-12-07T09:00:00Z', amber), { share: 0 })),
    ['share'],
  );
  assert.deepEqual(
    fieldsOf(() => escalationAt(deadline('2026-12-07T09:00:00Z', amber), { share: 1.5 })),
    ['share'],
  );
  const closesEarly: Deadline = {
    ...deadline('2026-12-07T09:00:00Z', amber),
    officeHours: [{ days: ['mon'], opens: '17:00', closes: '09:00' }],
  };
  assert.deepEqual(
    fieldsOf(() => dueAt(closesEarly)),
    ['officeHours.0.closes'],
  );
  assert.deepEqual(
    fieldsOf(() => dueAt(deadline('2099-12-31T12:00:00Z', green))),
    ['holidays'],
  );
});
