import { performance } from 'node:perf_hooks';
import { appendAuditEvent } from '../../src/domain/audit/append-audit-event.ts';
import { sealAuditEvents } from '../../src/domain/audit/seal-audit-events.ts';
import {
  generateSigningKeyPem,
  loadCheckpointSigner,
  type CheckpointSigner,
} from '../../src/domain/audit/signing-key.ts';
import { verifyAuditChain } from '../../src/domain/audit/verify-audit-chain.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import type { PartnershipId } from '../../src/domain/shared/ids.ts';
import { createBenchDatabase, type BenchDatabase } from '../support/postgres-database.ts';
import { perSecond, round, summariseLatencies } from '../support/stats.ts';
import { check, type BenchReport, type BenchSuite } from '../support/suite.ts';
import { eventStream, type AnyAuditEvent } from './events.ts';
import { fillAndSeal } from './fill-chain.ts';
import { createPlainTableSql, insertPlainEvent } from './plain-table.ts';
import { chainHeadSeq, sealerFigures, startSealerLoop } from './sealer-loop.ts';
import { runWriters } from './writers.ts';

/** Production defaults: TESSERA_CHECKPOINT_EVERY and the sealer's batch size. */
const parameters = {
  engine: 'postgres',
  writers: 8,
  poolSize: 10,
  warmupS: 2,
  measureS: 10,
  sealIntervalMs: 500,
  checkpointEvery: 10_000,
  sealBatchSize: 2000,
  verifyEvents: 1_000_000,
  fillChunk: 100_000,
  checkpointsTimed: 5,
  notes: [
    'Each append is its own transaction, with synchronous_commit as configured on the server. The targets are read from singleStatement (appendAuditEvent(db, event): one INSERT committed on its own, the durable cost the audit adds to an act that already has its own transaction); explicitTransaction wraps the same INSERT in BEGIN … COMMIT (three round trips) and is reported beside it.',
    'The plain baseline runs the same way in each mode, so chainedOverPlain prices tamper evidence alone.',
    'The sealer runs in the writers\u2019 process during the chained run, as a server runs it.',
    'A PostgreSQL CHECKPOINT runs before each timed phase; the filled tables are vacuum-analysed after sealing, as autovacuum would do.',
  ],
};

const targets = { appendsPerSecond: 4000, appendP99Ms: 10, verifyPerSecond: 170_000, checkpointMs: 1000 };

const writersPartnership = '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0a01' as PartnershipId;
const fillPartnership = '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01' as PartnershipId;

/**
 * How one append is committed. `single_statement` is the audit insert as its own transaction (one
 * round trip: the cost the audit design adds to an act, which already has its own transaction);
 * `explicit_transaction` wraps it in BEGIN … COMMIT (three round trips), the dearer figure.
 */
type CommitMode = 'single_statement' | 'explicit_transaction';

async function measureAppendMode(
  bench: BenchDatabase,
  mode: CommitMode,
  nextEvent: () => AnyAuditEvent,
  signer: CheckpointSigner,
) {
  const db = bench.handle.db;
  const writerOptions = { writers: parameters.writers, warmupMs: parameters.warmupS * 1000 };
  const measureMs = parameters.measureS * 1000;
  const commit =
    mode === 'single_statement'
      ? (write: (tx: Db) => Promise<void>) => write(db)
      : (write: (tx: Db) => Promise<void>) => db.transaction((tx) => write(tx));

  await bench.admin('checkpoint');
  const plain = await runWriters({
    ...writerOptions,
    measureMs,
    transaction: () => commit((tx) => insertPlainEvent(tx, nextEvent())),
  });

  await bench.admin('checkpoint');
  const headBefore = await chainHeadSeq(db, writersPartnership);
  const sealer = startSealerLoop(db, writersPartnership, {
    signer,
    checkpointEvery: parameters.checkpointEvery,
    intervalMs: parameters.sealIntervalMs,
  });
  const chained = await runWriters({
    ...writerOptions,
    measureMs,
    transaction: () => commit((tx) => appendAuditEvent(tx, nextEvent())),
  });
  const runs = await sealer.stop();
  const sealing = await sealerFigures(db, writersPartnership, runs, headBefore);
  // Everything appended must end up chained and verify: the speed is worth nothing otherwise.
  const drained = await sealAuditEvents(db, writersPartnership, {
    signer,
    checkpointEvery: parameters.checkpointEvery,
    forceCheckpoint: true,
  });
  const verified = await verifyAuditChain(db, writersPartnership, signer);
  if (verified.problem || verified.pendingEvents !== 0) {
    throw new Error(`the concurrently sealed chain does not verify: ${JSON.stringify(verified)}`);
  }
  return {
    chained,
    plain,
    chainedOverPlain: round(chained.perSecond / plain.perSecond),
    sealerDuringAppends: {
      ...sealing,
      sealedAfterWritersStopped: drained.sealed,
      chainVerified: verified.verifiedEvents,
    },
  };
}

async function measureAppends(bench: BenchDatabase) {
  await bench.admin(createPlainTableSql);
  const nextEvent = eventStream(writersPartnership);
  // One partnership, one key: the second run's events extend the first run's chain.
  const signer = loadCheckpointSigner(generateSigningKeyPem());
  const singleStatement = await measureAppendMode(bench, 'single_statement', nextEvent, signer);
  const explicitTransaction = await measureAppendMode(bench, 'explicit_transaction', nextEvent, signer);
  return { singleStatement, explicitTransaction };
}

