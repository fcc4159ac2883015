import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { finish, sharedPairJob, workOn } from './shared-pair-job.ts';

// A stand-in for patternsOf: any pure function of the pair will do.
const code = (left: Int32Array, right: Int32Array, count: number) => {
  const out = new Uint32Array(count);
  for (let k = 0; k < count; k++) out[k] = left[k]! * 1000 + right[k]!;
  return out;
};

function pairs(count: number): { left: Int32Array; right: Int32Array } {
  return {
    left: Int32Array.from({ length: count }, (_, k) => k % 997),
    right: Int32Array.from({ length: count }, (_, k) => (k * 7) % 991),
  };
}

describe('a job of pairs shared between two threads', () => {
  test('finishing alone compares every pair, across chunk edges', () => {
    const { left, right } = pairs(20_000);
    const job = sharedPairJob(left, right, 20_000);
    assert.deepEqual(finish(job, code), code(left, right, 20_000));
  });

  test('chunks done by the other thread are kept, not done again', () => {
    const { left, right } = pairs(30_000);
    const job = sharedPairJob(left, right, 30_000);
    let calls = 0;
    const counted = (l: Int32Array, r: Int32Array, n: number) => (calls++, code(l, r, n));
    const other = workOn(job, code);
    assert.ok(other > 0);
    assert.deepEqual(finish(job, counted), code(left, right, 30_000));
    assert.equal(calls, 0, 'nothing was left to do');
  });

  test('when the other thread fails, this thread compares everything itself', () => {
    const { left, right } = pairs(20_000);
    const job = sharedPairJob(left, right, 20_000);
    assert.throws(() =>
      workOn(job, () => {
        throw new Error('the other thread fails on its first chunk');
      }),
    );
    assert.deepEqual(finish(job, code), code(left, right, 20_000));
  });

  test('a chunk claimed and never finished is waited for only until the deadline', () => {
    const { left, right } = pairs(20_000);
    const job = sharedPairJob(left, right, 20_000);
    Atomics.add(job.control, 0, 1); // claimed by a thread that then stops
    assert.deepEqual(finish(job, code, 50), code(left, right, 20_000));
  });

  test('copes with an empty job', () => {
    const job = sharedPairJob(new Int32Array(0), new Int32Array(0), 0);
    assert.equal(finish(job, code).length, 0);
  });
});
