import assert from 'node:assert/strict';
import { test } from 'node:test';
import Holidays from 'date-holidays';
import { DomainError } from '../shared/errors.ts';
import { englandAndWalesBankHolidays, holidayCalendarOf, isHoliday } from './bank-holidays.ts';
import { isoWeekday } from './london-time.ts';

/**
 * England and Wales bank holidays as GOV.UK publishes them (www.gov.uk/bank-holidays), year by
 * year. Raising the pinned date-holidays version must keep these; a year announced with a new
 * one-off day is added here when the version that knows it is pinned.
 */
const published: Record<number, string[]> = {
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  // The early May bank holiday moved to Friday 8 May for the 75th anniversary of VE Day.
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  // Platinum Jubilee (spring bank holiday moved to 2 June, 3 June added); the Queen's funeral.
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  // The coronation of King Charles III.
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
};

test('the England and Wales bank holidays are the ones GOV.UK publishes, 2019 to 2028', () => {
  const calendar = englandAndWalesBankHolidays();
  for (const [year, days] of Object.entries(published))
    assert.deepEqual(
      [...calendar.datesIn(Number(year))].sort(),
      days.map((d) => `${year}-${d}`),
      year,
    );
});

test('a holiday at a weekend is replaced by its substitute weekday (Christmas 2027)', () => {
  const calendar = englandAndWalesBankHolidays();
  assert.equal(isHoliday(calendar, '2027-12-25'), false, 'Saturday: a weekend, not a bank holiday');
  assert.equal(isHoliday(calendar, '2027-12-27'), true, 'Monday: Christmas Day (substitute day)');
  assert.equal(isHoliday(calendar, '2027-12-28'), true, 'Tuesday: Boxing Day (substitute day)');
  assert.equal(isHoliday(calendar, '2027-12-29'), false);
});

test('every year the calendar covers has eight or more weekday bank holidays, the same in Wales', () => {
  const calendar = englandAndWalesBankHolidays();
  const wales = new Holidays('GB', 'WLS', { types: ['public', 'bank'] });
  for (let year = calendar.firstYear; year <= calendar.lastYear; year++) {
    const dates = calendar.datesIn(year);
    assert.ok(dates.size >= 8, `${year} has ${dates.size}`);
    const welsh = wales
      .getHolidays(year)
      .filter((h) => h.type === 'public' || h.type === 'bank')
      .map((h) => h.date.slice(0, 10))
      .filter((d) => isoWeekday(d) <= 5);
    assert.deepEqual(new Set(welsh), dates, `${year}: Wales and England differ`);
  }
});

test('a date outside the years held is refused, naming the holidays, rather than guessed', () => {
  const calendar = englandAndWalesBankHolidays();
  for (const date of ['1999-12-31', '2100-01-01'])
    assert.throws(
      () => isHoliday(calendar, date),
      (e: unknown) => e instanceof DomainError && e.fields?.[0]?.field === 'holidays',
    );
  const short = holidayCalendarOf({ name: 'Test holidays', firstYear: 2026, lastYear: 2026, dates: [] });
  assert.equal(isHoliday(short, '2026-06-01'), false);
  assert.throws(() => isHoliday(short, '2027-01-01'), /held for 2026 to 2026 only/);
});

test('a calendar from a list keeps only weekday dates', () => {
  const calendar = holidayCalendarOf({
    name: 'Northshire closure days',
    firstYear: 2026,
    lastYear: 2027,
    dates: ['2026-12-24', '2026-12-26', '2027-01-01'],
  });
  assert.deepEqual([...calendar.datesIn(2026)], ['2026-12-24']);
  assert.deepEqual([...calendar.datesIn(2027)], ['2027-01-01']);
});
