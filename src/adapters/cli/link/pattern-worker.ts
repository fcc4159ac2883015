import { parentPort, workerData } from 'node:worker_threads';
import { comparisonsFor, type Comparison } from '../../../domain/people/linkage/comparisons.ts';
import { Dataset, type DatasetSnapshot } from '../../../domain/people/linkage/dataset.ts';
import { PatternCodec } from '../../../domain/people/linkage/model.ts';
import { patternsOf } from '../../../domain/people/linkage/pair-levels.ts';

/**
 * Worker thread for `tessera link`: holds a copy of the data set and computes the pattern codes
 * of the pairs it is sent into shared memory, then raises its flag (see parallel-compare.ts).
 */
type Message =
  | { kind: 'dataset'; snapshot: DatasetSnapshot }
  | { kind: 'pairs'; left: Int32Array; right: Int32Array; out: SharedArrayBuffer };

const { flag } = workerData as { flag: SharedArrayBuffer };
const signal = new Int32Array(flag);
let comparisons: Comparison[] = [];
let codec: PatternCodec | undefined;

parentPort!.on('message', (message: Message) => {
  try {
    if (message.kind === 'dataset') {
      const ds = Dataset.fromSnapshot(message.snapshot);
      comparisons = comparisonsFor(ds);
      codec = new PatternCodec(comparisons);
      return;
    }
    const out = new Uint32Array(message.out);
    out.set(patternsOf(comparisons, codec!, message.left, message.right, message.left.length));
    Atomics.store(signal, 1, 1);
  } catch {
    Atomics.store(signal, 1, 2);
  }
  Atomics.notify(signal, 1);
});
Atomics.store(signal, 0, 1);
