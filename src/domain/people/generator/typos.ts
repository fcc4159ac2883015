import type { Picker } from './pick.ts';

/** Keys next to each other on a UK keyboard: most typing slips hit a neighbour. */
const neighbours: Record<string, string> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'awdx',
  d: 'sefc',
  f: 'drgv',
  g: 'fthb',
  h: 'gyjn',
  j: 'hukm',
  k: 'jil',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
  '0': '9',
  '1': '2',
  '2': '13',
  '3': '24',
  '4': '35',
  '5': '46',
  '6': '57',
  '7': '68',
  '8': '79',
  '9': '80',
};

/** One typing slip: a neighbouring key, a dropped or doubled letter, or two letters swapped. */
export function typo(pick: Picker, text: string): string {
  if (text.length < 3) return text;
  const at = pick.int(1, text.length - 2);
  const ch = text[at]!;
  const kind = pick.int(0, 3);
  if (kind === 0) {
    const near = neighbours[ch.toLowerCase()];
    return near ? text.slice(0, at) + pick.one([...near]) + text.slice(at + 1) : text;
  }
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1);
  if (kind === 2) return text.slice(0, at) + ch + text.slice(at);
  return text.slice(0, at) + text[at + 1]! + ch + text.slice(at + 2);
}

/** One digit changed, as when a number is copied from a letter. */
export function digitSlip(pick: Picker, digits: string): string {
  const at = pick.int(0, digits.length - 1);
  const d = digits.charCodeAt(at) - 48;
  const next = (d + pick.int(1, 9)) % 10;
  return digits.slice(0, at) + String(next) + digits.slice(at + 1);
}

export function titleCase(text: string): string {
  return text.replace(/(^|[\s'-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}
