import { isPlaceholderNhsNumber, isValidNhsNumber } from '../people/linkage/nhs-number.ts';
import { normalisePostcode, postcodeParts } from '../people/linkage/normalise.ts';

/**
 * Checks on single values from agency feeds. Each returns the normalised value or the reason it
 * is refused, in words a data manager can act on (they appear in the ingest report with the line).
 */
export type Checked =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const ok = (value: string): Checked => ({ ok: true, value });
const refused = (reason: string): Checked => ({ ok: false, reason });

/**
 * Any text value: a NUL character (U+0000, byte 0) cannot be stored, since PostgreSQL's text and
 * jsonb refuse it, so the row carrying one is refused by name instead of failing its batch (and
 * with it the run). A NUL in a CSV export or a JSON "\u0000" escape is a sign of a broken
 * export, never of data a practitioner wrote.
 */
export function nulProblem(raw: string): string | undefined {
  return raw.includes('\u0000')
    ? 'The value has a NUL character (byte 0), which text cannot hold: remove it from the file'
    : undefined;
}

/**
 * NHS number: ten ASCII digits whose last is the modulus 11 check digit (NHS Data Dictionary;
 * DOMAIN.md 8.3). Spaces and hyphens as printed on letters are allowed. Digits from other scripts
 * (Arabic-Indic, full-width…) are refused by name: JavaScript's \d and Number() would let some of
 * them through elsewhere, and no NHS system issues them.
 */
export function checkNhsNumber(raw: string): Checked {
  const compact = raw.replace(/[\s-]/g, '');
  if (/\p{Nd}/u.test(compact.replace(/[0-9]/g, '')))
    return refused('The NHS number has digits that are not 0 to 9');
  if (/[^0-9]/.test(compact)) return refused('The NHS number must be digits only');
  if (compact.length !== 10) return refused('The NHS number must be 10 digits');
  if (isPlaceholderNhsNumber(compact))
    return refused('The NHS number is one digit repeated, a placeholder the NHS never issues');
  if (!isValidNhsNumber(compact)) return refused('The NHS number check digit is wrong');
  return ok(compact);
}

// DfE "Unique pupil numbers" guidance: the check letter table omits I, O and S.
const upnLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * Unique pupil number: a check letter then 12 characters (3-digit LA code, 4-digit school,
 * 2-digit year, 3-digit serial). The check letter is the sum of the characters in positions 2 to
 * 13, each times its position, mod 23, looked up in the letter table. A temporary UPN ends in a
 * letter, which counts as its position in the same table (DfE guidance; DOMAIN.md 8.4).
 */
export function checkUpn(raw: string): Checked {
  const upn = raw.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z][0-9]{11}[0-9A-Z]$/.test(upn))
    return refused('The pupil number (UPN) must be a letter and 12 characters');
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const c = upn[i]!;
    const value = /[0-9]/.test(c) ? Number(c) : upnLetters.indexOf(c);
    if (value < 0) return refused('The pupil number (UPN) has a letter that is never used');
    sum += value * (i + 1);
  }
  if (upnLetters[sum % 23] !== upn[0]) return refused('The pupil number (UPN) check letter is wrong');
  return ok(upn);
}

/**
 * UK postcode: one of the six outward formats (A9, A99, A9A, AA9, AA99, AA9A) and an inward code
 * of a digit and two letters, never C, I, K, M, O or V (Royal Mail; DOMAIN.md "Postcodes"), as
 * the linkage normaliser reads it. Stored upper case with one space before the inward code.
 */
export function checkPostcode(raw: string): Checked {
  const compact = normalisePostcode(raw) ?? '';
  if (!postcodeParts(compact)) return refused('The postcode is not in a UK format');
  return ok(`${compact.slice(0, -3)} ${compact.slice(-3)}`);
}

export type DateFormat = 'iso' | 'day_first';

export interface CheckedDate {
  readonly ok: true;
  readonly value: string;
  /** Day and month are both 12 or less and differ: the date reads as another date if swapped. */
  readonly swappable: boolean;
}

const daysIn = (year: number, month: number) =>
  [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;

/**
 * A calendar date, as ISO (2015-02-28, or 2015-02-28T… with the time ignored) or day first
 * (28/02/2015, 28-02-2015, 28.02.2015). A date that does not exist (31/02/2015) is refused.
 * A day-first date whose day and month could be swapped is kept but flagged: day-first text is
 * what spreadsheets and US-configured software misread, so the swap is a real risk there; an ISO
 * date says which part is which.
 */
export function checkDate(raw: string, format: DateFormat): CheckedDate | { ok: false; reason: string } {
  const text = raw.trim();
  const m =
    format === 'iso'
      ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?$/.exec(text)
      : /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/.exec(text);
  if (!m)
    return {
      ok: false,
      reason: format === 'iso' ? 'The date must be YYYY-MM-DD' : 'The date must be DD/MM/YYYY',
    };
  const [year, month, day] =
    format === 'iso'
      ? [Number(m[1]), Number(m[2]), Number(m[3])]
      : [Number(m[3]), Number(m[2]), Number(m[1])];
  if (year < 1900 || year > 2100) return { ok: false, reason: 'The date is not between 1900 and 2100' };
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return { ok: false, reason: 'The date does not exist' };
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, value, swappable: format === 'day_first' && day <= 12 && month <= 12 && day !== month };
}
