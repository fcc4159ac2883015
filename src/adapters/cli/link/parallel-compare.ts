import { Worker } from 'node:worker_threads';
import { comparisonsFor } from '../../../domain/people/linkage/comparisons.ts';
import type { Dataset } from '../../../domain/people/linkage/dataset.ts';
import { PatternCodec } from '../../../domain/people/linkage/model.ts';
import { patternsOf } from '../../../domain/people/linkage/pair-levels.ts';

/** Below this many records one thread is faster than copying the data set to a second. */
const PARALLEL_FROM = 200_000;

/**
 * A second thread for the heaviest step of batch linkage, comparing pairs. It is started
 * before the files are read, so its start-up overlaps the reading. Each batch of pairs is split
 * in two: the worker takes the second half into shared memory while this thread does the
 * first, then waits on a shared flag. If the worker is not ready, or fails, this thread simply
 * does all the pairs itself, so the result never depends on the worker.
 */
export class PairWorker {
  private readonly flag = new SharedArrayBuffer(8);
  private readonly signal = new Int32Array(this.flag);
  private readonly worker: Worker;
  private failed = false;

  constructor(private readonly minRecords = PARALLEL_FROM) {
    // tsx runs this program's TypeScript; a worker thread needs it registered too.
    const tsx = import.meta.resolve('tsx/esm/api');
    const script = new URL('./pattern-worker.ts', import.meta.url).href;
    this.worker = new Worker(
      `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); })`,
      { eval: true, workerData: { flag: this.flag } },
    );
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

  /** A comparePairs for linkDataset, over this data set. */
  comparerFor(ds: Dataset): (left: Int32Array, right: Int32Array, count: number) => Uint32Array {
    const comparisons = comparisonsFor(ds);
    const codec = new PatternCodec(comparisons);
    const here = (left: Int32Array, right: Int32Array, count: number) =>
      patternsOf(comparisons, codec, left, right, count);
    if (ds.size < this.minRecords || !this.ready) return here;
    this.worker.postMessage({ kind: 'dataset', snapshot: ds.snapshot() });
    return (left, right, count) => {
      const mid = count >> 1;
      if (!this.ready || count - mid < 1_000) return here(left, right, count);
      const out = new SharedArrayBuffer((count - mid) * 4);
      Atomics.store(this.signal, 1, 0);
      this.worker.postMessage({
        kind: 'pairs',
        left: left.slice(mid, count),
        right: right.slice(mid, count),
        out,
      });
      const first = here(left, right, mid);
      // Wait for the worker's half (bounded, so a lost worker cannot hang the command).
      Atomics.wait(this.signal, 1, 0, 600_000);
      if (Atomics.load(this.signal, 1) !== 1) {
        this.failed = true;
        return here(left, right, count);
      }
      const all = new Uint32Array(count);
      all.set(first);
      all.set(new Uint32Array(out), mid);
      return all;
    };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
