import { check, type BenchSuite } from '../support/suite.ts';
import { round, summariseLatencies } from '../support/stats.ts';
import { runStartupBench } from './startup-bench.ts';

export const suite: BenchSuite = {
  description: '`tessera serve` (npm start) until the sign-in page is served, on the embedded database',
  async run() {
    const runs = 3;
    const r = await runStartupBench(runs);
    const first = summariseLatencies(r.firstStartMs);
    const restart = summariseLatencies(r.restartMs);
    const baseline = summariseLatencies(r.baselineNodeMs);
    return {
      environment: {},
      parameters: {
        runs,
        database: 'pglite',
        firstStart: 'empty data folder: create, migrate, seed the demo',
      },
      results: {
        firstStart: first,
        restart,
        baselineBareNode: baseline,
        firstStartOverBareNode: round(first.p50Ms / baseline.p50Ms, 1),
      },
      targets: [
        check(
          'first start serves the sign-in page',
          '< 10,000 ms (worst run)',
          `${Math.round(first.maxMs)} ms`,
          first.maxMs < 10_000,
        ),
      ],
      summary: [
        `first start: median ${Math.round(first.p50Ms)} ms, worst ${Math.round(first.maxMs)} ms`,
        `restart: median ${Math.round(restart.p50Ms)} ms; bare Node server: median ${Math.round(baseline.p50Ms)} ms`,
      ],
    };
  },
};
