import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { createHttpApp } from '../../src/adapters/http/app.ts';
import { startAuditSealer } from '../../src/adapters/scheduler/audit-sealer.ts';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import { findFlowsInForce } from '../../src/domain/agreements/find-flows-in-force.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from '../../src/domain/audit/signing-key.ts';
import { demoPartnership } from '../../src/domain/demo/northshire.ts';
import { SignInRateLimiter } from '../../src/domain/identity/rate-limiter.ts';
import { systemClock } from '../../src/domain/shared/clock.ts';
import { queryRows } from '../../src/domain/shared/database.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds } from '../../src/domain/shared/ids.ts';
import { databaseUrl } from './fill.ts';

/**
 * The servers the view benchmark drives, in a process of their own so the load generator does
 * not share their event loop: the real HTTP app (session, policy, audit; the agreements
 * module's flows query; the audit sealer running every second as in `tessera serve`), and bare
 * Hono answering one indexed read of the same person's records with no session, policy or
 * audit. Prints the two ports as one JSON line, then serves until killed.
 */
const poolSize = Number(process.argv[2] ?? 16);
const sealer = process.argv[3] !== 'no-sealer';

const app = await openDatabase({ kind: 'postgres', url: databaseUrl(), poolSize });
const bare = await openDatabase({ kind: 'postgres', url: databaseUrl(), poolSize });
const deps = { db: app.db, clock: systemClock, ids: randomIds, logger: silentLogger };
const signer = loadCheckpointSigner(generateSigningKeyPem());
const sealing = sealer
  ? startAuditSealer(app.db, { signer, intervalMs: 1000, checkpointEvery: 1000, logger: silentLogger })
  : undefined;
const http = createHttpApp({
  ...deps,
  signer,
  rateLimiter: new SignInRateLimiter(systemClock),
  secureCookies: false,
  trustProxy: false,
  webRoot: undefined,
  databaseKind: 'postgres',
  gateways: catalogueGatewayDirectory(deps.db),
  flowsInForce: findFlowsInForce,
});

const baseline = new Hono();
baseline.get('/bare/:personId', async (c) => {
  const rows = await queryRows<Record<string, unknown>>(
    bare.db,
    sql`select r.id, r.organisation_id, r.field_group, r.kind, r.payload, r.event_date::text as event_date,
               r.recorded_at, r.fact_or_opinion, l.match_probability
        from person_link l
        join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
        where l.partnership_id = ${demoPartnership.id} and l.person_id = ${c.req.param('personId')}
        order by r.event_date desc nulls last, r.recorded_at desc, r.id`,
  );
  return c.json({ records: rows });
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
