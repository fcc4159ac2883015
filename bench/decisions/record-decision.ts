// Issue 16 point 3: recording a decision to share, with its disclosure grant, its alerts (half the
// shares are outside agreements) and its audit events, against a bare audited insert (one row and
// one audit event in one transaction), both at 16 in flight on PostgreSQL, taking turns so that
// anything else on the machine touches both alike. Target: the decision's p99 ≤ 2× the bare p99.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/decisions/record-decision.ts
//
// Appends one line (machine, load average at start and end, PostgreSQL, parameters, figures,
// target) to bench/results/decisions-record.jsonl.
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import { agreementFlowsInForce } from '../../src/domain/agreements/policy-generation.ts';
import { appendAuditEvent } from '../../src/domain/audit/append-audit-event.ts';
import { recordDecision, type DecisionDeps } from '../../src/domain/decisions/record-decision.ts';
import { seedDemoPartnership } from '../../src/domain/demo/seed-demo-partnership.ts';
import { installGatewayCatalogue } from '../../src/domain/gateways/install-gateway-catalogue.ts';
import { cachedFlowsInForce } from '../../src/domain/policy/policy-cache.ts';
import { systemClock } from '../../src/domain/shared/clock.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds } from '../../src/domain/shared/ids.ts';
import { actorByEmail } from '../../test/support/actors.ts';
import { org } from '../../test/support/northshire-flows.ts';
import { insertPeople, northshirePeople, people } from '../../test/support/northshire-people.ts';
import { describeMachine } from '../support/machine.ts';
import { createBenchDatabase } from '../support/postgres-database.ts';
import { postgresSettings } from '../support/postgres-settings.ts';
import { round, summariseLatencies } from '../support/stats.ts';

const parameters = {
  inFlight: 16,
  poolSize: 16,
  children: 400,
  warmUpPerWorker: 10,
  samplesPerWorker: 100,
  notes: [
    'Each of 16 workers alternates: record a decision to share (the council shares one child’s social care involvement; even samples with the trust, outside agreements, raising two DPO alerts; odd ones with the police, which an agreement in force carries), then a bare audited insert.',
    'A decision: parse, authorise (the holder’s own agency persons of the child), check the lawful basis against the catalogue, the flows in force (cached, as the server), the disclosure grant with its access.granted event, the decision row, decision.recorded, alerts with alert.raised; one transaction.',
    'Bare audited insert: one row into a one-index table and one audit event, in one transaction.',
  ],
};

async function main(): Promise<void> {
  const machine = describeMachine();
  const bench = await createBenchDatabase(parameters.poolSize);
  try {
    const db = bench.handle.db;
    const deps: DecisionDeps = {
      db,
      clock: systemClock,
      ids: randomIds,
      logger: silentLogger,
      flowsInForce: cachedFlowsInForce(agreementFlowsInForce),
      gateways: catalogueGatewayDirectory(db),
    };
    await installGatewayCatalogue(deps);
    await seedDemoPartnership(deps, { gateways: deps.gateways });
    const council = northshirePeople.find(
      (p) => p.personId === people.samTaylor && p.holder === org.childrensServices,
    )!;
    const children = Array.from({ length: parameters.children }, () => randomUUID());
    console.log(`  ${children.length} children held by the council ...`);
    await insertPeople(
      db,
      children.map((personId, i) => ({ ...council, personId, externalPersonId: `BENCH-${i}` })),
    );
    await db.execute(sql`create table bench_bare_write (id uuid primary key, at timestamptz not null)`);
    await bench.admin('vacuum analyze');
    await bench.admin('checkpoint');
    const actor = await actorByEmail(db, 'sam.patel@northshire.example');

    let n = 0;
    const decide = async () => {
      const k = n++;
      await recordDecision(deps, actor, {
        personId: children[k % children.length]!,
        purpose: k % 2 === 0 ? 'child_protection_conference' : 's47_enquiry',
        decision: 'share',
        recipientOrganisationId: k % 2 === 0 ? org.trust : org.police,
        fieldGroups: [{ group: 'social_care_involvement', justification: 'Needed for the meeting' }],
        lawfulBasis: ['UKGDPR-6-1-e'],
        method: 'secure_portal',
        reasons: 'The agencies involved bring their history',
        familyTold: 'yes',
      });
    };
    const bare = () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_bare_write values (${randomUUID()}, now())`);
        await appendAuditEvent(tx, {
          actor,
          action: 'demo.seeded',
          outcome: 'success',
          details: { organisations: 0, users: 0 },
        });
      });
    const decisionMs: number[] = [];
    const bareMs: number[] = [];
    const timed = async (work: () => Promise<unknown>, into: number[] | undefined) => {
      const start = performance.now();
      await work();
      into?.push(performance.now() - start);
    };
    const worker = async () => {
      for (let i = 0; i < parameters.warmUpPerWorker; i++) {
        await timed(decide, undefined);
        await timed(bare, undefined);
      }
      for (let i = 0; i < parameters.samplesPerWorker; i++) {
        await timed(decide, decisionMs);
        await timed(bare, bareMs);
      }
    };
    console.log(`  ${parameters.inFlight} in flight ...`);
    const started = performance.now();
    await Promise.all(Array.from({ length: parameters.inFlight }, worker));
    const elapsedS = (performance.now() - started) / 1000;
    const decision = summariseLatencies(decisionMs);
    const bareInsert = summariseLatencies(bareMs);
    const ratio = round(decision.p99Ms / bareInsert.p99Ms, 2);
    const line = {
      suite: 'decisions-record',
      at: new Date().toISOString(),
      commit: process.env.GIT_COMMIT ?? null,
      machine,
      loadAverage1mAtEnd: round(loadavg()[0]!, 2),
      serverVersion: bench.serverVersion,
      postgres: await postgresSettings(bench.url),
      parameters,
      results: { decision, bareAuditedInsert: bareInsert, p99Ratio: ratio, elapsedS: round(elapsedS, 1) },
      target: { name: 'decision p99 ≤ 2× bare audited insert p99', pass: ratio <= 2 },
    };
    await appendFile('bench/results/decisions-record.jsonl', `${JSON.stringify(line)}\n`);
    console.log(
      `decision p50 ${decision.p50Ms} ms p99 ${decision.p99Ms} ms; bare audited insert p50 ${bareInsert.p50Ms} ms p99 ${bareInsert.p99Ms} ms; ratio ${ratio} (${ratio <= 2 ? 'PASS' : 'FAIL'}); load ${String(machine.loadAverage1mAtStart)} → ${line.loadAverage1mAtEnd}`,
    );
  } finally {
    await bench.drop();
  }
}

await main();
