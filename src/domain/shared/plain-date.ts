/**
 * Calendar dates as people in England write them in a chronology ("16 Aug 2026"), never ISO
 * (GOV.UK style: dates in words; the short month keeps a table column narrow). Pure, with no
 * time zone: an agency's event date is a calendar day, not an instant.
 */
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-08-16" → "16 Aug 2026"; anything that is not a real ISO calendar date comes back as given. */
export function plainDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return iso;
  return `${day} ${months[month - 1]} ${year}`;
}

/** Whether a value is an ISO calendar date ("2026-08-16"), the form feeds store dates in. */
export const isIsoDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && plainDate(value) !== value;
