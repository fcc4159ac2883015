import Holidays from 'date-holidays';
import { DomainError } from '../shared/errors.ts';
import { isoWeekday } from './london-time.ts';

/**
 * The days an office-hours clock does not run beyond weekends. A calendar covers a stated span of
 * years and refuses any date outside it rather than guess (a deadline that silently ignored a
 * bank holiday would be a day early).
 */
export interface HolidayCalendar {
  readonly name: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** The holidays of one covered year, as YYYY-MM-DD dates that fall Monday to Friday. */
  datesIn(year: number): ReadonlySet<string>;
}

export function isHoliday(calendar: HolidayCalendar, isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  if (year < calendar.firstYear || year > calendar.lastYear)
    throw new DomainError(
      'validation_failed',
      `${calendar.name} are held for ${calendar.firstYear} to ${calendar.lastYear} only`,
      {
        fields: [
          {
            field: 'holidays',
            problem: `${isoDate} is outside the years ${calendar.name} are held for (${calendar.firstYear} to ${calendar.lastYear})`,
          },
        ],
      },
    );
  return calendar.datesIn(year).has(isoDate);
}

/** A calendar from a list of dates (a partnership's own closure days, or a test's). */
export function holidayCalendarOf(options: {
  name: string;
  firstYear: number;
  lastYear: number;
  dates: readonly string[];
}): HolidayCalendar {
  const byYear = new Map<number, Set<string>>();
  for (const date of options.dates) {
    const year = Number(date.slice(0, 4));
    if (isoWeekday(date) > 5) continue;
    let set = byYear.get(year);
    if (!set) byYear.set(year, (set = new Set()));
    set.add(date);
  }
  const empty: ReadonlySet<string> = new Set();
  return {
    name: options.name,
    firstYear: options.firstYear,
    lastYear: options.lastYear,
    datesIn: (year) => byYear.get(year) ?? empty,
  };
}

/**
 * England and Wales bank holidays, from the date-holidays library (pinned in package.json; its
 * GB data follows the Banking and Financial Dealings Act 1971 Sched 1 and the royal
 * proclamations that move or add a day, such as 8 May 2020, 19 September 2022 and 8 May 2023).
 * England and Wales share one list (GOV.UK publishes them as one division); Scotland and
 * Northern Ireland differ and are not used.
 *
 * Only the days the banks close are kept: a holiday falling at a weekend is replaced by its
 * substitute Monday or Tuesday (Christmas Day on a Saturday moves to Monday 27 December and
 * Boxing Day to Tuesday 28 December), as GOV.UK lists them.
 *
 * The library computes the regular days from rules for any year, so the span below is a choice:
 * a one-off day announced later (a coronation, a jubilee) reaches Tessera only when the pinned
 * version is raised, which is why bank-holidays.test.ts checks the published dates year by year.
 */
export const ENGLAND_AND_WALES_FIRST_YEAR = 2000;
export const ENGLAND_AND_WALES_LAST_YEAR = 2099;

let englandAndWales: HolidayCalendar | undefined;

export function englandAndWalesBankHolidays(): HolidayCalendar {
  if (englandAndWales) return englandAndWales;
  // The library's worldwide rules load with this module (a few hundred milliseconds, once per
  // process); each year's list is computed on first use and kept.
  const source = new Holidays('GB', 'ENG', { types: ['public', 'bank'] });
  const byYear = new Map<number, ReadonlySet<string>>();
  englandAndWales = {
    name: 'England and Wales bank holidays',
    firstYear: ENGLAND_AND_WALES_FIRST_YEAR,
    lastYear: ENGLAND_AND_WALES_LAST_YEAR,
    datesIn(year) {
      let dates = byYear.get(year);
      if (!dates) {
        dates = new Set(
          source
            .getHolidays(year)
            .filter((h) => h.type === 'public' || h.type === 'bank')
            .map((h) => h.date.slice(0, 10))
            .filter((date) => isoWeekday(date) <= 5),
        );
        byYear.set(year, dates);
      }
      return dates;
    },
  };
  return englandAndWales;
}
