import type { HolidayCalendar } from '../deadlines/bank-holidays.ts';
import { dueAt, escalationAt, timeLeftAt, type StopInterval, type TimeLeft } from '../deadlines/deadline.ts';
import { ragDeadline, type RagRating, type RagTimescales } from '../deadlines/rag-timescales.ts';
import { DomainError, invalid } from '../shared/errors.ts';

/**
 * The clock of one partner check: each agency asked in a request answers on its own clock
 * (issue 16 point 4), started when it is asked and stopped while the responder awaits
 * clarification from the requester (the clock stands still; DOMAIN.md section 1 on "stop the
 * clock"). Pure: instants are passed in; the deadline module does the counting.
 */
export const partnerCheckStatuses = ['open', 'awaiting_clarification', 'answered', 'withdrawn'] as const;
export type PartnerCheckStatus = (typeof partnerCheckStatuses)[number];

export interface PartnerCheckClock {
  readonly status: PartnerCheckStatus;
  readonly startedAt: Date;
  readonly stops: readonly StopInterval[];
}

export interface ClockSettings {
  readonly timescales: RagTimescales;
  readonly rag: RagRating;
  readonly holidays: HolidayCalendar;
}

export interface PartnerCheckTimes {
  /** Null while the clock is stopped awaiting clarification. */
  readonly dueAt: Date | null;
  /** When the responder's manager is told (the partnership's share of the time). */
  readonly escalateAt: Date | null;
  readonly timeLeft: TimeLeft;
}

export function startPartnerCheck(at: Date): PartnerCheckClock {
  return { status: 'open', startedAt: at, stops: [] };
}

export function stopForClarification(check: PartnerCheckClock, at: Date): PartnerCheckClock {
  if (check.status !== 'open')
    throw new DomainError(
      'conflict',
      `The clock can be stopped only while the check is open; it is ${words(check.status)}`,
    );
  const last = check.stops[check.stops.length - 1];
  const earliest = last?.to ?? check.startedAt;
  if (at.getTime() < earliest.getTime())
    throw invalid('at', 'The clock cannot stop before it started or last started again');
  return { ...check, status: 'awaiting_clarification', stops: [...check.stops, { from: at }] };
}

export function restartAfterClarification(check: PartnerCheckClock, at: Date): PartnerCheckClock {
  const last = check.stops[check.stops.length - 1];
  if (check.status !== 'awaiting_clarification' || !last || last.to !== undefined)
    throw new DomainError('conflict', 'The clock is not stopped awaiting clarification');
  if (at.getTime() <= last.from.getTime()) throw invalid('at', 'The clock must start again after it stopped');
  return { ...check, status: 'open', stops: [...check.stops.slice(0, -1), { from: last.from, to: at }] };
}

/** When the check falls due and escalates, and the time left at `at`, in the clock's measure. */
export function partnerCheckTimes(
  check: PartnerCheckClock,
  settings: ClockSettings,
  options: { at: Date },
): PartnerCheckTimes {
  const deadline = ragDeadline(settings.timescales, {
    rag: settings.rag,
    start: check.startedAt,
    holidays: settings.holidays,
    stops: check.stops,
  });
  return {
    dueAt: dueAt(deadline),
    escalateAt: escalationAt(deadline, { share: settings.timescales.escalateAtShare }),
    timeLeft: timeLeftAt(deadline, { at: options.at }),
  };
}

const words = (status: PartnerCheckStatus) => status.replace('_', ' ');
