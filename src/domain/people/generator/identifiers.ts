import { isPlaceholderNhsNumber, nhsCheckDigit } from '../linkage/nhs-number.ts';
import type { Picker } from './pick.ts';

/** A valid NHS number (modulus 11, DOMAIN.md 8.3), drawn from the 4xx-7xx ranges. */
export function newNhsNumber(pick: Picker): string {
  for (;;) {
    const nine = String(pick.int(400_000_000, 799_999_999));
    const check = nhsCheckDigit(nine);
    if (check === undefined) continue;
    const nhsNumber = nine + String(check);
    if (!isPlaceholderNhsNumber(nhsNumber)) return nhsNumber;
  }
}

const upnLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * A permanent Unique Pupil Number: check letter, 3-digit LA code, 4-digit school, 2-digit year
 * of issue, 3-digit serial; the check letter is the weighted sum (positions 2..13) mod 23 in the
 * DfE letter table (DOMAIN.md 8.4).
 */
export function newUpn(pick: Picker, laCode: number, school: number, year: number): string {
  const body =
    String(laCode).padStart(3, '0') +
    String(school).padStart(4, '0') +
    String(year % 100).padStart(2, '0') +
    String(pick.int(0, 999)).padStart(3, '0');
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (i + 2);
  return upnLetters[sum % 23]! + body;
}
