import { z } from 'zod';
import { isCalendarDate } from '../agreements/calendar-dates.ts';
import { DomainError, invalid } from '../shared/errors.ts';
import { englandAndWalesBankHolidays, isHoliday, type HolidayCalendar } from './bank-holidays.ts';
import { isoWeekday, londonWallTime, minutesOfClockTime, nextDate, londonDateOf } from './london-time.ts';

/**
 * School days, for Operation Encompass: the police notify a child's school of a domestic abuse
 * incident the child was involved in "before the start of the next school day" (Victims and
 * Prisoners Act 2024 Operation Encompass duty; Home Office statutory guidance, November 2025;
 * DOMAIN.md section 1). A school day is a day inside the term dates of the school (or of the
 * council, for schools that follow its pattern), less weekends, bank holidays and the school's own
 * closure days (INSET days). Term dates are a typed input here; a table of them comes later.
 */
const calendarDate = z.string().refine(isCalendarDate, 'Give a date as YYYY-MM-DD, such as 2026-09-03');

export const termDatesSchema = z.strictObject({
  /** Whose dates these are: "Riverside Primary" or "Northshire Council (community schools)". */
  name: z.string().min(1, 'Say whose term dates these are'),
  /** Each term or half term, first and last day inclusive. */
  terms: z
    .array(
      z.strictObject({ from: calendarDate, to: calendarDate }).refine((t) => t.to >= t.from, {
        path: ['to'],
        message: 'A term must end on or after its first day',
      }),
    )
    .min(1, 'Give at least one term'),
  /** Days inside a term the school is shut: INSET days, a polling day. */
  closures: z.array(calendarDate).default([]),
});

export type TermDates = z.input<typeof termDatesSchema>;

function parseTermDates(termDates: TermDates): z.output<typeof termDatesSchema> {
  const parsed = termDatesSchema.safeParse(termDates);
  if (!parsed.success)
    throw new DomainError('validation_failed', 'Check the term dates', {
      fields: parsed.error.issues.map((issue) => ({
        field: ['termDates', ...issue.path.map(String)].join('.'),
        problem: issue.message,
      })),
    });
  return parsed.data;
}

export function isSchoolDay(
  isoDate: string,
  termDates: TermDates,
  holidays: HolidayCalendar = englandAndWalesBankHolidays(),
): boolean {
  const dates = parseTermDates(termDates);
  return schoolDay(isoDate, dates, holidays);
}

function schoolDay(
  isoDate: string,
  dates: z.output<typeof termDatesSchema>,
  holidays: HolidayCalendar,
): boolean {
  return (
    isoWeekday(isoDate) <= 5 &&
    dates.terms.some((t) => t.from <= isoDate && isoDate <= t.to) &&
    !dates.closures.includes(isoDate) &&
    !isHoliday(holidays, isoDate)
  );
}

/**
 * The start of the first school day that has not yet begun at `instant`: the same morning for
 * an incident at 07:00 on a school day, the next school day's morning for one at 09:30 (that
 * day has started). `schoolDayStartTime` is the wall-clock time in London, such as "08:45".
 * Refused, naming the term dates, when they end before a school day is found.
 */
export function nextSchoolDayStart(
  instant: Date,
  termDates: TermDates,
  schoolDayStartTime: string,
  holidays: HolidayCalendar = englandAndWalesBankHolidays(),
): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw invalid('instant', 'Give the instant of the incident');
  if (!/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(schoolDayStartTime))
    throw invalid('schoolDayStartTime', 'Give a time as HH:MM on the 24-hour clock, such as 08:45');
  const dates = parseTermDates(termDates);
  const startMinutes = minutesOfClockTime(schoolDayStartTime);
  const lastDay = dates.terms.reduce((last, t) => (t.to > last ? t.to : last), dates.terms[0]!.to);
  for (let date = londonDateOf(instant.getTime()); date <= lastDay; date = nextDate(date)) {
    const starts = londonWallTime(date, startMinutes);
    if (starts > instant.getTime() && schoolDay(date, dates, holidays)) return new Date(starts);
  }
  throw invalid(
    'termDates',
    `The term dates of ${dates.name} end before the next school day; add the next term`,
  );
}
