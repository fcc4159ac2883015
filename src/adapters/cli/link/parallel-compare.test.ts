import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generatePopulation } from '../../../domain/people/generator/generate-population.ts';
import { Dataset } from '../../../domain/people/linkage/dataset.ts';
import { linkDataset } from '../../../domain/people/linkage/link-records.ts';
import { PairWorker } from './parallel-compare.ts';

describe('comparing pairs on a second thread', () => {
  test('gives exactly the clusters and weights of one thread', async () => {
    const ds = new Dataset();
    for (const r of generatePopulation({ children: 800, seed: 21 })) ds.add(0, r.record_id, r);
    const worker = new PairWorker(0);
    try {
      assert.equal(await worker.started(), true, 'the worker thread loads');
      const parallel = linkDataset(ds, { comparePairs: worker.comparerFor(ds) });
      const single = linkDataset(ds);
      assert.deepEqual(parallel.clusterOf, single.clusterOf);
      assert.deepEqual(parallel.model, single.model);
      assert.equal(worker.ready, true, 'the worker did its share without failing');
    } finally {
      await worker.close();
    }
  });
});
