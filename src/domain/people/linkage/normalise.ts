import { normaliseNhsNumber } from './nhs-number.ts';

/**
 * Normalisers turn what agencies type into comparable values: case, accents, punctuation and
 * spacing stop mattering, and an invalid identifier becomes missing rather than a false
 * disagreement. Each returns undefined for a missing value.
 */
const accents = /[\u0300-\u036f]/g;

export function normaliseName(raw: string): string | undefined {
  const s = raw
    .normalize('NFKD')
    .replace(accents, '')
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return s === '' || placeholderNames.has(s) ? undefined : s;
}

/** Values clerks type when they do not know a name; they are not names. */
const placeholderNames = new Set(['unknown', 'not known', 'nk', 'na', 'n a', 'none', 'baby', 'infant']);

export function normaliseSex(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  if (s === 'm' || s === 'male' || s === 'boy' || s === '1') return 'm';
  if (s === 'f' || s === 'female' || s === 'girl' || s === '2') return 'f';
  return undefined;
}

export function normaliseIdentifier(raw: string): string | undefined {
  const s = raw.toUpperCase().replace(/[\s-]/g, '');
  return s === '' ? undefined : s;
}

export { normaliseNhsNumber };

/** Compact upper-case postcode ("SW1A 1AA" → "SW1A1AA"); any non-empty code is kept. */
export function normalisePostcode(raw: string): string | undefined {
  const s = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return s === '' ? undefined : s;
}

const ukPostcode =
  /^(GIR0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y])[0-9][ABD-HJLNP-UW-Z]{2})$/;

/**
 * The sector ("SW1A 1") and district ("SW1A") of a UK postcode, per the Royal Mail format in
 * DOMAIN.md 8.5; undefined for a code in another shape, which then has no partial levels.
 */
export function postcodeParts(compact: string): { sector: string; district: string } | undefined {
  if (!ukPostcode.test(compact)) return undefined;
  const district = compact.slice(0, -3);
  return { sector: `${district} ${compact.charAt(compact.length - 3)}`, district };
}

const streetWords: Record<string, string> = {
  rd: 'road',
  st: 'street',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cl: 'close',
  ct: 'court',
  cres: 'crescent',
  dr: 'drive',
  gdns: 'gardens',
  gr: 'grove',
  pl: 'place',
  sq: 'square',
  tce: 'terrace',
  terr: 'terrace',
  flt: 'flat',
};

export function normaliseAddress(raw: string): string | undefined {
  const words = raw
    .normalize('NFKD')
    .replace(accents, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => streetWords[w] ?? w);
  return words.length === 0 ? undefined : words.join(' ');
}

export function normaliseCity(raw: string): string | undefined {
  const s = raw
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return s === '' ? undefined : s;
}

export function normaliseEmail(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  return s.includes('@') ? s : undefined;
}

/** UK numbers compared on their national form: +44 7700 900123 and 07700900123 agree. */
export function normalisePhone(raw: string): string | undefined {
  let digits = raw.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+44')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0044')) digits = '0' + digits.slice(4);
  digits = digits.replace(/\D/g, '');
  return digits.length >= 6 ? digits : undefined;
}
