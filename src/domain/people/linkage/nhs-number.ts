/**
 * NHS number check digit (modulus 11), per NHS Data Dictionary (NHS NUMBER) and DOMAIN.md 8.3: weights 10..2
 * over the first nine digits, check = 11 - (sum mod 11), 11 means 0, 10 means the number was
 * never issued. Only ASCII digits count: a Unicode digit or a letter makes the number invalid.
 * Spaces and hyphens, as printed on NHS letters ("943 476 5919"), are ignored.
 */
export function normaliseNhsNumber(raw: string): string | undefined {
  const compact = raw.replace(/[\s-]/g, '');
  if (!/^[0-9]{10}$/.test(compact)) return undefined;
  return isValidNhsNumber(compact) ? compact : undefined;
}

/**
 * One digit ten times (0000000000, 1111111111, …): every such number passes modulus 11, because
 * the weights 10..2 sum to 54, which is -1 mod 11, so the check digit comes out as the digit
 * itself. They are the placeholders systems fill in for "not known", never numbers the NHS
 * issues, and taking one for an identifier would link every child whose record carries it.
 * Issued ranges are deliberately not checked: the NHS Data Dictionary (NHS NUMBER, format n10)
 * defines the number by its ten digits and the mandatory modulus 11 check and publishes no range,
 * and the test numbers NHS England's own environments use (9xx, e.g. 943 476 5919) must pass in a
 * partnership's test set-up.
 */
export function isPlaceholderNhsNumber(digits: string): boolean {
  return /^([0-9])\1{9}$/.test(digits);
}

export function isValidNhsNumber(digits: string): boolean {
  if (!/^[0-9]{10}$/.test(digits) || isPlaceholderNhsNumber(digits)) return false;
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
