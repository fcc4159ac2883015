import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englandAndWalesBankHolidays } from '../deadlines/bank-holidays.ts';
import { parseRagTimescales } from '../deadlines/rag-timescales.ts';
import { northshireTimescales } from '../demo/northshire-timescales.ts';
import { DomainError } from '../shared/errors.ts';
import {
  partnerCheckTimes,
  restartAfterClarification,
  startPartnerCheck,
  stopForClarification,
} from './partner-check-clock.ts';

const settings = {
  timescales: parseRagTimescales(northshireTimescales),
  rag: 'amber' as const,
  holidays: englandAndWalesBankHolidays(),
};
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

test('an amber check asked at 09:00 on Monday is due at 15:00 and escalates at 13:30', () => {
  const check = startPartnerCheck(at('2026-12-07T09:00:00Z'));
  const times = partnerCheckTimes(check, settings, { at: at('2026-12-07T12:00:00Z') });
  assert.equal(times.dueAt?.toISOString(), '2026-12-07T15:00:00.000Z');
  assert.equal(times.escalateAt?.toISOString(), '2026-12-07T13:30:00.000Z');
  assert.equal(times.timeLeft.remainingMs, 3 * HOUR);
});

test('awaiting clarification stops the clock; the answer starts it again with the time that was left', () => {
  let check = startPartnerCheck(at('2026-12-07T09:00:00Z'));
  check = stopForClarification(check, at('2026-12-07T10:00:00Z'));
  assert.equal(check.status, 'awaiting_clarification');
  const stopped = partnerCheckTimes(check, settings, { at: at('2026-12-08T10:00:00Z') });
  assert.equal(stopped.dueAt, null);
  assert.deepEqual(stopped.timeLeft, { remainingMs: 5 * HOUR, overdue: false, stopped: true });
  check = restartAfterClarification(check, at('2026-12-08T10:00:00Z'));
  assert.equal(check.status, 'open');
  assert.equal(
    partnerCheckTimes(check, settings, { at: at('2026-12-08T10:00:00Z') }).dueAt?.toISOString(),
    '2026-12-08T15:00:00.000Z',
  );
});

test('the clock cannot be stopped twice, restarted when running, or stopped before it started', () => {
  const check = startPartnerCheck(at('2026-12-07T09:00:00Z'));
  assert.throws(
    () => restartAfterClarification(check, at('2026-12-07T10:00:00Z')),
    (e: unknown) => e instanceof DomainError && e.code === 'conflict',
  );
  const stopped = stopForClarification(check, at('2026-12-07T10:00:00Z'));
  assert.throws(
    () => stopForClarification(stopped, at('2026-12-07T11:00:00Z')),
    (e: unknown) => e instanceof DomainError && e.code === 'conflict',
  );
  assert.throws(
    () => stopForClarification(check, at('2026-12-07T08:00:00Z')),
    (e: unknown) => e instanceof DomainError && e.fields?.[0]?.field === 'at',
  );
  assert.throws(
    () => restartAfterClarification(stopped, at('2026-12-07T09:30:00Z')),
    (e: unknown) => e instanceof DomainError && e.fields?.[0]?.field === 'at',
  );
});