async function measureVerification(bench: BenchDatabase) {
  const db = bench.handle.db;
  const signer = loadCheckpointSigner(generateSigningKeyPem());
  await bench.admin('checkpoint');
  const fill = await fillAndSeal(db, fillPartnership, {
    events: parameters.verifyEvents,
    chunk: parameters.fillChunk,
    signer,
    checkpointEvery: parameters.checkpointEvery,
    afterInsert: async () => {
      await bench.admin('analyze audit_event');
    },
  });
  await bench.admin('vacuum analyze audit_event');
  await bench.admin('vacuum analyze audit_chain');
  await bench.admin('checkpoint');

  const started = performance.now();
  const full = await verifyAuditChain(db, fillPartnership, signer);
  const fullMs = performance.now() - started;
  if (full.problem || full.verifiedEvents !== fill.events) {
    throw new Error(`the filled chain does not verify: ${JSON.stringify(full)}`);
  }

  const listed = await bench.admin(
    `select seq_from, seq_to from audit_checkpoint where partnership_id = '${fillPartnership}' order by seq_to`,
  );
  const all = listed.rows as { seq_from: string; seq_to: string }[];
  const picked = Array.from(
    { length: parameters.checkpointsTimed },
    (_, i) => all[Math.floor(((i + 0.5) * all.length) / parameters.checkpointsTimed)]!,
  );
  const checkpointTimes: number[] = [];
  let checkpointEvents = 0;
  for (const c of picked) {
    const range = { fromSeq: Number(c.seq_from), toSeq: Number(c.seq_to) };
    const began = performance.now();
    const one = await verifyAuditChain(db, fillPartnership, signer, range);
    checkpointTimes.push(performance.now() - began);
    if (one.problem || one.checkpointsVerified !== 1) {
      throw new Error(`checkpoint ${range.fromSeq}-${range.toSeq} does not verify: ${JSON.stringify(one)}`);
    }
    checkpointEvents = Math.max(checkpointEvents, one.verifiedEvents);
  }
  return {
    fill,
    fullVerification: {
      events: full.verifiedEvents,
      checkpointsVerified: full.checkpointsVerified,
      seconds: round(fullMs / 1000),
      eventsPerSecond: perSecond(full.verifiedEvents, fullMs),
    },
    oneCheckpoint: {
      eventsPerCheckpoint: checkpointEvents,
      timed: picked.map((c) => `${c.seq_from}-${c.seq_to}`),
      ...summariseLatencies(checkpointTimes),
    },
  };
}

export const suite: BenchSuite = {
  description: 'audit appends (8 writers, chained vs plain), sealing, full and checkpoint verification',
  async run(): Promise<BenchReport> {
    const bench = await createBenchDatabase(parameters.poolSize);
    try {
      console.log(
        `database ${bench.name}: measuring appends (${parameters.warmupS}+${parameters.measureS} s each)`,
      );
      const appends = await measureAppends(bench);
      console.log(`filling and sealing ${parameters.verifyEvents} events, then verifying`);
      const verification = await measureVerification(bench);
      const { chained, plain } = appends.singleStatement;
      const explicit = appends.explicitTransaction;
      const { fullVerification: full, oneCheckpoint } = verification;
      return {
        environment: { database: bench.serverVersion },
        parameters,
        results: { appends, verification },
        targets: [
          check(
            'appends/s, 8 writers',
            `≥ ${targets.appendsPerSecond}`,
            String(chained.perSecond),
            chained.perSecond >= targets.appendsPerSecond,
          ),
          check(
            'append p99',
            `< ${targets.appendP99Ms} ms`,
            `${chained.latency.p99Ms} ms`,
            chained.latency.p99Ms < targets.appendP99Ms,
          ),
          check(
            'full verification',
            `≥ ${targets.verifyPerSecond} events/s`,
            `${full.eventsPerSecond} events/s`,
            full.eventsPerSecond >= targets.verifyPerSecond,
          ),
          check(
            'one checkpoint',
            `< ${targets.checkpointMs} ms`,
            `${oneCheckpoint.maxMs} ms (slowest of ${oneCheckpoint.count})`,
            oneCheckpoint.maxMs < targets.checkpointMs,
          ),
        ],
        summary: [
          `appends, chained: ${chained.perSecond}/s  p50 ${chained.latency.p50Ms} ms  p95 ${chained.latency.p95Ms} ms  p99 ${chained.latency.p99Ms} ms`,
          `appends, plain:   ${plain.perSecond}/s  p50 ${plain.latency.p50Ms} ms  p95 ${plain.latency.p95Ms} ms  p99 ${plain.latency.p99Ms} ms`,
          `chained/plain: ${appends.singleStatement.chainedOverPlain}`,
          `sealer during appends: ${appends.singleStatement.sealerDuringAppends.eventsSealed} events in ${appends.singleStatement.sealerDuringAppends.runs} runs; lag p50 ${appends.singleStatement.sealerDuringAppends.lag.p50Ms} ms, p99 ${appends.singleStatement.sealerDuringAppends.lag.p99Ms} ms, max ${appends.singleStatement.sealerDuringAppends.lag.maxMs} ms`,
          `inside BEGIN…COMMIT, chained: ${explicit.chained.perSecond}/s  p99 ${explicit.chained.latency.p99Ms} ms; plain: ${explicit.plain.perSecond}/s  p99 ${explicit.plain.latency.p99Ms} ms; chained/plain ${explicit.chainedOverPlain}`,
          `bulk insert: ${verification.fill.events} events at ${verification.fill.insertPerSecond}/s; sealing at ${verification.fill.sealPerSecond}/s (${verification.fill.checkpoints} checkpoints)`,
          `full verification: ${full.events} events in ${full.seconds} s = ${full.eventsPerSecond} events/s`,
          `one checkpoint (${oneCheckpoint.eventsPerCheckpoint} events): p50 ${oneCheckpoint.p50Ms} ms, max ${oneCheckpoint.maxMs} ms`,
        ],
      };
    } finally {
      await bench.drop();
    }
  },
};
