import { serve } from '@hono/node-server';
import { breakGlassSettings } from '../../../domain/break-glass/break-glass-settings.ts';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Config } from '../../../config/config.ts';
import { catalogueGatewayDirectory } from '../../../domain/agreements/catalogue-gateway-directory.ts';
import { agreementFlowsInForce } from '../../../domain/agreements/policy-generation.ts';
import { cachedFlowsInForce } from '../../../domain/policy/policy-cache.ts';
import { isDatabaseEmpty, seedDemoPartnership } from '../../../domain/demo/seed-demo-partnership.ts';
import { LinkIndexes } from '../../../domain/people/held-index.ts';
import { personLinker } from '../../../domain/people/person-linker.ts';
import { warmLinkIndexes } from '../../../domain/people/warm-link-indexes.ts';
import { SignInRateLimiter } from '../../../domain/identity/rate-limiter.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { startJobWorkers } from '../../../job-workers.ts';
import { openRuntime } from '../../../runtime.ts';
import { createHttpApp } from '../../http/app.ts';
import { smtpMailer } from '../../email/smtp-mailer.ts';
import { scheduleAlertEscalations } from '../../../domain/alerts/dispatch-alert-jobs.ts';
import { canServerRoleBypassAudit } from '../../db/server-role.ts';
import { loadSigningKey } from '../../keys/load-signing-key.ts';
import { startAuditSealer, type AuditSealer } from '../../scheduler/audit-sealer.ts';
import { folderWitness } from '../../witness/folder-witness.ts';
import { printDemoSignIn } from './demo-sign-in.ts';

export const defaultWebRoot = fileURLToPath(new URL('../../../../dist/web', import.meta.url));

/**
 * `tessera serve`: migrate, seed the demo into an empty database, serve HTTP. On PostgreSQL the
 * web process holds no signing key: `tessera audit seal` seals and signs (DESIGN.md rule 3).
 * The embedded database is one process, so there the sealer runs here.
 */
export async function serveCommand(config: Config, logger: Logger): Promise<void> {
  // Creating an embedded database takes several seconds, more on a busy machine: say so first.
  if (config.database.kind === 'pglite')
    console.log(`Opening the embedded database in ${config.database.dataDir} (created on the first start)…`);
  const runtime = await openRuntime(config, logger);
  const { deps } = runtime;
  const witness = folderWitness(config.auditWitnessDir);
  const gateways = catalogueGatewayDirectory(deps.db);
  // One set of linkage indexes per process, shared by the review queue and ingest's linking.
  const linkIndexes = new LinkIndexes();
  // Durable jobs (adapters/jobs) on both engines, started first so that the demo's requests can
  // queue their escalations; the audit sealer stays a loop of its own (below).
  const mailer = config.email ? smtpMailer(config.email.smtp) : undefined;
  const jobs = await startJobWorkers(runtime.database, deps, {
    pollIntervalMs: 2000,
    maintenance: true,
    email: mailer && config.email ? { mailer, publicUrl: config.email.publicUrl } : undefined,
  });
  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(deps))) {
    // Words on the terminal while the demo loads: on a busy machine it took over half a minute,
    // which looked like a hang (issue 14). Plain lines, so a log file reads them too.
    const started = Date.now();
    console.log('First start on an empty database: loading the demo partnership (DEMO ONLY).');
    await seedDemoPartnership(
      { ...deps, linkIndexes },
      { gateways, feeds: true, requests: { jobs }, onProgress: (step) => console.log(`  ${step}…`) },
    );
    console.log(`  Demo loaded in ${Math.round((Date.now() - started) / 1000)} s.`);
    // The demo's Operation Encompass notice was raised after the workers looked for notices
    // waiting to be escalated: look again, so its deadline has its job.
    await scheduleAlertEscalations({ db: deps.db, jobs });
    seeded = true;
  }
  let sealer: AuditSealer | undefined;
  if (runtime.database.kind === 'pglite') {
    sealer = startAuditSealer(deps.db, {
      signer: await loadSigningKey(config, logger),
      witness,
      intervalMs: config.sealIntervalMs,
      checkpointEvery: config.checkpointEvery,
      checkpointIntervalMs: config.checkpointIntervalMs,
      logger,
    });
  } else {
    logger.info({}, 'audit events are sealed and signed by tessera audit seal, not by this process');
    if (await canServerRoleBypassAudit(deps.db)) {
      logger.warn(
        {},
        'the server runs as a database role that can alter the audit tables; set DATABASE_OWNER_URL and run tessera db migrate to make a restricted role',
      );
    }
  }
  const webRoot = existsSync(defaultWebRoot) ? defaultWebRoot : undefined;
  if (!webRoot) logger.warn({}, 'dist/web is missing: run npm run build:web to serve the web app');
  const app = createHttpApp({
    ...deps,
    auditWitness: witness,
    rateLimiter: new SignInRateLimiter(deps.clock),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    webRoot,
    databaseKind: runtime.database.kind,
    gateways,
    flowsInForce: cachedFlowsInForce(agreementFlowsInForce),
    linkIndexes,
    jobs,
    ...personLinker({ ...deps, linkIndexes }),
    breakGlass: breakGlassSettings({
      minutes: config.breakGlass.minutes,
      perUser: { limit: config.breakGlass.perDay, windowMs: 24 * 60 * 60_000 },
    }),
    afterAlertsRaised: jobs.afterAlertsRaised,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    console.log(
      `\nTessera is running at http://${shown}:${config.port} (database: ${runtime.database.kind})`,
    );
    if (config.seedDemo) printDemoSignIn(seeded);
    // Built in the background once listening: startup and requests never wait for it, and
    // linking that arrives first waits for the same build (people/warm-link-indexes.ts).
    void warmLinkIndexes({ ...deps, linkIndexes });
  });
  const shutdown = async () => {
    server.close();
    await jobs.stop();
    mailer?.close();
    await sealer?.stop();
    await runtime.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
