import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type pg from 'pg';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { createHttpApp } from '../../src/adapters/http/app.ts';
import { startAuditSealer } from '../../src/adapters/scheduler/audit-sealer.ts';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import { agreementFlowsInForce } from '../../src/domain/agreements/policy-generation.ts';
import { cachedFlowsInForce } from '../../src/domain/policy/policy-cache.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from '../../src/domain/audit/signing-key.ts';
import { memoryWitness } from '../../src/domain/audit/witness.ts';
import { demoPartnership } from '../../src/domain/demo/northshire.ts';
import { SignInRateLimiter } from '../../src/domain/identity/rate-limiter.ts';
import { systemClock } from '../../src/domain/shared/clock.ts';
import { queryRows, type Db } from '../../src/domain/shared/database.ts';
import { systemActor } from '../../src/domain/shared/actor.ts';
import { appendAuditEvent } from '../../src/domain/audit/append-audit-event.ts';
import { appendReadAuditEvent } from '../../src/domain/audit/group-commit-writer.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds, type PartnershipId } from '../../src/domain/shared/ids.ts';
import { databaseUrl } from './fill.ts';

/**
 * The servers the view benchmark drives, in a process of their own so the load generator does
 * not share their event loop: the real HTTP app (session, policy, audit; the compiled policy
 * cached and checked against the agreements' generation; the audit sealer running every second as in `tessera serve`), and bare
 * Hono answering one indexed read of the same person's records with no session, policy or
 * audit. Prints the two ports as one JSON line, then serves until killed.
 */
// Arguments: the view app's pool size, bare Hono's pool size, then 'no-sealer' to run without it.
const viewPoolSize = Number(process.argv[2] ?? 4);
const barePoolSize = Number(process.argv[3] ?? 16);
const sealer = process.argv[4] !== 'no-sealer';

const app = await openDatabase({ kind: 'postgres', url: databaseUrl(), poolSize: viewPoolSize });
const bare = await openDatabase({ kind: 'postgres', url: databaseUrl(), poolSize: barePoolSize });
const deps = { db: app.db, clock: systemClock, ids: randomIds, logger: silentLogger };
const signer = loadCheckpointSigner(generateSigningKeyPem());
const witness = memoryWitness();
const sealing = sealer
  ? startAuditSealer(app.db, {
      signer,
      witness,
      intervalMs: 1000,
      checkpointEvery: 1000,
      checkpointIntervalMs: 60_000,
      logger: silentLogger,
    })
  : undefined;
// The view as `tessera serve` runs it: the compiled policy cached per partnership, checked
// against the agreements' generation on every read (policy/policy-cache.ts).
const http = createHttpApp({
  ...deps,
  auditWitness: witness,
  rateLimiter: new SignInRateLimiter(systemClock),
  secureCookies: false,
  trustProxy: false,
  webRoot: undefined,
  databaseKind: 'postgres',
  gateways: catalogueGatewayDirectory(deps.db),
  flowsInForce: cachedFlowsInForce(agreementFlowsInForce),
});

const readPerson = (db: Db, personId: string) =>
  queryRows<Record<string, unknown>>(
    db,
    sql`select r.id, r.organisation_id, r.field_group, r.kind, r.payload, r.event_date::text as event_date,
               r.recorded_at, r.fact_or_opinion, l.match_probability
        from person_link l
        join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
        where l.partnership_id = ${demoPartnership.id} and l.person_id = ${personId}
        order by r.event_date desc nulls last, r.recorded_at desc, r.id`,
  );
