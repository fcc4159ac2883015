import { performance } from 'node:perf_hooks';
import { perSecond, summariseLatencies, type LatencySummary } from '../support/stats.ts';

export interface WriterRun {
  readonly writers: number;
  readonly measuredS: number;
  /** Transactions that started and finished inside the measured window. */
  readonly transactions: number;
  readonly perSecond: number;
  readonly latency: LatencySummary;
}

/**
 * Runs `writers` loops of one transaction after another: a warm-up that is not counted, then a
 * measured window. Only transactions wholly inside the window count, so the rate is not flattered
 * by work started before it.
 */
export async function runWriters(options: {
  readonly writers: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly transaction: () => Promise<void>;
}): Promise<WriterRun> {
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const measureTo = measureFrom + options.measureMs;
  const latencies: number[] = [];
  const loop = async () => {
    for (;;) {
      const began = performance.now();
      if (began >= measureTo) return;
      await options.transaction();
      const ended = performance.now();
      if (began >= measureFrom && ended <= measureTo) latencies.push(ended - began);
    }
  };
  await Promise.all(Array.from({ length: options.writers }, loop));
  return {
    writers: options.writers,
    measuredS: options.measureMs / 1000,
    transactions: latencies.length,
    perSecond: perSecond(latencies.length, options.measureMs),
    latency: summariseLatencies(latencies),
  };
}
