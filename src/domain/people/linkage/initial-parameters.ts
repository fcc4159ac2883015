import type { Comparison } from './comparisons.ts';

/**
 * Starting points for EM. Matches mostly agree exactly. Relatives agree on household fields as
 * matches do. On identity fields relatives are strangers: a brother's given name, sex and NHS
 * number agree with yours no more often than anyone's, so f is held at u there and never fitted,
 * which also stops EM turning the relatives class into a second copy of the matches. The one
 * identity field fitted is the date of birth, because twins share it.
 */
export function fittedF(comparisons: readonly Comparison[]): boolean[] {
  return comparisons.map((c) => c.role === 'household' || c.name === 'dob');
}

export function initialM(comparisons: readonly Comparison[]): number[][] {
  return comparisons.map((c) => {
    const n = c.levels.length;
    const m = new Array<number>(n).fill(0);
    m[0] = 0.8;
    let rest = 0.2;
    for (let l = 1; l < n - 1; l++) {
      m[l] = rest / 2;
      rest /= 2;
    }
    m[n - 1]! += rest;
    return m;
  });
}

export function initialF(comparisons: readonly Comparison[], u: readonly (readonly number[])[]): number[][] {
  const m = initialM(comparisons);
  return comparisons.map((c, k) => {
    if (c.role === 'household') return m[k]!;
    if (c.name !== 'dob') return [...u[k]!];
    const n = c.levels.length;
    return u[k]!.map((p) => 0.85 * p + 0.15 / n);
  });
}
