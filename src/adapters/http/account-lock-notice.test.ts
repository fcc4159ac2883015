import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { DEMO_PASSWORD } from '../../domain/demo/northshire.ts';
import { queryRows } from '../../domain/shared/database.ts';

const minutes = (n: number) => n * 60_000;

// Issue 13 hole 12: five wrong passwords locked an account and nobody told its holder.
for (const kind of testDatabaseKinds()) {
  describe(`telling the account holder their account was locked (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind);
    });
    after(() => app.close());
    let address = 0;
    beforeEach(() => {
      address += 1;
    });
    const attempt = (email: string, password: string) =>
      app.request('/api/session', {
        method: 'POST',
        headers: { 'x-forwarded-for': `203.0.113.${address}` },
        body: json({ email, password }),
      });

    test('the locked sign-in page message is the same for an account and for an address nobody has', async () => {
      const victim = 'ellie.shaw@northshire.example';
      const nobody = 'no.such.person@northshire.example';
      for (const email of [victim, nobody])
        for (let i = 0; i < 5; i++) assert.equal((await attempt(email, `wrong-guess-${i}-here`)).status, 401);
      const locked = await attempt(victim, DEMO_PASSWORD);
      const unknown = await attempt(nobody, DEMO_PASSWORD);
      assert.deepEqual([locked.status, unknown.status], [429, 429]);
      const body = await locked.json();
      assert.deepEqual(body, await unknown.json());
      assert.match(
        (body as { error: { message: string } }).error.message,
        /locked for 15 minutes.*If you did not make these attempts, tell your organisation’s administrator/,
      );
      app.clock.advance(minutes(16));
    });

    test('after the lock, the next successful sign-in names when it was locked and how many attempts failed, once, and is audited', async () => {
      const holder = 'mark.evans@northshire.example';
      for (let i = 0; i < 5; i++) await attempt(holder, `wrong-guess-${i}-here`);
      assert.equal(
        (await attempt(holder, DEMO_PASSWORD)).status,
        429,
        'locked, even with the right password',
      );
      const [lock] = await queryRows<{ at: Date; subject_id: string; details: Record<string, unknown> }>(
        app.database.db,
        sql`select e.at, e.subject_id, e.details from audit_event e
            where e.action = 'session.account_locked' order by e.id desc limit 1`,
      );
      assert.deepEqual(lock!.details, { lockedForMinutes: 15 });

      app.clock.advance(minutes(16));
      const signedIn = await attempt(holder, DEMO_PASSWORD);
      assert.equal(signedIn.status, 200);
      const session = (await signedIn.json()) as {
        user: { id: string };
        lockNotice?: { lockedAt: string; failedAttempts: number };
      };
      assert.equal(lock!.subject_id, session.user.id);
      assert.deepEqual(session.lockNotice, {
        lockedAt: new Date(lock!.at).toISOString(),
        // Five wrong passwords and the try while locked.
        failedAttempts: 6,
      });
      const [event] = await queryRows<{ details: Record<string, unknown> }>(
        app.database.db,
        sql`select details from audit_event where action = 'session.signed_in' and actor_id = ${session.user.id}
            order by id desc limit 1`,
      );
      assert.deepEqual(event!.details, { lockNotice: session.lockNotice });

      const again = (await (await attempt(holder, DEMO_PASSWORD)).json()) as { lockNotice?: unknown };
      assert.equal(again.lockNotice, undefined, 'told once, at the first sign-in after the lock');
    });

    test('failed attempts that never locked the account bring no notice', async () => {
      const holder = 'ruth.ali@northshire.example';
      for (let i = 0; i < 2; i++) await attempt(holder, `wrong-guess-${i}-here`);
      const session = (await (await attempt(holder, DEMO_PASSWORD)).json()) as { lockNotice?: unknown };
      assert.equal(session.lockNotice, undefined);
    });
  });
}
