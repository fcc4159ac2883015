// Dates and times as people in England read them, whatever the browser's time zone.
const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h12',
});
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, timeZoneName: 'longOffset' });

/** "5 March 2026" */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "5 March 2026 at 2:05pm", or "at 2:05:09pm" with seconds (for the audit log). */
export function formatDateTime(iso: string, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const seconds = options.seconds ? `:${parts.second}` : '';
  const period = (parts.dayPeriod ?? '').toLowerCase().replace(/\./g, '').replace(/\s/g, '');
  return `${dateFormat.format(date)} at ${parts.hour}:${parts.minute}${seconds}${period}`;
}

/** Minutes that Europe/London is ahead of UTC at the given instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(utcMs: number): number {
  const name =
    offsetFormat.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant a London calendar day ("2026-03-05") starts, or the last millisecond of it, as an
 * ISO 8601 string. Returns null for anything that is not a real date.
 */
export function londonDayBoundary(day: string, edge: 'start' | 'end'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnightUtc = Date.UTC(year, month - 1, edge === 'start' ? date : date + 1);
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  const instant = midnightUtc - londonOffsetMinutes(midnightUtc) * 60_000;
  return new Date(edge === 'start' ? instant : instant - 1).toISOString();
}

/** "data_protection_officer" → "Data protection officer", for codes without a label. */
export function humanise(code: string): string {
  const text = code.replace(/[._]/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
