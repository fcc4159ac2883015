import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase } from '../../src/adapters/db/migrate-database.ts';
import { openDatabase, type DatabaseHandle } from '../../src/adapters/db/open-database.ts';
import { pgBossJobQueue } from '../../src/adapters/jobs/pg-boss-job-queue.ts';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import { DEMO_PASSWORD, demoPartnership } from '../../src/domain/demo/northshire.ts';
import { seedDemoPartnership } from '../../src/domain/demo/seed-demo-partnership.ts';
import { installGatewayCatalogue } from '../../src/domain/gateways/install-gateway-catalogue.ts';
import { SignInRateLimiter } from '../../src/domain/identity/rate-limiter.ts';
import { resolveSession } from '../../src/domain/identity/resolve-session.ts';
import { signIn } from '../../src/domain/identity/sign-in.ts';
import { staticFlowsInForce, type PolicyDeps } from '../../src/domain/policy/flows-in-force-source.ts';
import { fixedClock } from '../../src/domain/shared/clock.ts';
import { queryRows } from '../../src/domain/shared/database.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { jobCatalogue } from '../../src/domain/shared/job-queue.ts';
import { randomIds } from '../../src/domain/shared/ids.ts';
import { getChildView } from '../../src/domain/view/get-child-view.ts';
import { appendReadAuditEvent } from '../../src/domain/audit/group-commit-writer.ts';
import { actorByEmail } from '../support/actors.ts';
import { northshireFlows } from '../support/northshire-flows.ts';
import { insertPeople, people } from '../support/northshire-people.ts';
import { citusUnavailable, startCitusCluster, type CitusCluster } from './citus-cluster.ts';
import { distributeTables, referenceTables, type DistributionReport } from './distribute-tables.ts';

/**
 * DESIGN.md section 5: Tessera scales out on Citus, each partnership a shard key. This suite
 * starts a real coordinator and two workers, runs the migrations on the coordinator, distributes
 * every table by the plan in distribute-tables.ts, then seeds Northshire and reads a child's
 * view through the real scoped reader, so any SQL the code grows that Citus cannot run fails
 * here. It takes about a minute; each stage's time is printed as a diagnostic.
 */
const unavailable = citusUnavailable();

