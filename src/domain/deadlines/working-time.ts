import { DomainError } from '../shared/errors.ts';
import { isHoliday, type HolidayCalendar } from './bank-holidays.ts';
import { isoWeekday, londonDateOf, londonWallTime, nextDate } from './london-time.ts';
import type { WeeklyHours } from './office-hours.ts';

/**
 * The one measure of time every deadline clock uses (DESIGN.md rule 6). Time counts inside
 * windows (always, for a clock that runs around the clock; the office's open hours on a day that
 * is neither closed nor a bank holiday, for an office-hours clock) and never inside a stop (the
 * clock stopped while awaiting clarification). Instants are epoch milliseconds, so a window that
 * spans a change of the clocks counts the real time that passed: a two-hour around-the-clock
 * clock is two real hours, and an office's 09:00 to 17:00 is eight.
 */
export type ClockKind = 'around_the_clock' | 'office_hours';

export interface CountingRules {
  readonly clock: ClockKind;
  readonly week: WeeklyHours;
  readonly holidays: HolidayCalendar;
  /** Sorted, merged, non-empty; `to` is Infinity while the clock is still stopped. */
  readonly stops: readonly Span[];
}

export interface Span {
  readonly from: number;
  readonly to: number;
}

// No office is shut for a year: past this many closed days in a row the hours are wrong.
const MOST_CLOSED_DAYS_IN_A_ROW = 366;

function* windows(rules: CountingRules, fromMs: number): Generator<Span> {
  if (rules.clock === 'around_the_clock') {
    yield { from: fromMs, to: Infinity };
    return;
  }
  let date = londonDateOf(fromMs);
  for (let closedDays = 0; closedDays < MOST_CLOSED_DAYS_IN_A_ROW; date = nextDate(date)) {
    const open = rules.week[isoWeekday(date) - 1];
    if (!open || isHoliday(rules.holidays, date)) {
      closedDays++;
      continue;
    }
    closedDays = 0;
    const closes = londonWallTime(date, open.closes);
    if (closes > fromMs) yield { from: Math.max(fromMs, londonWallTime(date, open.opens)), to: closes };
  }
  throw new DomainError('validation_failed', 'Check the office hours', {
    fields: [{ field: 'officeHours', problem: 'The office is never open, so the clock cannot run' }],
  });
}

/** The spans from `fromMs` on in which the clock runs, in order; ends if a stop never ends. */
export function* countedSpans(rules: CountingRules, fromMs: number): Generator<Span> {
  let next = 0;
  for (const window of windows(rules, fromMs)) {
    let from = window.from;
    while (from < window.to) {
      while (next < rules.stops.length && rules.stops[next]!.to <= from) next++;
      const stop = rules.stops[next];
      if (!stop || stop.from >= window.to) {
        yield { from, to: window.to };
        break;
      }
      if (stop.from > from) yield { from, to: stop.from };
      if (stop.to === Infinity) return;
      from = stop.to;
    }
  }
}

/**
 * The earliest instant by which `amountMs` of counted time has passed since `fromMs`: it lands
 * on the close of a window rather than the next opening, so eight office hours from 09:00 on a
 * Monday are due at 17:00 that Monday. Null while the clock is stopped with no end.
 */
export function advance(rules: CountingRules, fromMs: number, amountMs: number): number | null {
  if (amountMs <= 0) return fromMs;
  let left = amountMs;
  for (const span of countedSpans(rules, fromMs)) {
    if (left <= span.to - span.from) return span.from + left;
    left -= span.to - span.from;
  }
  return null;
}

/** Counted time between two instants (0 when `toMs` is not after `fromMs`). */
export function countedTime(rules: CountingRules, fromMs: number, toMs: number): number {
  let total = 0;
  if (toMs <= fromMs) return 0;
  for (const span of countedSpans(rules, fromMs)) {
    if (span.from >= toMs) break;
    total += Math.min(span.to, toMs) - span.from;
  }
  return total;
}
