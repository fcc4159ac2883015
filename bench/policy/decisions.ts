import { performance } from 'node:perf_hooks';
import { compilePolicy } from '../../src/domain/policy/compile-policy.ts';
import { decideFieldGroup, decideWithPolicy } from '../../src/domain/policy/decide-access.ts';
import { fieldGroups } from '../../src/domain/policy/field-groups.ts';
import { round } from '../support/stats.ts';
import { caslAbilityFactory, caslAllows } from './casl-baseline.ts';
import { benchFlows, benchRequests, organisationIds, type BenchRequest } from './partnership.ts';

export interface DecisionFigures {
  readonly perSecond: number;
  readonly nsPerDecision: number;
  readonly rounds: readonly number[];
}

/**
 * Runs `body` over the request array for about `ms` milliseconds, `rounds` times after a
 * warm-up, and keeps the median rate: one core (JavaScript runs on one thread), no allocation
 * of requests inside the loop.
 */
function measure(
  requests: readonly BenchRequest[],
  body: (r: BenchRequest) => boolean,
  options: { warmupMs: number; ms: number; rounds: number },
): DecisionFigures & { allowed: number } {
  const run = (ms: number) => {
    let n = 0;
    let allowed = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < requests.length; i += 1) if (body(requests[i]!)) allowed += 1;
      n += requests.length;
      elapsed = performance.now() - started;
    }
    return { rate: (n / elapsed) * 1000, allowed, n };
  };
  run(options.warmupMs);
  const rates: number[] = [];
  let allowedShare = 0;
  for (let i = 0; i < options.rounds; i += 1) {
    const r = run(options.ms);
    rates.push(Math.round(r.rate));
    allowedShare = r.allowed / r.n;
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
  return {
    perSecond: median,
    nsPerDecision: round(1e9 / median, 1),
    rounds: rates,
    allowed: round(allowedShare, 3),
  };
}

export function measureDecisions(options: {
  warmupMs: number;
  ms: number;
  rounds: number;
  requests: number;
}) {
  const now = new Date('2026-11-02T09:00:00Z');
  const atMs = now.getTime();
  const flows = benchFlows(now);
  const requests = benchRequests(flows, options.requests);

  const compileStarted = performance.now();
  const policy = compilePolicy(flows);
  const compileUs = round((performance.now() - compileStarted) * 1000, 1);
  const ability = caslAbilityFactory(flows);

  // The baseline must say the same as the decision, or comparing their speed means nothing.
  const reasons: Record<string, number> = {};
  for (const r of requests) {
    const d = decideFieldGroup(policy, r.actor, r.purpose, r.holder, r.fieldGroup, atMs);
    reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    if ((d.outcome === 'allow') !== caslAllows(ability(r.actor), r, atMs)) {
      throw new Error(`CASL and the compiled decision disagree on ${JSON.stringify(r)}`);
    }
  }

  const compiled = measure(
    requests,
    (r) => decideFieldGroup(policy, r.actor, r.purpose, r.holder, r.fieldGroup, atMs).outcome === 'allow',
    options,
  );
  const casl = measure(requests, (r) => caslAllows(ability(r.actor), r, atMs), options);

  // A read as the scoped reader sees it: 5 holders × all 15 field groups in one call.
  const holders = organisationIds.slice(0, 5);
  const batchRequests = requests.filter((_, i) => i % fieldGroups.length === 0);
  const batch = measure(
    batchRequests,
    (r) =>
      decideWithPolicy(policy, { actor: r.actor, purpose: r.purpose, holders, fieldGroups, at: now }).length >
      0,
    options,
  );
  const perBatch = holders.length * fieldGroups.length;

  return {
    partnership: {
      organisations: organisationIds.length,
      agreements: new Set(flows.map((f) => f.agreementId)).size,
      flows: flows.length,
      purposesCovered: new Set(flows.flatMap((f) => f.purposes)).size,
      fieldGroupsCovered: new Set(flows.flatMap((f) => f.fieldGroups)).size,
    },
    compileMicroseconds: compileUs,
    requests: requests.length,
    outcomes: reasons,
    compiled,
    casl,
    compiledOverCasl: round(compiled.perSecond / casl.perSecond, 1),
    batchOfFieldGroups: {
      decisionsPerCall: perBatch,
      callsPerSecond: batch.perSecond,
      decisionsPerSecond: batch.perSecond * perBatch,
      nsPerDecision: round(1e9 / (batch.perSecond * perBatch), 1),
    },
  };
}
