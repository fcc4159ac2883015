import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Dataset } from './dataset.ts';
import { reviewQueue } from './review-queue.ts';

function dataset(count: number): Dataset {
  const ds = new Dataset();
  for (let k = 0; k < count; k++) {
    const adult = k % 2 === 0;
    ds.add(0, `r${k}`, {
      first_name: k === 3 ? '' : `Name${String.fromCharCode(97 + (k % 26))}`,
      last_name: 'Taylor',
      dob: adult ? '1980-01-01' : '2016-05-14',
    });
  }
  return ds;
}

const pair = (left: number, right: number, probability: number) => ({
  left,
  right,
  probability,
  weight: Math.log2(probability / (1 - probability)),
});

describe('the review queue', () => {
  const ds = dataset(400);
  const clusterOf = Int32Array.from({ length: 400 }, (_, k) => k);
  const asOf = 20261207;

  test('asks about a child before an adult, then the pair nearest even odds', () => {
    const queue = reviewQueue(ds, clusterOf, [pair(0, 2, 0.5), pair(1, 5, 0.1), pair(7, 9, 0.45)], { asOf });
    assert.deepEqual(
      queue.map((p) => [p.left, p.right]),
      [
        [7, 9],
        [1, 5],
        [0, 2],
      ],
    );
  });

  test('leaves out a pair a person could not decide (a record with no given name)', () => {
    const queue = reviewQueue(ds, clusterOf, [pair(3, 5, 0.5), pair(1, 5, 0.5)], { asOf });
    assert.deepEqual(
      queue.map((p) => p.left),
      [1],
    );
  });

  test('asks once about two clusters, and holds at most 1% of the records', () => {
    const joined = Int32Array.from(clusterOf);
    joined[11] = 9;
    const once = reviewQueue(ds, joined, [pair(7, 9, 0.4), pair(7, 11, 0.3)], { asOf });
    assert.equal(once.length, 1);
    const many = Array.from({ length: 50 }, (_, k) => pair(2 * k + 1, 2 * k + 3, 0.5));
    assert.equal(reviewQueue(ds, clusterOf, many, { asOf }).length, 4);
  });
});
