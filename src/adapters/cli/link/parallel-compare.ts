import type { Worker } from 'node:worker_threads';
import { comparisonsFor } from '../../../domain/people/linkage/comparisons.ts';
import type { Dataset } from '../../../domain/people/linkage/dataset.ts';
import type { PairComparer } from '../../../domain/people/linkage/link-records.ts';
import { PatternCodec } from '../../../domain/people/linkage/model.ts';
import { patternsOf } from '../../../domain/people/linkage/pair-levels.ts';
import { finish, sharedPairJob, type ComparePairs } from './shared-pair-job.ts';
import { startTypeScriptWorker } from './typescript-worker.ts';

/** Below this many records one thread is faster than copying the data set to a second. */
const PARALLEL_FROM = 200_000;

/**
 * A second thread for the heaviest step of batch linkage, comparing pairs. It is started
 * before the files are read, so its start-up overlaps the reading. Each job of pairs goes into
 * shared memory, and both threads take chunks of it until none are left (shared-pair-job.ts);
 * a job started early (the random pairs, before blocking) is done by the worker while this
 * thread blocks. If the worker is not ready, or fails, this thread simply does all the pairs
 * itself, so the result never depends on the worker.
 */
export class PairWorker {
  private readonly flag = new SharedArrayBuffer(8);
  private readonly signal = new Int32Array(this.flag);
  private readonly worker: Worker;
  private failed = false;

  constructor(private readonly minRecords = PARALLEL_FROM) {
    this.worker = startTypeScriptWorker(new URL('./pattern-worker.ts', import.meta.url), {
      flag: this.flag,
    });
    this.worker.on('error', () => (this.failed = true));
    this.worker.unref();
  }

  /** Resolves once the worker has loaded (or failed to). */
  async started(): Promise<boolean> {
    for (let waited = 0; !this.ready && !this.failed && waited < 20_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.ready;
  }

  get ready(): boolean {
    return !this.failed && Atomics.load(this.signal, 0) === 1;
  }

  /** Chunks of pairs the worker has compared so far. */
  get chunksCompared(): number {
    return Atomics.load(this.signal, 1);
  }

  /** A comparer for linkDataset, over this data set. */
  comparerFor(ds: Dataset): PairComparer {
    const comparisons = comparisonsFor(ds);
    const codec = new PatternCodec(comparisons);
    const here: ComparePairs = (left, right, count) => patternsOf(comparisons, codec, left, right, count);
    if (ds.size < this.minRecords || !this.ready) return { start: (l, r, n) => () => here(l, r, n) };
    this.worker.postMessage({ kind: 'dataset', snapshot: ds.snapshot() });
    return {
      start: (left, right, count) => {
        if (!this.ready) return () => here(left, right, count);
        const job = sharedPairJob(left, right, count);
        this.worker.postMessage({ kind: 'job', job });
        return () => finish(job, here);
      },
    };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
