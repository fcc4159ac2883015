import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { agreementFlowsInForce } from '../../domain/agreements/policy-generation.ts';
import { cachedFlowsInForce } from '../../domain/policy/policy-cache.ts';
import { queryRows } from '../../domain/shared/database.ts';

/**
 * The single view may act on a session this process resolved within the last minute, verified
 * in the view's own statement (session-gate.ts). Whatever ends or changes the session elsewhere
 * (another server, the database itself) must stop the very next view, with nothing read.
 */
for (const kind of testDatabaseKinds()) {
  for (const policy of ['cached policy', 'policy loaded per read'] as const) {
    describe(`a view on a cached session (${kind}, ${policy})`, () => {
      let app: TestApp;
      before(async () => {
        app = await createTestApp(
          kind,
          policy === 'cached policy' ? { flowsInForce: cachedFlowsInForce(agreementFlowsInForce) } : {},
        );
        await insertPeople(app.database.db);
      });
      after(() => app.close());

      const view = (session: SignedInSession) =>
        app.request(`/api/persons/${people.samTaylor}/view?purpose=s47_enquiry`, { session });
      const events = async (userId: string) => {
        const rows = await queryRows<{ action: string; actor_role: string }>(
          app.database.db,
          sql`select action, actor_role from audit_event
              where actor_id = ${userId} and action in ('subject.viewed', 'access.denied') order by id`,
        );
        return rows.map((r) => `${r.action} ${r.actor_role}`);
      };
      const userOf = (session: SignedInSession) => (session.body.user as { id: string }).id;
      /** Signed in, with the session resolved once on the view's path and so cached. */
      const warmSession = async () => {
        const session = await app.signIn('sam.patel@northshire.example');
        assert.equal((await view(session)).status, 200);
        assert.equal((await view(session)).status, 200, 'the second view runs on the cached session');
        return session;
      };

      test('signed out on another server: the next view answers 401, reads nothing and clears the cookie', async () => {
        const session = await warmSession();
        const before = await events(userOf(session));
        const elsewhere = await app.anotherInstance({ flowsInForce: app.deps.flowsInForce });
        assert.equal((await elsewhere.request('/api/session', { method: 'DELETE', session })).status, 204);
        const response = await view(session);
        assert.equal(response.status, 401);
        assert.match(response.headers.get('set-cookie') ?? '', /Max-Age=0/i);
        assert.deepEqual(await events(userOf(session)), before, 'no view and no refusal recorded');
      });

      test('a membership ended in the database: the next view answers 401', async () => {
        const session = await warmSession();
        const before = await events(userOf(session));
        await app.database.db.execute(
          sql`update membership set ended_at = now() where user_id = ${userOf(session)} and ended_at is null`,
        );
        assert.equal((await view(session)).status, 401);
        assert.deepEqual(await events(userOf(session)), before);
        await app.database.db.execute(
          sql`update membership set ended_at = null where user_id = ${userOf(session)}`,
        );
      });

      test('a role changed in the database: the next view runs again as the new role', async () => {
        const session = await warmSession();
        const before = await events(userOf(session));
        // A designated safeguarding lead does not conduct s47 enquiries: refused, as not found.
        await app.database.db.execute(
          sql`update membership set role = 'designated_safeguarding_lead'
              where user_id = ${userOf(session)} and ended_at is null`,
        );
        assert.equal((await view(session)).status, 404);
        assert.deepEqual((await events(userOf(session))).slice(before.length), [
          'access.denied designated_safeguarding_lead',
        ]);
        await app.database.db.execute(
          sql`update membership set role = 'practitioner' where user_id = ${userOf(session)}`,
        );
      });

      test('idle past the limit by the clock: the view answers 401', async () => {
        const session = await warmSession();
        app.clock.advance(31 * 60_000);
        assert.equal((await view(session)).status, 401);
      });
    });
  }
}
