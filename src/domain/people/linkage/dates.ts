/**
 * Dates of birth as a packed integer yyyymmdd (0 = missing). Agency files write dates in several
 * shapes; without a declared format we accept ISO (1987-03-12, 1987-03-12T00:00), compact
 * (19870312) and the day-first UK form (12/03/1987, 12-03-1987, 12.03.1987), never month-first.
 * An impossible date (31/02/2015) counts as missing, as Splink's invalid_dates_as_null does.
 */
export type DobFormat = string;

export function packDate(y: number, m: number, d: number): number {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return 0;
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 0;
  return y * 10000 + m * 100 + d;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Parses with an explicit format such as DD/MM/YYYY, MM/DD/YYYY, YYYYMMDD or YYYY-MM-DD. */
export function dateParser(format?: DobFormat): (raw: string) => number {
  if (!format) return parseAnyDate;
  const order: ('Y' | 'M' | 'D')[] = [];
  let pattern = '^';
  for (const token of format.match(/YYYY|MM|DD|M|D|[^YMD]+/g) ?? []) {
    const part =
      token === 'YYYY'
        ? 'Y'
        : token === 'MM' || token === 'M'
          ? 'M'
          : token === 'DD' || token === 'D'
            ? 'D'
            : undefined;
    if (part) {
      order.push(part);
      pattern += part === 'Y' ? '(\\d{4})' : '(\\d{1,2})';
    } else pattern += token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  if (order.length !== 3 || new Set(order).size !== 3) {
    throw new Error(`--dob-format ${format} must contain YYYY, MM and DD once each`);
  }
  const re = new RegExp(pattern + '$');
  return (raw) => {
    const match = re.exec(raw.trim());
    if (!match) return 0;
    const part = (k: 'Y' | 'M' | 'D') => Number(match[order.indexOf(k) + 1]);
    return packDate(part('Y'), part('M'), part('D'));
  };
}

export function parseAnyDate(raw: string): number {
  const s = raw.trim();
  let m = iso.exec(s);
  if (m) return packDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = compact.exec(s);
  if (m) return packDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = dayFirst.exec(s);
  if (m) return packDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return 0;
}

/** Whole days since 1 January 1970 for a packed date, for "within a month" style levels. */
export function dayNumber(packed: number): number {
  // Days from civil (proleptic Gregorian), without allocating Date objects on the hot path.
  let y = Math.floor(packed / 10000);
  const m = Math.floor(packed / 100) % 100;
  const d = packed % 100;
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The same date with day and month exchanged, or 0 when that is not a date (day over 12). */
export function swapDayMonth(packed: number): number {
  const y = Math.floor(packed / 10000);
  const m = Math.floor(packed / 100) % 100;
  const d = packed % 100;
  return packDate(y, d, m);
}
