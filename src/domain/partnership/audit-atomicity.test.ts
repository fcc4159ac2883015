import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { demoPartnership } from '../demo/northshire.ts';
import { systemActor } from '../shared/actor.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { createOrganisation } from './create-organisation.ts';

/** DESIGN.md rule 3: if the audit write fails, the act fails with it. */
for (const kind of testDatabaseKinds()) {
  describe(`an act whose audit event cannot be written does not happen (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind);
      // Simulate the audit store failing (disk full, constraint, outage) for these acts only.
      await app.database.db.execute(
        sql.raw(`create function test_fail_audit() returns trigger language plpgsql as $$
          begin
            if new.action in ('organisation.created', 'session.signed_out') then raise exception 'audit store unavailable'; end if;
            return new;
          end $$`),
      );
      await app.database.db.execute(
        sql.raw(
          `create trigger test_fail_audit before insert on audit_event for each row execute function test_fail_audit()`,
        ),
      );
    });
    after(() => app.close());

    test('creating an organisation rolls back', async () => {
      const before_ = await app.count('organisation');
      const actor = systemActor(demoPartnership.id as PartnershipId, 'test');
      await assert.rejects(createOrganisation(app.deps, actor, { name: 'Never created', type: 'charity' }));
      assert.equal(await app.count('organisation'), before_);
    });

    test('signing out fails safe: the session survives and the caller gets a safe 500', async () => {
      const session = await app.signIn('sam.patel@northshire.example');
      const response = await app.request('/api/session', { method: 'DELETE', session });
      assert.equal(response.status, 500);
      assert.deepEqual(await response.json(), {
        error: { code: 'internal', message: 'Something went wrong. Try again later' },
      });
      assert.equal((await app.request('/api/session', { session })).status, 200);
      const created = await app.request('/api/organisations', {
        method: 'POST',
        session: await app.signIn('alex.morgan@northshire.example'),
        body: json({ name: 'Also never created', type: 'housing' }),
      });
      assert.equal(created.status, 500);
    });
  });
}
