/**
 * Agreements run from and to calendar dates in the UK. "Today" is the date in Europe/London, so
 * an agreement ending on 31 March is in force until midnight UK time, whatever the server's zone.
 */
const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar date (YYYY-MM-DD) in the UK at this instant. Formatting with Intl costs tens of
 * microseconds and the single view asks several times a request, so the last answer is kept
 * per UTC hour: London is always a whole number of hours from UTC and changes offset on the
 * hour, so every instant of one UTC hour falls on the same London date.
 */
export function londonDate(at: Date): string {
  const hour = Math.floor(at.getTime() / 3_600_000);
  if (hour !== lastHour || lastDate === undefined) {
    lastDate = londonDateFormat.format(at);
    lastHour = hour;
  }
  return lastDate;
}
let lastHour = Number.NaN;
let lastDate: string | undefined;

/** The instant a UK calendar date begins (00:00 in London, GMT or BST). */
export function startOfLondonDay(isoDate: string): Date {
  const match = isoDatePattern.exec(isoDate);
  if (!match) throw new Error(`not a calendar date: ${isoDate}`);
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // London is UTC or UTC+1; midnight London is whichever candidate formats back to the same date.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    if (londonDate(candidate) === isoDate && londonDate(new Date(candidate.getTime() - 1)) !== isoDate)
      return candidate;
  }
  return new Date(utcMidnight);
}

export function addDays(isoDate: string, days: number): string {
  const match = isoDatePattern.exec(isoDate);
  if (!match) throw new Error(`not a calendar date: ${isoDate}`);
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return d.toISOString().slice(0, 10);
}

export function addMonths(isoDate: string, months: number): string {
  const match = isoDatePattern.exec(isoDate);
  if (!match) throw new Error(`not a calendar date: ${isoDate}`);
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + months, Number(match[3])));
  return d.toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** "2 November 2026", as GOV.UK writes dates. */
export function formatLongDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