describe('Tessera on a Citus cluster', { skip: unavailable ?? false }, () => {
  let cluster: CitusCluster | undefined;
  let handle: DatabaseHandle | undefined;
  let deps: PolicyDeps;
  let report: DistributionReport;
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[stage] = Math.round(performance.now() - started);
    return result;
  };

  before(async () => {
    cluster = await timed('start cluster', startCitusCluster);
    handle = await openDatabase({ kind: 'postgres', url: cluster.url, poolSize: 4 });
    await timed('migrate', () => migrateDatabase(handle!));
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      report = await timed('distribute', () => distributeTables(admin));
    } finally {
      await admin.end();
    }
    deps = {
      db: handle.db,
      clock: fixedClock(new Date('2026-11-02T09:00:00Z')),
      ids: randomIds,
      logger: silentLogger,
      flowsInForce: staticFlowsInForce(northshireFlows),
    };
    // Seeded after distribution, through the same use cases an administrator uses, so every
    // write (and every trigger it fires) runs on the shards.
    await timed('seed', async () => {
      await installGatewayCatalogue(deps);
      await seedDemoPartnership(deps, { gateways: catalogueGatewayDirectory(deps.db) });
      await insertPeople(deps.db);
    });
  });

  after(async () => {
    await handle?.close();
    await timed('stop cluster', async () => cluster?.stop());
    // What the suite costs CI, stage by stage (the CI budget is 90 minutes for everything).
    console.log(`# citus stage times (ms): ${JSON.stringify(timings)}`);
  });

  test('every table is distributed on partnership_id and colocated with partnership, or is a reference table', async () => {
    const tables = await queryRows<{ name: string; kind: string; column: string | null; colocation: string }>(
      deps.db,
      sql`select table_name::text as name, citus_table_type as kind,
                 nullif(distribution_column, '<none>') as column, colocation_id::text as colocation
          from citus_tables order by 1`,
    );
    const partnership = tables.find((t) => t.name === 'partnership');
    assert.deepEqual(
      { kind: partnership?.kind, column: partnership?.column },
      { kind: 'distributed', column: 'id' },
    );
    const reference = tables.filter((t) => t.kind === 'reference').map((t) => t.name);
    assert.deepEqual(reference.sort(), [...referenceTables].sort());
    const misplaced = tables
      .filter((t) => t.kind === 'distributed' && t.name !== 'partnership')
      .filter((t) => t.column !== 'partnership_id' || t.colocation !== partnership?.colocation)
      .map((t) => t.name);
    assert.deepEqual(misplaced, []);
    const local = await queryRows<{ name: string }>(
      deps.db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and not exists (select 1 from citus_tables t where t.table_name = c.oid)`,
    );
    assert.deepEqual(local, [], 'no table is left on the coordinator alone');
    assert.ok(report.distributed.includes('app_user') && report.distributed.includes('user_session'));
  });

  test("the job queue's tables stay on the coordinator, and a job is sent, fetched and completed there", async () => {
    // pg-boss's schema is not tenant data: jobs are the platform's work, fetched with
    // FOR UPDATE SKIP LOCKED, which Citus does not run on distributed tables. Its tables stay
    // local to the coordinator, which every instance of the server connects to.
    const placed = await queryRows<{ name: string }>(
      deps.db,
      sql`select table_name::text as name from citus_tables where table_name::text like 'pgboss.%'`,
    );
    assert.deepEqual(placed, []);
    const jobs = pgBossJobQueue(handle!, jobCatalogue, {
      logger: silentLogger,
      pollIntervalMs: 20,
      maintenance: false,
    });
    await jobs.start();
    try {
      const id = await jobs.send('agreements.review-reminders', { day: '2026-11-02' });
      const ran: string[] = [];
      jobs.work('agreements.review-reminders', async (data) => {
        ran.push(data.day);
      });
      const state = async () =>
        (
          await queryRows<{ state: string }>(
            deps.db,
            sql`select state::text from pgboss.job where id = ${id}::uuid`,
          )
        )[0]?.state;
      for (let tries = 0; (await state()) !== 'completed'; tries++) {
        assert.ok(tries < 500, 'the job ran');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.deepEqual(ran, ['2026-11-02']);
    } finally {
      await jobs.stop();
    }
  });

  test('every foreign key is made again on the distributed tables, and an orphan is refused on the shards', async () => {
    const keys = await queryRows<{ name: string }>(
      deps.db,
      // The tables, not their shards: a reference table has a placement on the coordinator too.
      sql`select c.conname as name from pg_constraint c
          where c.contype = 'f' and c.conrelid in (select table_name from citus_tables) order by 1`,
    );
    assert.ok(report.foreignKeys.length > 40, 'the migrated schema has its foreign keys');
    assert.deepEqual(
      keys.map((k) => k.name),
      [...report.foreignKeys].sort(),
    );
    // A record held by an organisation Northshire does not have: refused on the shard, as on one
    // PostgreSQL (test/foreign-keys.test.ts).
    await assert.rejects(
      deps.db.execute(
        sql`insert into subject_record (partnership_id, id, subject_id, organisation_id, field_group, kind,
              payload, recorded_at, fact_or_opinion, source_reference)
            values (${demoPartnership.id}, gen_random_uuid(), 'sam-taylor', gen_random_uuid(), 'police_incidents',
              'police_incident', '{}', now(), 'fact', 'orphan')`,
      ),
      (error: Error) => (error.cause as { code?: string })?.code === '23503',
    );
  });

  test("the agreement triggers still hold on the shards, within Northshire's own rows", async () => {
    const [signatures] = await queryRows<{ n: number }>(
      deps.db,
      sql`select count(*)::int as n from agreement_signature where partnership_id = ${demoPartnership.id}`,
    );
    assert.ok(signatures!.n > 0, 'the demo agreements were signed on the shards');
    await assert.rejects(
      deps.db.execute(sql`delete from agreement_signature where partnership_id = ${demoPartnership.id}`),
      (error: Error) =>
        /signatures are never changed or removed/.test(String((error.cause as Error)?.message)),
    );
    const [generation] = await queryRows<{ generation: number }>(
      deps.db,
      sql`select generation::int from agreement_policy_generation where partnership_id = ${demoPartnership.id}`,
    );
    assert.ok(generation!.generation > 0, "each agreement change bumped the partnership's policy generation");
  });

  test('Sam Patel signs in by email and his session is found again on Northshire’s shard', async () => {
    const signedIn = await signIn(
      { ...deps, rateLimiter: new SignInRateLimiter(deps.clock) },
      { email: 'sam.patel@northshire.example', password: DEMO_PASSWORD, address: '198.51.100.7' },
    );
    assert.equal(signedIn.actor.partnershipId, demoPartnership.id);
    const session = await resolveSession(deps, signedIn.token);
    assert.equal(session?.user.email, 'sam.patel@northshire.example');
  });

  test("a social worker's single view of Sam Taylor, read through the scoped reader, discloses what the agreements allow and audits it", async () => {
    const samPatel = await actorByEmail(deps.db, 'sam.patel@northshire.example');
    const view = await timed('read view', () =>
      getChildView(deps, samPatel, { personId: people.samTaylor, purpose: 's47_enquiry' }),
    );
    const holders = [...new Set(view.chronology.map((e) => e.holderName))].sort();
    assert.deepEqual(holders, [
      "Northshire County Council Children's Services",
      'Northshire Hospitals NHS Foundation Trust',
      'Northshire Police',
      'Riverside Primary School',
    ]);
    assert.ok(
      view.shownBecause.some(
        (s) => s.decision.agreement?.reference === 'T2-014' && s.fieldGroup === 'police_incidents',
      ),
    );
    const events = await queryRows<{ actor_id: string; disclosed: string[]; details: { view: string } }>(
      deps.db,
      sql`select actor_id::text, disclosed, details from audit_event
          where partnership_id = ${demoPartnership.id} and action = 'subject.viewed'
            and subject_id = ${people.samTaylor}`,
    );
    assert.equal(events.length, 1, 'one read, one audit event');
    assert.equal(events[0]!.actor_id, samPatel.userId);
    assert.equal(events[0]!.details.view, 'single_view');
    assert.deepEqual(events[0]!.disclosed, [
      'attendance_exclusions',
      'child_protection_status',
      'identity',
      'lead_contact',
      'physical_health',
      'police_incidents',
      'social_care_involvement',
    ]);
  });

  test('concurrent reads’ audit events are committed by the group-commit writer on the shards, batched, none lost', async () => {
    const samPatel = await actorByEmail(deps.db, 'sam.patel@northshire.example');
    const subjectId = 'group-commit-citus';
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendReadAuditEvent(deps.db, {
          actor: samPatel,
          action: 'subject.viewed',
          outcome: 'success',
          subject: { type: 'person', id: subjectId },
          purpose: 's47_enquiry',
          disclosed: ['identity'],
          details: { view: 'citus group commit', records: i },
        }),
      ),
    );
    const rows = await queryRows<{ records: number; tx_id: string }>(
      deps.db,
      sql`select (details ->> 'records')::int as records, tx_id::text from audit_event
          where partnership_id = ${demoPartnership.id} and subject_id = ${subjectId} order by id`,
    );
    assert.deepEqual(
      rows.map((r) => r.records),
      Array.from({ length: 20 }, (_, i) => i),
      'every event, in the order queued',
    );
    assert.ok(new Set(rows.map((r) => r.tx_id)).size < 20, 'the events shared commits');
  });
});
