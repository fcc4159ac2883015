import { sql } from 'drizzle-orm';
import { createHttpApp } from '../../src/adapters/http/app.ts';
import type { DatabaseHandle, DatabaseKind } from '../../src/adapters/db/open-database.ts';
import { memoryWitness, type AuditWitness } from '../../src/domain/audit/witness.ts';
import { DEMO_PASSWORD } from '../../src/domain/demo/northshire.ts';
import { seedDemoPartnership } from '../../src/domain/demo/seed-demo-partnership.ts';
import { installGatewayCatalogue } from '../../src/domain/gateways/install-gateway-catalogue.ts';
import { SignInRateLimiter } from '../../src/domain/identity/rate-limiter.ts';
import {
  staticFlowsInForce,
  type FlowsInForceSource,
  type PolicyDeps,
} from '../../src/domain/policy/flows-in-force-source.ts';
import { fixedClock } from '../../src/domain/shared/clock.ts';
import { queryRows } from '../../src/domain/shared/database.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds } from '../../src/domain/shared/ids.ts';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import { northshireFlows } from './northshire-flows.ts';
import { openTestDatabase } from './test-database.ts';
import { recordingJobQueue, type SentJob } from './recording-job-queue.ts';

export type TestClock = ReturnType<typeof fixedClock>;

export interface TestApp {
  readonly request: (path: string, init?: RequestInit & { session?: SignedInSession }) => Promise<Response>;
  readonly database: DatabaseHandle;
  readonly deps: PolicyDeps;
  readonly clock: TestClock;
  /** The jobs the app sent (the job queue port in memory). */
  readonly sentJobs: SentJob[];
  signIn(email: string, password?: string): Promise<SignedInSession>;
  count(table: string): Promise<number>;
  /**
   * A second app instance on the same database, with its own connection (on PostgreSQL) and its
   * own flows source, as a second server behind a load balancer would be. Same clock.
   */
  anotherInstance(options: { flowsInForce: FlowsInForceSource }): Promise<TestApp>;
  close(): Promise<void>;
}

export interface SignedInSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly body: Record<string, unknown>;
}

const unlimitedNotFoundViews = { tryAcquire: () => true, retryAfterMs: () => 0 };

/** The real HTTP app in process (no port), on a fresh database with the gateway catalogue and Northshire. */
export async function createTestApp(
  kind: DatabaseKind,
  options: {
    webRoot?: string;
    demoAgreements?: boolean;
    flowsInForce?: FlowsInForceSource;
    /**
     * Apply the production not-found limit per user (policy/limit-not-found-views.ts). Off by
     * default: the leak matrix and other suites read ids that name no one on purpose, hundreds
     * of times, on a clock that does not move.
     */
    limitNotFoundViews?: boolean;
    /** The audit witness the verification API reads (a fresh one in memory unless given). */
    auditWitness?: AuditWitness;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
  // Policy tests default to the fixed Northshire flows of test/support/northshire-flows.ts, so
  // their expectations do not move with the demo agreements; pass findFlowsInForce for the real ones.
  const deps: PolicyDeps = {
    db: database.db,
    clock,
    ids: randomIds,
    logger: silentLogger,
    flowsInForce: options.flowsInForce ?? staticFlowsInForce(northshireFlows),
  };
  await installGatewayCatalogue(deps);
  // Northshire's demo agreements come with it unless a test wants to write its own from scratch.
  await seedDemoPartnership(
    deps,
    options.demoAgreements === false ? {} : { gateways: catalogueGatewayDirectory(deps.db) },
  );
  const queue = recordingJobQueue();
  const instance = (handle: DatabaseHandle, instanceDeps: PolicyDeps): TestApp => {
    const app = createHttpApp({
      jobs: queue.jobs,
      ...instanceDeps,
      auditWitness: options.auditWitness ?? memoryWitness(),
      rateLimiter: new SignInRateLimiter(clock),
      ...(options.limitNotFoundViews ? {} : { notFoundViews: unlimitedNotFoundViews }),
      secureCookies: false,
      trustProxy: true,
      webRoot: options.webRoot,
      databaseKind: kind,
      gateways: catalogueGatewayDirectory(instanceDeps.db),
    });
    const request: TestApp['request'] = (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.session) {
        headers.set('cookie', init.session.cookie);
        if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', init.session.csrfToken);
      }
      if (typeof init.body === 'string' && !headers.has('content-type'))
        headers.set('content-type', 'application/json');
      return Promise.resolve(app.request(`http://localhost${path}`, { ...init, headers }));
    };
    return {
      request,
      database: handle,
      deps: instanceDeps,
      clock,
      sentJobs: queue.sent,
      async signIn(email, password = DEMO_PASSWORD) {
        const response = await request('/api/session', {
          method: 'POST',
          body: JSON.stringify({ email, password }),
        });
        if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status}`);
        const body = (await response.json()) as Record<string, unknown>;
        const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
        return { cookie, csrfToken: body.csrfToken as string, body };
      },
      async count(table) {
        const [row] = await queryRows<{ n: string }>(
          handle.db,
          sql.raw(`select count(*)::text as n from ${table}`),
        );
        return Number(row!.n);
      },
      async anotherInstance(more) {
        const second = await database.connectAgain();
        return instance(second, { ...deps, db: second.db, flowsInForce: more.flowsInForce });
      },
      close: () => handle.close(),
    };
  };
  return instance(database, deps);
}

export const json = (body: unknown): string => JSON.stringify(body);
