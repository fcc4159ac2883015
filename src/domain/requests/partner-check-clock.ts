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
export const partnerCheckStatuses = [
  'open',
  'awaiting_clarification',
  'awaiting_verification',
  'answered',
  'refused',
  'withdrawn',
] as const;
export type PartnerCheckStatus = (typeof partnerCheckStatuses)[number];

/**
 * Why a clock stands still: the responder asked the requester to clarify the request, or to
 * verify who they are before anything is shared (DOMAIN.md section 4: a caller claiming to be a
 * professional is verified first). Both stop the clock as a subject access request's does while
 * the controller waits for ID or clarification (DOMAIN.md section 1).
 */
export type StopReason = 'clarification' | 'verification';
const stoppedStatus = {
  clarification: 'awaiting_clarification',
  verification: 'awaiting_verification',
} as const satisfies Record<StopReason, PartnerCheckStatus>;

/** Answered, refused and withdrawn checks are closed: their clock no longer counts. */
export const closedStatuses: readonly PartnerCheckStatus[] = ['answered', 'refused', 'withdrawn'];
export const isClosed = (status: PartnerCheckStatus): boolean => closedStatuses.includes(status);
export const isStopped = (status: PartnerCheckStatus): boolean =>
  status === 'awaiting_clarification' || status === 'awaiting_verification';

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
  return stopClock(check, at, 'clarification');
}

export function stopClock(check: PartnerCheckClock, at: Date, reason: StopReason): PartnerCheckClock {
  if (check.status !== 'open')
    throw new DomainError(
      'conflict',
      `The clock can be stopped only while the check is open; it is ${words(check.status)}`,
    );
  const last = check.stops[check.stops.length - 1];
  const earliest = last?.to ?? check.startedAt;
  if (at.getTime() < earliest.getTime())
    throw invalid('at', 'The clock cannot stop before it started or last started again');
  return { ...check, status: stoppedStatus[reason], stops: [...check.stops, { from: at }] };
}

export function restartAfterClarification(check: PartnerCheckClock, at: Date): PartnerCheckClock {
  return restartClock(check, at, 'clarification');
}

export function restartClock(check: PartnerCheckClock, at: Date, reason: StopReason): PartnerCheckClock {
  const last = check.stops[check.stops.length - 1];
  if (check.status !== stoppedStatus[reason] || !last || last.to !== undefined)
    throw new DomainError('conflict', `The clock is not stopped awaiting ${reason}`);
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

/**
 * The times of a check whose request has its own deadline: nothing falls due after it, and the
 * manager is told no later than it. A stopped clock has no due instant even so: the responder
 * is waiting on the requester.
 */
export function withinRespondBy(times: PartnerCheckTimes, respondBy: Date | null): PartnerCheckTimes {
  if (!respondBy || times.dueAt === null || times.dueAt.getTime() <= respondBy.getTime()) return times;
  const escalateAt =
    times.escalateAt && times.escalateAt.getTime() < respondBy.getTime() ? times.escalateAt : respondBy;
  return { ...times, dueAt: respondBy, escalateAt };
}
