import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../src/adapters/http/app.ts';
import { defaultWebRoot } from '../../src/adapters/cli/commands/serve.ts';
import { startAuditSealer } from '../../src/adapters/scheduler/audit-sealer.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from '../../src/domain/audit/signing-key.ts';
import { memoryWitness } from '../../src/domain/audit/witness.ts';
import { personLinker } from '../../src/domain/people/person-linker.ts';
import { seedDemoPartnership } from '../../src/domain/demo/seed-demo-partnership.ts';
import { installGatewayCatalogue } from '../../src/domain/gateways/install-gateway-catalogue.ts';
import { SignInRateLimiter } from '../../src/domain/identity/rate-limiter.ts';
import { systemClock } from '../../src/domain/shared/clock.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds } from '../../src/domain/shared/ids.ts';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import { agreementFlowsInForce } from '../../src/domain/agreements/policy-generation.ts';
import { LinkIndexes, type LinkingDeps } from '../../src/domain/people/held-index.ts';
import { cachedFlowsInForce } from '../../src/domain/policy/policy-cache.ts';
import { openTestDatabase } from './test-database.ts';
import { recordingJobQueue } from './recording-job-queue.ts';

/**
 * The real app on a free loopback port, with the demo partnership on an in-memory database and
 * the built web app (dist/web): what a browser test drives.
 */
export async function startDemoServer(
  options: { prepare?: (deps: LinkingDeps) => Promise<unknown> } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const database = await openTestDatabase('pglite');
  const deps = { db: database.db, clock: systemClock, ids: randomIds, logger: silentLogger };
  await installGatewayCatalogue(deps);
  const linkIndexes = new LinkIndexes();
  await seedDemoPartnership(
    { ...deps, linkIndexes },
    {
      gateways: catalogueGatewayDirectory(deps.db),
      feeds: true,
      requests: { jobs: recordingJobQueue().jobs },
    },
  );
  // What a test adds to the demo before the server starts (e.g. linked records to review).
  await options.prepare?.({ ...deps, linkIndexes });
  const signer = loadCheckpointSigner(generateSigningKeyPem());
  const witness = memoryWitness();
  const sealer = startAuditSealer(database.db, {
    signer,
    witness,
    intervalMs: 200,
    checkpointEvery: 50,
    checkpointIntervalMs: 1000,
    logger: silentLogger,
  });
  const app = createHttpApp({
    ...deps,
    auditWitness: witness,
    rateLimiter: new SignInRateLimiter(systemClock),
    secureCookies: false,
    trustProxy: false,
    webRoot: defaultWebRoot,
    databaseKind: 'pglite',
    gateways: catalogueGatewayDirectory(deps.db),
    flowsInForce: cachedFlowsInForce(agreementFlowsInForce),
    linkIndexes,
    jobs: recordingJobQueue().jobs,
    ...personLinker({ ...deps, linkIndexes }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sealer.stop();
      await database.close();
    },
  };
}
