import { seededRandom } from '../random.ts';

/**
 * Random choices for the judge generator. Its popularity curve is steeper than the tuning
 * generator's (weight 1 / (k + 3) against 1 / (k + 10)), so common names are commoner and a
 * million records hold many more namesakes born on the same day.
 */
export class JudgeRandom {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed ^ 0x5bd1e995);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  popular<T>(items: readonly T[]): T {
    const total = Math.log((items.length + 3) / 3);
    const x = Math.exp(this.next() * total) * 3 - 3;
    return items[Math.min(items.length - 1, Math.floor(x))]!;
  }

  digits(n: number): string {
    let s = '';
    for (let k = 0; k < n; k++) s += String(this.int(0, 9));
    return s;
  }
}

/** A valid NHS number: nine digits and the modulus 11 check digit (NHS Data Dictionary). */
export function judgeNhsNumber(r: JudgeRandom): string {
  for (;;) {
    const nine = String(r.int(3, 7)) + r.digits(8);
    let sum = 0;
    for (let k = 0; k < 9; k++) sum += Number(nine[k]) * (10 - k);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return nine + String(check === 11 ? 0 : check);
  }
}

/** One slip of the hand: a letter dropped, doubled, replaced by a random one, or two swapped. */
export function misspell(r: JudgeRandom, text: string): string {
  if (text.length < 4) return text;
  const at = r.int(1, text.length - 2);
  switch (r.int(0, 3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + text[at]! + text.slice(at);
    case 2:
      return text.slice(0, at) + r.one([...'aeiouynrstl']) + text.slice(at + 1);
    default:
      return text.slice(0, at) + text[at + 1]! + text[at]! + text.slice(at + 2);
  }
}