// The same read and audit event as one statement (a data-modifying CTE, so one implicit
// transaction and one round trip instead of BEGIN, select, insert, COMMIT): an experiment to
// measure what folding the audit insert into the read would be worth; not how the app reads.
const readAndAudit = (personId: string) =>
  queryRows<Record<string, unknown>>(
    bare.db,
    sql`with shown as (
          select r.id, r.organisation_id, r.field_group, r.kind, r.payload, r.event_date::text as event_date,
                 r.recorded_at, r.fact_or_opinion, l.match_probability
          from person_link l
          join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
          where l.partnership_id = ${demoPartnership.id} and l.person_id = ${personId}),
        audit as (
          insert into audit_event (partnership_id, actor_type, actor_id, action, outcome, subject_type,
                                   subject_id, disclosed, details)
          select ${demoPartnership.id}::uuid, 'system', 'bench', 'subject.viewed', 'success', 'person', ${personId},
                 (select jsonb_agg(distinct field_group) from shown), '{"view":"bench floor, one statement"}'::jsonb
          where exists (select 1 from shown))
        select * from shown order by event_date desc nulls last, recorded_at desc, id`,
  );

const baseline = new Hono();
// How PostgreSQL has been running the view app's prepared statements: generic plans (planned
// once) or custom plans (planned afresh for each execution, which costs a few ms for the view's
// statement). Every connection of the pool is checked out at once, so each is asked once.
baseline.get('/view-plans', async (c) => {
  const pool = (app.db as unknown as { $client: pg.Pool }).$client;
  const clients = await Promise.all(Array.from({ length: viewPoolSize }, () => pool.connect()));
  const byStatement = new Map<string, { statement: string; genericPlans: number; customPlans: number }>();
  try {
    for (const client of clients) {
      const { rows } = await client.query<{
        name: string;
        statement: string;
        generic: string;
        custom: string;
      }>(
        `select name, left(regexp_replace(statement, '\\s+', ' ', 'g'), 80) as statement,
                generic_plans::text as generic, custom_plans::text as custom
         from pg_prepared_statements where name like 'tessera\\_%'`,
      );
      for (const row of rows) {
        const seen = byStatement.get(row.name) ?? {
          statement: row.statement,
          genericPlans: 0,
          customPlans: 0,
        };
        seen.genericPlans += Number(row.generic);
        seen.customPlans += Number(row.custom);
        byStatement.set(row.name, seen);
      }
    }
  } finally {
    for (const client of clients) client.release();
  }
  const statements = [...byStatement.values()].sort(
    (a, b) => b.genericPlans + b.customPlans - (a.genericPlans + a.customPlans),
  );
  return c.json({ connections: clients.length, statements: statements.slice(0, 4) });
});
baseline.get('/floor-one-statement/:personId', async (c) =>
  c.json({ records: await readAndAudit(c.req.param('personId')) }),
);
baseline.get('/bare/:personId', async (c) =>
  c.json({ records: await readPerson(bare.db, c.req.param('personId')) }),
);
// What DESIGN.md rule 3 costs any read before session or policy: the same read and an audit
// event committed in one transaction (the floor of every audited view on this machine).
const floorActor = systemActor(demoPartnership.id as PartnershipId, 'bench');
baseline.get('/floor/:personId', async (c) => {
  const personId = c.req.param('personId');
  const records = await bare.db.transaction(async (tx) => {
    const rows = await readPerson(tx, personId);
    await appendAuditEvent(tx, {
      actor: floorActor,
      action: 'subject.viewed',
      outcome: 'success',
      subject: { type: 'person', id: personId },
      details: { view: 'bench floor' },
    });
    return rows;
  });
  return c.json({ records });
});

// The same read, its event committed by the group-commit writer (as the view's is) after the
// read: what batching the audit of concurrent reads is worth before session and policy.
baseline.get('/floor-group-commit/:personId', async (c) => {
  const personId = c.req.param('personId');
  const records = await readPerson(bare.db, personId);
  await appendReadAuditEvent(bare.db, {
    actor: floorActor,
    action: 'subject.viewed',
    outcome: 'success',
    subject: { type: 'person', id: personId },
    details: { view: 'bench floor, group commit' },
  });
  return c.json({ records });
});

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve((server.address() as AddressInfo).port),
    );
  });
const viewPort = await listen(http.fetch);
const barePort = await listen(baseline.fetch);
console.log(JSON.stringify({ viewPort, barePort }));

process.once('SIGTERM', () => {
  void (async () => {
    await sealing?.stop();
    await app.close();
    await bare.close();
    process.exit(0);
  })();
});
