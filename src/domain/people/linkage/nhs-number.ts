/**
 * NHS number check digit (modulus 11), per NHS Data Dictionary and DOMAIN.md 8.3: weights 10..2
 * over the first nine digits, check = 11 - (sum mod 11), 11 means 0, 10 means the number was
 * never issued. Only ASCII digits count: a Unicode digit or a letter makes the number invalid.
 * Spaces and hyphens, as printed on NHS letters ("943 476 5919"), are ignored.
 */
export function normaliseNhsNumber(raw: string): string | undefined {
  const compact = raw.replace(/[\s-]/g, '');
  if (!/^[0-9]{10}$/.test(compact)) return undefined;
  return isValidNhsNumber(compact) ? compact : undefined;
}

export function isValidNhsNumber(digits: string): boolean {
  if (!/^[0-9]{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits.charCodeAt(9) - 48;
}

/** The check digit for nine digits, or undefined when no valid number has them (check 10). */
export function nhsCheckDigit(nine: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nine.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return undefined;
  return check === 11 ? 0 : check;
}
