import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { generatePopulation } from '../../../domain/people/generator/generate-population.ts';
import { comparisonsFor } from '../../../domain/people/linkage/comparisons.ts';
import { Dataset } from '../../../domain/people/linkage/dataset.ts';
import { sampleRandomPairs } from '../../../domain/people/linkage/estimate-u.ts';
import { linkDataset } from '../../../domain/people/linkage/link-records.ts';
import { PatternCodec } from '../../../domain/people/linkage/model.ts';
import { patternsOf } from '../../../domain/people/linkage/pair-levels.ts';
import { PairWorker } from './parallel-compare.ts';

describe('comparing pairs on a second thread', () => {
  const ds = new Dataset();
  for (const r of generatePopulation({ children: 800, seed: 21 })) ds.add(0, r.record_id, r);

  test('gives exactly the clusters and weights of one thread', async () => {
    const worker = new PairWorker(0);
    try {
      assert.equal(await worker.started(), true, 'the worker thread loads');
      const parallel = linkDataset(ds, { comparer: worker.comparerFor(ds) });
      const single = linkDataset(ds);
      assert.deepEqual(parallel.clusterOf, single.clusterOf);
      assert.deepEqual(parallel.model, single.model);
      assert.equal(worker.ready, true, 'the worker did its share without failing');
    } finally {
      await worker.close();
    }
  });

  test('does a job started early on the worker while this thread is busy elsewhere', async () => {
    const worker = new PairWorker(0);
    try {
      assert.equal(await worker.started(), true);
      const random = sampleRandomPairs(ds, { maxPairs: 200_000, seed: 3 });
      const ready = worker.comparerFor(ds).start(random.left, random.right, random.count);
      // This thread leaves the job alone for a while, as linkDataset does while it blocks.
      for (let waited = 0; worker.chunksCompared === 0 && waited < 10_000; waited += 20) await sleep(20);
      const patterns = ready();
      assert.ok(worker.chunksCompared > 0, 'the worker compared some of the pairs');
      const comparisons = comparisonsFor(ds);
      const expected = patternsOf(
        comparisons,
        new PatternCodec(comparisons),
        random.left,
        random.right,
        random.count,
      );
      assert.deepEqual(patterns, expected);
    } finally {
      await worker.close();
    }
  });
});
