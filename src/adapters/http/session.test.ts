import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { DEMO_PASSWORD, demoPartnership } from '../../domain/demo/northshire.ts';
import { queryRows } from '../../domain/shared/database.ts';

const sam = 'sam.patel@northshire.example';
const minutes = (n: number) => n * 60_000;

for (const kind of testDatabaseKinds()) {
  describe(`sign-in and sessions (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind);
    });
    after(() => app.close());
    // Each test comes from its own network address, so the per-address limit of one test does
    // not leak into the next.
    let address = 0;
    beforeEach(() => {
      address += 1;
    });
    const from = () => ({ 'x-forwarded-for': `198.51.100.${address}` });
    const attempt = (email: string, password: string) =>
      app.request('/api/session', { method: 'POST', headers: from(), body: json({ email, password }) });
    const actions = async (action: string) =>
      queryRows<{ details: { reason?: string } }>(
        app.database.db,
        sql`select details from audit_event where action = ${action}`,
      );

    test('signing in sets an HttpOnly, SameSite=Strict session cookie and is audited', async () => {
      const response = await attempt(sam, DEMO_PASSWORD);
      assert.equal(response.status, 200);
      const cookie = response.headers.get('set-cookie')!;
      // The partnership's id, then 256 random bits: the session is found on its partnership's shard.
      assert.match(cookie, new RegExp(`^tessera_session=${demoPartnership.id}\\.[A-Za-z0-9_-]{43};`));
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const body = (await response.json()) as { user: { displayName: string }; membership: { role: string } };
      assert.equal(body.user.displayName, 'Sam Patel');
      assert.equal(body.membership.role, 'practitioner');
      assert.ok((await actions('session.signed_in')).length >= 1);
    });

    test('an unknown account and a wrong password get the same answer', async () => {
      const unknown = await attempt('nobody@northshire.example', DEMO_PASSWORD);
      const wrong = await attempt(sam, 'not-the-password-at-all');
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, 401);
      assert.deepEqual(await unknown.json(), await wrong.json());
      assert.equal(unknown.headers.get('set-cookie'), null);
      const reasons = (await actions('session.sign_in_failed')).map((r) => r.details.reason);
      assert.ok(reasons.includes('unknown_account') && reasons.includes('wrong_password'));
    });

    test('five failures lock the account for everyone, even with the right password, until the window passes', async () => {
      const victim = 'ellie.shaw@northshire.example';
      for (let i = 0; i < 5; i++)
        assert.equal((await attempt(victim, `guess-number-${i}-wrong`)).status, 401);
      address += 1; // a different address does not help against the per-account limit
      const locked = await attempt(victim, DEMO_PASSWORD);
      assert.equal(locked.status, 429);
      assert.equal(((await locked.json()) as { error: { code: string } }).error.code, 'rate_limited');
      assert.ok((await actions('session.sign_in_failed')).some((r) => r.details.reason === 'rate_limited'));
      app.clock.advance(minutes(16));
      assert.equal((await attempt(victim, DEMO_PASSWORD)).status, 200);
    });

    test('one address guessing many accounts is limited too', async () => {
      for (let i = 0; i < 30; i++) await attempt(`someone${i}@northshire.example`, 'wrong-password-here');
      assert.equal((await attempt(sam, DEMO_PASSWORD)).status, 429);
      app.clock.advance(minutes(16));
    });

    test('a session ends after 30 minutes idle', async () => {
      const session = await app.signIn(sam);
      app.clock.advance(minutes(29));
      assert.equal((await app.request('/api/session', { session })).status, 200);
      app.clock.advance(minutes(29));
      assert.equal((await app.request('/api/session', { session })).status, 200, 'activity keeps it alive');
      app.clock.advance(minutes(31));
      assert.equal((await app.request('/api/session', { session })).status, 401);
    });

    test('a session ends after 12 hours however busy', async () => {
      const session = await app.signIn(sam);
      for (let elapsed = 0; elapsed < 11 * 60; elapsed += 20) {
        app.clock.advance(minutes(20));
        assert.equal((await app.request('/api/session', { session })).status, 200);
      }
      app.clock.advance(minutes(61));
      assert.equal((await app.request('/api/session', { session })).status, 401);
    });

    test("a session token under another partnership's id, or under none, is no session", async () => {
      const session = await app.signIn(sam);
      assert.equal((await app.request('/api/session', { session })).status, 200);
      const secret = session.cookie.slice(session.cookie.indexOf('.') + 1);
      for (const cookie of [
        `tessera_session=7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01.${secret}`,
        `tessera_session=${secret}`,
        `tessera_session=not-a-uuid.${secret}`,
      ]) {
        const response = await app.request('/api/session', { headers: { cookie } });
        assert.equal(response.status, 401, cookie);
      }
    });

    test('signing out kills the session at once', async () => {
      const session = await app.signIn(sam);
      assert.equal((await app.request('/api/session', { method: 'DELETE', session })).status, 204);
      assert.equal((await app.request('/api/session', { session })).status, 401);
    });

    test('a state change without the CSRF token is refused and changes nothing', async () => {
      const session = await app.signIn(sam);
      const response = await app.request('/api/session', {
        method: 'DELETE',
        session,
        headers: { 'x-csrf-token': 'forged' },
      });
      assert.equal(response.status, 403);
      assert.equal((await app.request('/api/session', { session })).status, 200, 'still signed in');
    });

    test('changing the password ends every other session', async () => {
      const email = 'ben.carter@northshire.example';
      const laptop = await app.signIn(email);
      const phone = await app.signIn(email);
      const changed = await app.request('/api/session/password', {
        method: 'POST',
        session: laptop,
        body: json({ currentPassword: DEMO_PASSWORD, newPassword: 'a much better passphrase' }),
      });
      assert.equal(changed.status, 200);
      assert.equal((await app.request('/api/session', { session: phone })).status, 401);
      assert.equal(
        (await app.request('/api/session', { session: laptop })).status,
        401,
        'the old cookie is replaced',
      );
      const fresh = { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrfToken: '', body: {} };
      assert.equal((await app.request('/api/session', { session: fresh })).status, 200);
      assert.equal((await attempt(email, DEMO_PASSWORD)).status, 401);
      assert.equal((await attempt(email, 'a much better passphrase')).status, 200);
    });

    test('a wrong current password or a weak new one is refused, naming the field', async () => {
      const session = await app.signIn('ruth.ali@northshire.example');
      const wrong = await app.request('/api/session/password', {
        method: 'POST',
        session,
        body: json({ currentPassword: 'not my password', newPassword: 'a much better passphrase' }),
      });
      assert.equal(wrong.status, 400);
      assert.match(JSON.stringify(await wrong.json()), /currentPassword/);
      const weak = await app.request('/api/session/password', {
        method: 'POST',
        session,
        body: json({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }),
      });
      assert.equal(weak.status, 400);
      assert.match(JSON.stringify(await weak.json()), /newPassword/);
      assert.equal(
        (await attempt('ruth.ali@northshire.example', DEMO_PASSWORD)).status,
        200,
        'password unchanged',
      );
    });

    test('ending a membership kills the sessions acting through it at once', async () => {
      // The council's administrator ends a council role.
      const admin = await app.signIn('lee.harper@northshire.example');
      const grace = await app.signIn('grace.obi@northshire.example');
      const body = grace.body as { user: { id: string }; membership: { id: string } };
      const ended = await app.request(`/api/users/${body.user.id}/memberships/${body.membership.id}`, {
        method: 'DELETE',
        session: admin,
      });
      assert.equal(ended.status, 204);
      assert.equal((await app.request('/api/session', { session: grace })).status, 401);
      assert.equal(
        (await attempt('grace.obi@northshire.example', DEMO_PASSWORD)).status,
        401,
        'no role left to act in',
      );
    });
  });
}
