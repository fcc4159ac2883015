/**
 * Pairs to compare, in shared memory, so two threads can each take chunks of them until none
 * are left: whichever thread is free does the next chunk, so neither waits for the other while
 * work remains. Every pair's pattern code is pure, so the result does not depend on who did it.
 */
export interface SharedPairJob {
  left: Int32Array;
  right: Int32Array;
  out: Uint32Array;
  /** [next chunk to claim, chunks done, 1 when a thread failed] */
  control: Int32Array;
  count: number;
}

export type ComparePairs = (left: Int32Array, right: Int32Array, count: number) => Uint32Array;

const NEXT = 0;
const DONE = 1;
const FAILED = 2;
/** Small enough to balance the two threads' finishing times, large enough to cost little to claim. */
const CHUNK = 8192;

function shared<T extends Int32Array | Uint32Array>(
  make: new (buffer: SharedArrayBuffer) => T,
  length: number,
): T {
  return new make(new SharedArrayBuffer(Math.max(1, length) * 4));
}

export function sharedPairJob(left: Int32Array, right: Int32Array, count: number): SharedPairJob {
  const job = {
    left: shared(Int32Array, count),
    right: shared(Int32Array, count),
    out: shared(Uint32Array, count),
    control: shared(Int32Array, 3),
    count,
  };
  job.left.set(left.subarray(0, count));
  job.right.set(right.subarray(0, count));
  return job;
}

const chunksOf = (job: SharedPairJob) => Math.ceil(job.count / CHUNK);

/** Claims and compares chunks of the job until none is left to claim; returns how many it did. */
export function workOn(job: SharedPairJob, compare: ComparePairs): number {
  const chunks = chunksOf(job);
  let did = 0;
  try {
    for (let c = Atomics.add(job.control, NEXT, 1); c < chunks; c = Atomics.add(job.control, NEXT, 1)) {
      const from = c * CHUNK;
      const to = Math.min(job.count, from + CHUNK);
      job.out.set(compare(job.left.subarray(from, to), job.right.subarray(from, to), to - from), from);
      Atomics.add(job.control, DONE, 1);
      Atomics.notify(job.control, DONE);
      did++;
    }
    return did;
  } catch (error) {
    Atomics.store(job.control, FAILED, 1);
    Atomics.notify(job.control, DONE);
    throw error;
  }
}

/**
 * Helps with the job, then waits for the chunks the other thread claimed. If the other thread
 * failed, or has not finished within `timeoutMs` (bounded, so a lost thread cannot hang the
 * command), this thread compares every pair itself. Returns the pattern codes.
 */
export function finish(job: SharedPairJob, compare: ComparePairs, timeoutMs = 600_000): Uint32Array {
  workOn(job, compare);
  const chunks = chunksOf(job);
  const deadline = performance.now() + timeoutMs;
  for (let done = Atomics.load(job.control, DONE); done < chunks; done = Atomics.load(job.control, DONE)) {
    const left = deadline - performance.now();
    if (Atomics.load(job.control, FAILED) === 1 || left <= 0) return compare(job.left, job.right, job.count);
    Atomics.wait(job.control, DONE, done, left);
  }
  return job.out.subarray(0, job.count);
}
