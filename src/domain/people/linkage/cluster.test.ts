import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clusterRecords } from './cluster.ts';

/**
 * Rows 0-1 are Jack's records, 2-3 his brother Harry's, and row 4 an ambiguous record that
 * scores well with one of each. Connected components would make all five one person.
 */
const weights: Record<string, number> = { '0,1': 20, '2,3': 20, '1,4': 12, '2,4': 11 };
const pairWeight = (a: number, b: number) => weights[`${Math.min(a, b)},${Math.max(a, b)}`] ?? -15;

function run(extra: Partial<Parameters<typeof clusterRecords>[0]> = {}) {
  const keys = Object.keys(weights).map((k) => k.split(',').map(Number));
  return clusterRecords({
    size: 5,
    left: Int32Array.from(keys.map((k) => k[0]!)),
    right: Int32Array.from(keys.map((k) => k[1]!)),
    weights: Float64Array.from(Object.values(weights)),
    count: keys.length,
    mergeWeight: 0,
    pairWeight,
    conflictWeight: -Infinity,
    meanCrossWeight: -2.5,
    ...extra,
  });
}

describe('clustering', () => {
  test('one strong edge through an ambiguous record does not merge two brothers', () => {
    const { clusterOf, refused } = run();
    assert.equal(clusterOf[0], clusterOf[1]);
    assert.equal(clusterOf[2], clusterOf[3]);
    assert.notEqual(clusterOf[0], clusterOf[2]);
    assert.equal(refused.length, 1, 'the edge that would chain them goes to review');
  });

  test('the strongest edges are merged first, so the ambiguous record joins its best match', () => {
    const { clusterOf } = run();
    assert.equal(clusterOf[4], clusterOf[1]);
  });

  test('two records that cannot be one person never share a cluster, however strong the edge', () => {
    const { clusterOf } = run({ cannotLink: (a, b) => (a === 0 && b === 1) || (a === 1 && b === 0) });
    assert.notEqual(clusterOf[0], clusterOf[1]);
  });

  test('clusters whose members agree on average do merge', () => {
    const { clusterOf } = run({ pairWeight: () => 5 });
    assert.equal(new Set(clusterOf).size, 1, 'every edge is taken when no record contradicts another');
  });
});

describe('clustering with strong evidence', () => {
  // Rows 0-2 are Ellie's records (one date of birth), row 3 her sister Elsie's (another), row 4 a
  // record with no date of birth that scores well with both.
  const strong: Record<string, number> = { '0,1': 25, '0,2': 25, '1,2': 25, '3,4': 14, '2,4': 13, '2,3': 9 };
  const sisters = (a: number, b: number) => (a === 3) !== (b === 3) && a !== 4 && b !== 4;
  function cluster(identifies?: (a: number, b: number) => boolean) {
    const keys = Object.keys(strong).map((k) => k.split(',').map(Number));
    return clusterRecords({
      size: 5,
      left: Int32Array.from(keys.map((k) => k[0]!)),
      right: Int32Array.from(keys.map((k) => k[1]!)),
      weights: Float64Array.from(Object.values(strong)),
      count: keys.length,
      mergeWeight: 0,
      pairWeight: () => 5,
      conflictWeight: -Infinity,
      meanCrossWeight: -2.5,
      judge: (a, b) => (sisters(a, b) ? -1 : a === 4 || b === 4 ? 0 : 1),
      ...(identifies ? { identifies } : {}),
    });
  }

  test('one weak record cannot join two people whose dated records disagree', () => {
    const { clusterOf, refused } = cluster();
    assert.equal(clusterOf[0], clusterOf[2]);
    assert.notEqual(clusterOf[0], clusterOf[3], 'the sisters stay apart');
    assert.ok(refused.length >= 1, 'the refused merge goes to review');
  });

  test('a shared identifier outweighs the disagreement', () => {
    const { clusterOf } = cluster((a, b) => (a === 2 && b === 3) || (a === 3 && b === 2));
    assert.equal(clusterOf[0], clusterOf[3]);
  });
});

describe('clustering with settled names', () => {
  // Rows 0-1 are Leo's records, 2-3 his twin Leon's: every cross pair is one slip apart and
  // scores like one child.
  function cluster(identifies?: (a: number, b: number) => boolean) {
    const strong: Record<string, number> = { '0,1': 25, '2,3': 25, '1,2': 20 };
    const keys = Object.keys(strong).map((k) => k.split(',').map(Number));
    return clusterRecords({
      size: 4,
      left: Int32Array.from(keys.map((k) => k[0]!)),
      right: Int32Array.from(keys.map((k) => k[1]!)),
      weights: Float64Array.from(Object.values(strong)),
      count: keys.length,
      mergeWeight: 0,
      pairWeight: () => 15,
      conflictWeight: -Infinity,
      meanCrossWeight: -2.5,
      judge: () => 1,
      namesSettled: (a, b) => a.length >= 2 && b.length >= 2,
      ...(identifies ? { identifies } : {}),
    });
  }

  test('two clusters that each spell the name their own way stay apart', () => {
    const { clusterOf, refused } = cluster();
    assert.notEqual(clusterOf[0], clusterOf[2]);
    assert.equal(refused.length, 1);
  });

  test('a shared identifier outweighs the spellings', () => {
    const { clusterOf } = cluster((a, b) => a + b === 3);
    assert.equal(clusterOf[0], clusterOf[2]);
  });
});
