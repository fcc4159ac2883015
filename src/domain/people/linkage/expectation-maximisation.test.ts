import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../random.ts';
import { runEm, type PatternRow } from './expectation-maximisation.ts';

/** Draws pairs from a known three-class mixture and groups them into pattern rows. */
function simulate(
  truth: { m: number[][]; f: number[][]; u: number[][]; share: number[] },
  pairs: number,
): PatternRow[] {
  const random = seededRandom(7);
  const draw = (p: number[]) => {
    let x = random();
    for (let l = 0; l < p.length; l++) if ((x -= p[l]!) < 0) return l;
    return p.length - 1;
  };
  const rows = new Map<string, PatternRow>();
  for (let k = 0; k < pairs; k++) {
    const cls = draw(truth.share);
    const params = cls === 0 ? truth.m : cls === 1 ? truth.f : truth.u;
    const levels = Uint8Array.from(params.map(draw));
    const key = levels.join(',');
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { levels, tfAdj: 0, count: 1 });
  }
  return [...rows.values()];
}

describe('EM with u fixed', () => {
  // Four comparisons: given name and birth date (identity), surname and address (household).
  const truth = {
    m: [
      [0.9, 0.07, 0.03],
      [0.85, 0.1, 0.05],
      [0.88, 0.12],
      [0.8, 0.2],
    ],
    f: [
      [0.01, 0.04, 0.95],
      [0.04, 0.16, 0.8],
      [0.9, 0.1],
      [0.85, 0.15],
    ],
    u: [
      [0.01, 0.04, 0.95],
      [0.002, 0.05, 0.948],
      [0.01, 0.99],
      [0.02, 0.98],
    ],
    share: [0.3, 0.4, 0.3],
  };

  test('recovers m, f and the class shares from unlabelled pairs', () => {
    const result = runEm({
      rows: simulate(truth, 60_000),
      active: [true, true, true, true],
      u: truth.u,
      m: [
        [0.8, 0.1, 0.1],
        [0.8, 0.1, 0.1],
        [0.8, 0.2],
        [0.8, 0.2],
      ],
      f: [truth.u[0]!, [0.1, 0.2, 0.7], [0.8, 0.2], [0.8, 0.2]],
      fFitted: [false, true, true, true],
      relativesPossible: true,
      maxIterations: 200,
    });
    for (let c = 0; c < 4; c++) {
      for (let l = 0; l < truth.m[c]!.length; l++) {
        assert.ok(Math.abs(result.m[c]![l]! - truth.m[c]![l]!) < 0.03, `m[${c}][${l}] = ${result.m[c]![l]}`);
        assert.ok(Math.abs(result.f[c]![l]! - truth.f[c]![l]!) < 0.04, `f[${c}][${l}] = ${result.f[c]![l]}`);
      }
    }
    assert.ok(Math.abs(result.share.match - 0.3) < 0.02, `match share ${result.share.match}`);
    assert.ok(Math.abs(result.share.relatives - 0.4) < 0.03, `relatives share ${result.share.relatives}`);
  });

  test('never changes the parameters of a comparison the block constrains', () => {
    const start = [
      [0.5, 0.3, 0.2],
      [0.8, 0.1, 0.1],
      [0.8, 0.2],
      [0.8, 0.2],
    ];
    const result = runEm({
      rows: simulate(truth, 5_000),
      active: [false, true, true, true],
      u: truth.u,
      m: start,
      f: start,
      fFitted: [true, true, true, true],
      relativesPossible: true,
    });
    assert.deepEqual(result.m[0], start[0]);
    assert.deepEqual(result.f[0], start[0]);
  });

  test('fits no relatives inside a block keyed on a shared given name', () => {
    const result = runEm({
      rows: simulate(truth, 5_000),
      active: [false, true, true, true],
      u: truth.u,
      m: truth.m,
      f: truth.f,
      fFitted: [false, true, true, true],
      relativesPossible: false,
    });
    assert.equal(result.share.relatives, 0);
  });
});
