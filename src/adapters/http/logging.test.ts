import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHttpApp } from './app.ts';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { memoryWitness } from '../../domain/audit/witness.ts';
import { DEMO_PASSWORD } from '../../domain/demo/northshire.ts';
import { seedDemoPartnership } from '../../domain/demo/seed-demo-partnership.ts';
import { fakeGatewayDirectory } from '../../../test/support/fake-gateway-directory.ts';
import { SignInRateLimiter } from '../../domain/identity/rate-limiter.ts';
import { noFlowsInForce } from '../../domain/policy/flows-in-force-source.ts';
import { systemClock } from '../../domain/shared/clock.ts';
import type { Logger } from '../../domain/shared/deps.ts';
import { randomIds } from '../../domain/shared/ids.ts';

test('request logs carry the route pattern, status and request id, and no personal data', async () => {
  const lines: string[] = [];
  const capture: Logger = {
    info: (o, m) => lines.push(JSON.stringify([o, m])),
    warn: (o, m) => lines.push(JSON.stringify([o, m])),
    error: (o, m) => lines.push(JSON.stringify([o, m])),
  };
  const database = await openTestDatabase('pglite');
  try {
    const deps = { db: database.db, clock: systemClock, ids: randomIds, logger: capture };
    await seedDemoPartnership(deps);
    const app = createHttpApp({
      ...deps,
      auditWitness: memoryWitness(),
      rateLimiter: new SignInRateLimiter(systemClock),
      secureCookies: false,
      trustProxy: false,
      webRoot: undefined,
      databaseKind: 'pglite',
      gateways: fakeGatewayDirectory,
      flowsInForce: noFlowsInForce,
    });
    const email = 'dana.okafor@northshire.example';
    const signIn = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const body = (await signIn.json()) as { user: { id: string } };
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    await app.request(`/api/audit?actorId=${body.user.id}`, { headers: { cookie } });
    await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"x@y.example",',
    });
    assert.ok(lines.some((l) => l.includes('"route":"/api/session"') && l.includes('"status":200')));
    assert.ok(lines.every((l) => /"requestId":"[0-9a-f-]{36}"/.test(l)));
    for (const secret of [email, DEMO_PASSWORD, body.user.id, 'x@y.example', cookie.split('=')[1]!]) {
      assert.ok(
        lines.every((l) => !l.includes(secret)),
        `logs must not contain ${secret.slice(0, 6)}…`,
      );
    }
  } finally {
    await database.close();
  }
});
