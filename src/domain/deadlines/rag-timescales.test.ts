import assert from 'node:assert/strict';
import { test } from 'node:test';
import { northshireTimescales } from '../demo/northshire-timescales.ts';
import { DomainError } from '../shared/errors.ts';
import { englandAndWalesBankHolidays } from './bank-holidays.ts';
import { dueAt, escalationAt } from './deadline.ts';
import { parseRagTimescales, ragDeadline, timescaleFor } from './rag-timescales.ts';

const holidays = englandAndWalesBankHolidays();
const northshire = parseRagTimescales(northshireTimescales);

test("Northshire's timescales: red 2 hours around the clock, amber 6 and green 24 office hours", () => {
  assert.deepEqual(timescaleFor(northshire, 'red'), { minutes: 120, clock: 'around_the_clock' });
  assert.deepEqual(timescaleFor(northshire, 'amber'), { minutes: 360, clock: 'office_hours' });
  assert.deepEqual(timescaleFor(northshire, 'green'), { minutes: 1440, clock: 'office_hours' });
  assert.equal(northshire.escalateAtShare, 0.75);
});

test('a red contact at 22:00 on a Friday is due at midnight; a green one on Monday at 17:00', () => {
  const start = new Date('2026-12-11T22:00:00Z');
  assert.equal(
    dueAt(ragDeadline(northshire, { rag: 'red', start, holidays }))?.toISOString(),
    '2026-12-12T00:00:00.000Z',
  );
  const green = ragDeadline(northshire, { rag: 'green', start, holidays });
  assert.equal(dueAt(green)?.toISOString(), '2026-12-16T17:00:00.000Z');
  assert.equal(
    escalationAt(green, { share: northshire.escalateAtShare })?.toISOString(),
    '2026-12-16T11:00:00.000Z',
  );
});

test('the escalation share defaults to three quarters of the time', () => {
  const { escalateAtShare: _omitted, ...rest } = northshireTimescales;
  assert.equal(parseRagTimescales(rest).escalateAtShare, 0.75);
});

function fieldsOf(input: unknown): string[] {
  try {
    parseRagTimescales(input);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation_failed')
      return (e.fields ?? []).map((f) => f.field);
    throw e;
  }
  assert.fail('expected a validation error');
}

const withRag = (rag: object) => ({ ...northshireTimescales, rag: { ...northshireTimescales.rag, ...rag } });

test('a zero or negative duration, or one not in whole minutes, is refused naming the rating', () => {
  assert.deepEqual(fieldsOf(withRag({ red: { hours: 0, clock: 'around_the_clock' } })), ['rag.red.hours']);
  assert.deepEqual(fieldsOf(withRag({ amber: { hours: -6, clock: 'office_hours' } })), ['rag.amber.hours']);
  assert.deepEqual(fieldsOf(withRag({ green: { hours: 0.001, clock: 'office_hours' } })), [
    'rag.green.hours',
  ]);
  assert.deepEqual(fieldsOf(withRag({ green: { hours: 24, clock: 'working_days' } })), ['rag.green.clock']);
});

test('an unknown RAG rating, or a missing one, is refused naming it', () => {
  assert.deepEqual(fieldsOf(withRag({ purple: { hours: 1, clock: 'office_hours' } })), ['rag.purple']);
  const { green: _green, ...noGreen } = northshireTimescales.rag;
  assert.deepEqual(fieldsOf({ ...northshireTimescales, rag: noGreen }), ['rag.green']);
});

test('office hours that close before they open, or inside the clock-change hour, are refused naming the field', () => {
  assert.deepEqual(
    fieldsOf({ ...northshireTimescales, officeHours: [{ days: ['mon'], opens: '17:00', closes: '09:00' }] }),
    ['officeHours.0.closes'],
  );
  assert.deepEqual(
    fieldsOf({ ...northshireTimescales, officeHours: [{ days: ['sat'], opens: '01:30', closes: '09:00' }] }),
    ['officeHours.0.opens'],
  );
  assert.deepEqual(
    fieldsOf({
      ...northshireTimescales,
      officeHours: [
        { days: ['mon', 'fri'], opens: '09:00', closes: '17:00' },
        { days: ['fri'], opens: '09:00', closes: '16:30' },
      ],
    }),
    ['officeHours.1.days'],
  );
  assert.deepEqual(fieldsOf({ ...northshireTimescales, officeHours: [] }), ['officeHours']);
});

test('an escalation share of all the time or none is refused', () => {
  assert.deepEqual(fieldsOf({ ...northshireTimescales, escalateAtShare: 1 }), ['escalateAtShare']);
  assert.deepEqual(fieldsOf({ ...northshireTimescales, escalateAtShare: 0 }), ['escalateAtShare']);
});
