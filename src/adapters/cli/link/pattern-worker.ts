import { parentPort, workerData } from 'node:worker_threads';
import { comparisonsFor } from '../../../domain/people/linkage/comparisons.ts';
import { Dataset, type DatasetSnapshot } from '../../../domain/people/linkage/dataset.ts';
import { PatternCodec } from '../../../domain/people/linkage/model.ts';
import { patternsOf } from '../../../domain/people/linkage/pair-levels.ts';
import { workOn, type ComparePairs, type SharedPairJob } from './shared-pair-job.ts';

/**
 * Worker thread for `tessera link`: holds a copy of the data set and takes chunks of each job
 * of pairs it is sent, in the order sent, alongside the main thread (see parallel-compare.ts).
 */
type Message = { kind: 'dataset'; snapshot: DatasetSnapshot } | { kind: 'job'; job: SharedPairJob };

const { flag } = workerData as { flag: SharedArrayBuffer };
/** [1 once loaded, chunks of pairs compared here] */
const state = new Int32Array(flag);
let compare: ComparePairs | undefined;

parentPort!.on('message', (message: Message) => {
  if (message.kind === 'dataset') {
    const ds = Dataset.fromSnapshot(message.snapshot);
    const comparisons = comparisonsFor(ds);
    const codec = new PatternCodec(comparisons);
    compare = (left, right, count) => patternsOf(comparisons, codec, left, right, count);
    return;
  }
  try {
    if (compare) Atomics.add(state, 1, workOn(message.job, compare));
  } catch {
    // workOn has raised the job's failed flag: the main thread compares the pairs itself.
  }
});
Atomics.store(state, 0, 1);
