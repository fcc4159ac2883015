/**
 * Wall-clock time in Europe/London, computed from the rule rather than from the host's zone data,
 * so the deadline clocks are pure and fast enough to run inside property tests. The rule is the
 * Summer Time Act 1972 s1 as amended by the Summer Time Order 2002 (SI 2002/262): British Summer
 * Time (UTC+1) begins at 01:00 GMT on the last Sunday in March and ends at 01:00 GMT on the last
 * Sunday in October; the rest of the year is GMT (UTC+0). london-time.test.ts checks it against
 * the IANA zone data hour by hour.
 */
const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * HOUR_MS;

const summerTimeByYear = new Map<number, readonly [number, number]>();

/** The UTC instant of 01:00 GMT on the last Sunday of a month (0-based month index). */
function lastSundayOneAm(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, lastSunday, 1);
}

function summerTime(year: number): readonly [number, number] {
  let span = summerTimeByYear.get(year);
  if (!span) {
    span = [lastSundayOneAm(year, 2), lastSundayOneAm(year, 9)];
    summerTimeByYear.set(year, span);
  }
  return span;
}

/** Minutes London is ahead of UTC at this instant: 60 in British Summer Time, else 0. */
export function londonOffsetMinutes(ms: number): number {
  const [begins, ends] = summerTime(new Date(ms).getUTCFullYear());
  return ms >= begins && ms < ends ? 60 : 0;
}

/** The calendar date (YYYY-MM-DD) in London at this instant. */
export function londonDateOf(ms: number): string {
  return new Date(ms + londonOffsetMinutes(ms) * MINUTE_MS).toISOString().slice(0, 10);
}

/** Minutes since London midnight of its own date at this instant (wall clock, 0 to 1439). */
export function londonMinuteOfDay(ms: number): number {
  const wall = ms + londonOffsetMinutes(ms) * MINUTE_MS;
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/**
 * The instant London's wall clock shows `minutes` past midnight on `isoDate` (1440 = the next
 * midnight). In the spring gap (01:00 to 02:00 does not exist) the time is read as GMT, so
 * 01:30 becomes 02:30 BST; in the autumn overlap (01:00 to 02:00 happens twice) the earlier,
 * BST, instant is taken. Both are the "compatible" choice of ECMAScript Temporal.
 */
export function londonWallTime(isoDate: string, minutes: number): number {
  const asIfGmt = Date.parse(`${isoDate}T00:00:00Z`) + minutes * MINUTE_MS;
  const asIfBst = asIfGmt - HOUR_MS;
  return londonOffsetMinutes(asIfBst) === 60 ? asIfBst : asIfGmt;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay() || 7;
}

export function nextDate(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** "09:00" → 540; "24:00" → 1440. The caller has already checked the form. */
export function minutesOfClockTime(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
