import { DomainError, type FieldProblem } from '../shared/errors.ts';
import type { HolidayCalendar } from './bank-holidays.ts';
import { MINUTE_MS } from './london-time.ts';
import { compileOfficeHours, type OfficeHours } from './office-hours.ts';
import { advance, countedTime, type ClockKind, type CountingRules, type Span } from './working-time.ts';

/**
 * One deadline clock: a request's RAG clock, a partner check's, a subject access month's working
 * part. Pure (DESIGN.md rule 6): every instant is passed in, never read from the system clock,
 * so one decision never mixes two clocks.
 */
export interface Timescale {
  /** How much counted time the clock allows, in whole minutes. */
  readonly minutes: number;
  /** A red clock usually runs around the clock (Luton: red cases completed even outside working
   * hours); amber and green usually count office hours (DOMAIN.md section 6). */
  readonly clock: ClockKind;
}

/** A time the clock stood still, such as awaiting clarification from the requester; `to` is
 * absent while the clock is still stopped. */
export interface StopInterval {
  readonly from: Date;
  readonly to?: Date | undefined;
}

export interface Deadline {
  readonly start: Date;
  readonly timescale: Timescale;
  readonly officeHours: OfficeHours;
  readonly holidays: HolidayCalendar;
  readonly stops?: readonly StopInterval[] | undefined;
}

export interface TimeLeft {
  /** Counted time still allowed; negative by the counted time since the clock ran out. */
  readonly remainingMs: number;
  /** The due instant has passed (true through a weekend after a Friday deadline, when
   * remainingMs stays at 0 because no office time passes). */
  readonly overdue: boolean;
  /** The clock is stopped at this instant. */
  readonly stopped: boolean;
}

interface Compiled {
  readonly rules: CountingRules;
  readonly startMs: number;
  readonly durationMs: number;
}

const isInstant = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

function refuse(problems: readonly FieldProblem[]): never {
  throw new DomainError('validation_failed', 'The deadline cannot be computed from what was given', {
    fields: problems,
  });
}

function compile(deadline: Deadline): Compiled {
  const problems: FieldProblem[] = [];
  if (!isInstant(deadline.start))
    problems.push({ field: 'start', problem: 'Give the instant the clock started' });
  const minutes = deadline.timescale.minutes;
  if (!Number.isInteger(minutes) || minutes <= 0)
    problems.push({
      field: 'timescale.minutes',
      problem: 'A timescale must be a whole number of minutes above 0',
    });
  if (deadline.timescale.clock !== 'around_the_clock' && deadline.timescale.clock !== 'office_hours')
    problems.push({
      field: 'timescale.clock',
      problem: 'The clock runs around the clock or in office hours',
    });
  const spans: Span[] = [];
  (deadline.stops ?? []).forEach((stop, index) => {
    if (!isInstant(stop.from))
      problems.push({ field: `stops.${index}.from`, problem: 'Give when the clock stopped' });
    else if (stop.to !== undefined && !isInstant(stop.to))
      problems.push({ field: `stops.${index}.to`, problem: 'Give when the clock started again' });
    else if (stop.to !== undefined && stop.to.getTime() <= stop.from.getTime())
      problems.push({ field: `stops.${index}.to`, problem: 'The clock must start again after it stopped' });
    else spans.push({ from: stop.from.getTime(), to: stop.to?.getTime() ?? Infinity });
  });
  if (problems.length > 0) refuse(problems);
  const week = compileOfficeHours(deadline.officeHours);
  return {
    rules: { clock: deadline.timescale.clock, week, holidays: deadline.holidays, stops: mergeSpans(spans) },
    startMs: deadline.start.getTime(),
    durationMs: minutes * MINUTE_MS,
  };
}

/** Overlapping or touching stops count once. */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, span.to) };
    else merged.push(span);
  }
  return merged;
}

/** When the clock runs out (the breach); null while it is stopped with no restart. */
export function dueAt(deadline: Deadline): Date | null {
  const c = compile(deadline);
  const due = advance(c.rules, c.startMs, c.durationMs);
  return due === null ? null : new Date(due);
}

/**
 * When a share of the time has passed, for escalation to the responder's manager (issue 16
 * point 4: at a set share of the time and at breach). `share` 1 is the breach itself.
 */
export function escalationAt(deadline: Deadline, options: { share: number }): Date | null {
  const { share } = options;
  if (!(share > 0 && share <= 1))
    refuse([
      { field: 'share', problem: 'An escalation falls due after more than none and at most all of the time' },
    ]);
  const c = compile(deadline);
  const at = advance(c.rules, c.startMs, Math.round(c.durationMs * share));
  return at === null ? null : new Date(at);
}

/** Time left at an instant, in the clock's own measure (office time for an office-hours clock). */
export function timeLeftAt(deadline: Deadline, options: { at: Date }): TimeLeft {
  if (!isInstant(options.at)) refuse([{ field: 'at', problem: 'Give the instant to measure at' }]);
  const c = compile(deadline);
  const atMs = options.at.getTime();
  const due = advance(c.rules, c.startMs, c.durationMs);
  return {
    remainingMs: c.durationMs - countedTime(c.rules, c.startMs, atMs),
    overdue: due !== null && atMs > due,
    stopped: c.rules.stops.some((s) => s.from <= atMs && atMs < s.to),
  };
}
