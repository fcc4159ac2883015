import { loadavg } from 'node:os';
import fc from 'fast-check';
import { evaluateSituation } from '../../src/domain/decisions/evaluate-situation.ts';
import {
  concernFlags,
  consentStatuses,
  dataCategories,
  requestPurposes,
  requesterOrgTypes,
  settings,
  situationKinds,
  SituationSchema,
  type Situation,
} from '../../src/domain/decisions/situation.ts';
import { check, type BenchReport, type BenchSuite } from '../support/suite.ts';

const parameters = {
  engine: 'in process (no database)',
  situations: 1000,
  rounds: 15,
  evaluationsPerRound: 50_000,
  seed: 16,
  notes: [
    'Issue 16 point 1: evaluateSituation, the pure guidance engine, over 1000 situations generated with a fixed seed (every setting, kind, concern flag, requester, consent and data category, contradictory ones included), each parsed by the edge schema once beforehand, as the route does before calling the engine.',
    'Each round evaluates the situations in turn; the figure is the median of the rounds’ mean time per situation, after one warm-up round. The HTTP comparison of the issue is not measured here.',
  ],
};
const targetMicros = 20;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const situationArb = fc.record(
  {
    setting: fc.constantFrom(...settings),
    kind: fc.constantFrom(...situationKinds),
    child: maybe(
      fc.record(
        {
          age: fc.integer({ min: 0, max: 17 }),
          competent: fc.boolean(),
          onChildProtectionPlan: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    concern: maybe(
      fc.record(Object.fromEntries(concernFlags.map((f) => [f, fc.boolean()])), { requiredKeys: [] }),
    ),
    requester: maybe(
      fc.record(
        {
          orgType: fc.constantFrom(...requesterOrgTypes),
          identityVerified: fc.boolean(),
          purpose: fc.constantFrom(...requestPurposes),
          asksForWholeRecord: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    consent: maybe(
      fc.record(
        { status: fc.constantFrom(...consentStatuses), seekingWouldIncreaseRisk: fc.boolean() },
        { requiredKeys: [] },
      ),
    ),
    dataCategories: maybe(fc.uniqueArray(fc.constantFrom(...dataCategories))),
  },
  { requiredKeys: ['setting', 'kind'] },
);

export const suite: BenchSuite = {
  description: 'decisions: the guidance engine evaluates a situation in process',
  run(): Promise<BenchReport> {
    const situations: Situation[] = fc
      .sample(situationArb, { numRuns: parameters.situations, seed: parameters.seed })
      .map((s) => SituationSchema.parse(s));
    let sink = 0;
    const round = (): number => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < parameters.evaluationsPerRound; i++)
        sink += evaluateSituation(situations[i % situations.length]!, '2024').steps.length;
      return Number(process.hrtime.bigint() - started) / 1000 / parameters.evaluationsPerRound;
    };
    round();
    const means = Array.from({ length: parameters.rounds }, round).sort((a, b) => a - b);
    const median = means[Math.floor(means.length / 2)]!;
    const rounded = Math.round(median * 100) / 100;
    return Promise.resolve({
      // The machine is shared: the load beside the figure says how far to trust it.
      environment: { loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
      parameters,
      results: {
        medianMicrosPerSituation: rounded,
        fastestRoundMicros: Math.round(means[0]! * 100) / 100,
        slowestRoundMicros: Math.round(means.at(-1)! * 100) / 100,
        situationsPerSecond: Math.round(1e6 / median),
        stepsSeen: sink,
      },
      targets: [
        check(
          'evaluate in process',
          `≤ ${targetMicros} µs per situation`,
          `${rounded} µs`,
          median <= targetMicros,
        ),
      ],
      summary: [`median ${rounded} µs per situation (${Math.round(1e6 / median)} a second, one core)`],
    });
  },
};
