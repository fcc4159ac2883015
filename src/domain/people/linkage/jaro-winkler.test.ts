import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jaroSimilarity, jaroWinklerSimilarity } from './jaro-winkler.ts';

// Values measured with DuckDB 1.5 (jaro_similarity, jaro_winkler_similarity), the functions
// Splink's comparisons and the comparator run on.
const duckdb: [string, string, number, number][] = [
  ['martha', 'marhta', 0.9444444444444445, 0.9611111111111111],
  ['dwayne', 'duane', 0.8222222222222223, 0.8400000000000001],
  ['dixon', 'dicksonx', 0.7666666666666666, 0.8133333333333332],
  ['jones', 'johnson', 0.7904761904761904, 0.8323809523809523],
  ['abc', 'xyz', 0, 0],
  ['crate', 'trace', 0.7333333333333334, 0.7333333333333334],
  ['dw', 'duane', 0.5666666666666667, 0.5666666666666667],
  ['william', 'bill', 0.7261904761904763, 0.7261904761904763],
  ['jon', 'john', 0.9166666666666666, 0.9333333333333333],
  ['olivia', 'oliver', 0.7777777777777777, 0.8666666666666666],
  ['ab', 'ba', 0, 0],
  ['abcdefgh', 'axxxxxxx', 0.4166666666666667, 0.4166666666666667],
  ['jellyfish', 'smellyfish', 0.8962962962962964, 0.8962962962962964],
  ['aaa', 'aab', 0.7777777777777777, 0.8222222222222222],
  ['catherine', 'kathryn', 0.7566137566137566, 0.7566137566137566],
  ['elizabeth', 'elisabeth', 0.9259259259259259, 0.9481481481481482],
];

describe('Jaro–Winkler similarity', () => {
  test('scores every pair exactly as DuckDB does', () => {
    for (const [a, b, jaro, jw] of duckdb) {
      assert.ok(Math.abs(jaroSimilarity(a, b) - jaro) < 1e-12, `jaro ${a}/${b}`);
      assert.ok(Math.abs(jaroWinklerSimilarity(a, b) - jw) < 1e-12, `jaro-winkler ${a}/${b}`);
    }
  });

  test('gives no prefix boost below a Jaro score of 0.7, as DuckDB does', () => {
    assert.equal(jaroWinklerSimilarity('dw', 'duane'), jaroSimilarity('dw', 'duane'));
  });

  test('is symmetric, 1 for equal strings and 0 when either is empty', () => {
    assert.equal(jaroWinklerSimilarity('taylor', 'taylor'), 1);
    assert.equal(jaroWinklerSimilarity('', ''), 0);
    assert.equal(jaroWinklerSimilarity('sam', ''), 0);
    for (const [a, b] of duckdb) assert.equal(jaroWinklerSimilarity(a, b), jaroWinklerSimilarity(b, a));
  });
});
