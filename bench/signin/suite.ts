import { round } from '../support/stats.ts';
import { check, type BenchSuite } from '../support/suite.ts';
import { runSignInTimingBench } from './signin-bench.ts';

export const suite: BenchSuite = {
  description: 'sign-in answer time: unknown account against wrong password (account enumeration by timing)',
  async run() {
    const r = await runSignInTimingBench(60);
    const inRange = r.ratio >= 0.85 && r.ratio <= 1.15;
    return {
      environment: {},
      parameters: {
        samples: r.samples,
        database: 'pglite (in process)',
        order: 'interleaved after a warm-up',
      },
      results: {
        unknownAccountMedianMs: round(r.unknownAccountMedianMs),
        wrongPasswordMedianMs: round(r.wrongPasswordMedianMs),
        unknownOverWrong: round(r.ratio),
      },
      targets: [
        check(
          'unknown account / wrong password median time',
          '0.85 to 1.15',
          round(r.ratio).toFixed(3),
          inRange,
        ),
      ],
      summary: [
        `unknown account: median ${round(r.unknownAccountMedianMs, 1)} ms; wrong password: median ${round(r.wrongPasswordMedianMs, 1)} ms`,
      ],
    };
  },
};
