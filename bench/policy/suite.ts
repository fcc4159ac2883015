import { createBenchDatabase } from '../support/postgres-database.ts';
import { check, type BenchReport, type BenchSuite } from '../support/suite.ts';
import { measureDecisions } from './decisions.ts';
import { measureReads } from './reads.ts';

const parameters = {
  decisions: { warmupMs: 1000, ms: 2000, rounds: 5, requests: 1 << 16 },
  reads: {
    engine: 'postgres',
    subjects: 100_000,
    records: 1_000_000,
    chunk: 100_000,
    warmup: 500,
    samples: 5000,
  },
  notes: [
    'Decisions: one core (one JavaScript thread); random requests over a seeded partnership of 40 organisations, 12 agreements and 60 flows covering all 11 purposes and 15 field groups; the compiled policy is built once, as the scoped reader does per read.',
    'Baseline: the same rule with @casl/ability (createMongoAbility, field rules per field group, conditions on holder, purpose and validity window), one ability per organisation and role, built once and cached; it answers yes/no, the compiled decision also names the flow or the reason. Both give the same answer on every request (checked before timing).',
    'Reads: one client, samples interleaved (bare, audited floor, and the scoped reader four ways). Bare = the indexed select of one subject. Scoped = createScopedReader(...).readSubjectRecords: a transaction, the compiled policy, the scope-filtered select with holder names, a decision per pair, the words, and the subject.viewed audit insert (or access.denied and not found).',
    'The measured configuration (scopedRealCached, the target) is the server’s: the bench flows written as agreements in the agreements tables (a Tier 1 and 12 Tier 2), read through findFlowsInForce behind cachedFlowsInForce: the cached compiled policy is used when the partnership’s agreement generation, read in the records query itself, is the one it was built from (no extra round trip). Beside it: the same source with no cache (findFlowsInForce and a compile on every read), the flows held in memory (scoped), and in memory plus one select 1 round trip (scopedWithFlowsQuery). All four disclose the same records (checked on 200 reads before timing).',
  ],
};

const targets = { decisionNs: 1000, addedP99Ms: 2 };

export const suite: BenchSuite = {
  description:
    'policy: field-group decisions per second (compiled vs CASL) and the scoped reader’s added latency on PostgreSQL',
  async run(): Promise<BenchReport> {
    console.log('decisions: compiled policy and CASL baseline');
    const decisions = measureDecisions(parameters.decisions);
    const bench = await createBenchDatabase(2);
    try {
      console.log(`database ${bench.name}: filling ${parameters.reads.records} records, then timing reads`);
      const reads = await measureReads(bench, parameters.reads);
      const { compiled, casl } = decisions;
      return {
        environment: { database: bench.serverVersion },
        parameters,
        results: { decisions, reads },
        targets: [
          check(
            'one field-group decision',
            `≤ ${targets.decisionNs} ns (≥ 1M/s)`,
            `${compiled.nsPerDecision} ns (${compiled.perSecond}/s)`,
            compiled.nsPerDecision <= targets.decisionNs,
          ),
          check(
            'scoped reader added p99 (agreements through the policy cache)',
            `≤ ${targets.addedP99Ms} ms`,
            `${reads.addedP99Ms} ms`,
            reads.addedP99Ms <= targets.addedP99Ms,
          ),
        ],
        summary: [
          `decisions: compiled ${compiled.perSecond}/s (${compiled.nsPerDecision} ns), CASL ${casl.perSecond}/s (${casl.nsPerDecision} ns): ${decisions.compiledOverCasl}× faster`,
          `batch of ${decisions.batchOfFieldGroups.decisionsPerCall}: ${decisions.batchOfFieldGroups.nsPerDecision} ns per decision; compile ${decisions.compileMicroseconds} µs`,
          `bare read: p50 ${reads.bare.p50Ms} ms, p99 ${reads.bare.p99Ms} ms`,
          `scoped read, agreements through the policy cache: p50 ${reads.scopedRealCached.p50Ms} ms, p99 ${reads.scopedRealCached.p99Ms} ms (added p99 ${reads.addedP99Ms} ms)`,
          `scoped read, agreements queried and compiled each read: p99 ${reads.scopedRealUncached.p99Ms} ms (added p99 ${reads.addedP99RealUncachedMs} ms)`,
          `scoped read, flows in memory: p50 ${reads.scoped.p50Ms} ms, p99 ${reads.scoped.p99Ms} ms (added p99 ${reads.addedP99InMemoryMs} ms)`,
          `scoped read, in memory + one round trip: p99 ${reads.scopedWithFlowsQuery.p99Ms} ms (added p99 ${reads.addedP99WithFlowsQueryMs} ms)`,
          `audited floor (select + audit insert, no policy): added p99 ${reads.auditFloorAddedP99Ms} ms; the cached reader over that floor: p50 ${reads.policyOverAuditFloorP50Ms} ms, p99 ${reads.policyOverAuditFloorP99Ms} ms`,
          `not found: ${reads.notFoundShare}; records shown per read: ${reads.meanRecordsShown} of ${reads.recordsPerSubject}`,
        ],
      };
    } finally {
      await bench.drop();
    }
  },
};
