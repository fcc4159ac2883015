import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { notFoundViewRule } from '../../domain/policy/limit-not-found-views.ts';
import { queryRows } from '../../domain/shared/database.ts';

for (const kind of testDatabaseKinds()) {
  describe(`views of ids that name no one are limited per user (${kind})`, () => {
    let app: TestApp;
    let samPatel: SignedInSession;
    let tomReid: SignedInSession;
    before(async () => {
      app = await createTestApp(kind, { limitNotFoundViews: true });
      await insertPeople(app.database.db);
      samPatel = await app.signIn('sam.patel@northshire.example');
      tomReid = await app.signIn('tom.reid@northshire.example');
    });
    after(() => app.close());

    const view = (session: SignedInSession, id: string) =>
      app.request(`/api/persons/${id}/view?purpose=s47_enquiry`, { session });
    const events = (action: string) =>
      queryRows<{ actor_id: string; details: Record<string, unknown> }>(
        app.database.db,
        sql`select actor_id, details from audit_event where action = ${action} order by id`,
      );

    test('after 20 not-found views in 10 minutes every view is refused for a while, and a DPO sees the anomaly', async () => {
      assert.equal((await view(samPatel, people.samTaylor)).status, 200, 'a child Sam may see');
      for (let i = 0; i < notFoundViewRule.limit; i++)
        assert.equal((await view(samPatel, randomUUID())).status, 404);

      // Now even a child Sam may see is refused, exactly as an unknown id is: nothing is learnt.
      const known = await view(samPatel, people.samTaylor);
      const unknown = await view(samPatel, randomUUID());
      assert.deepEqual([known.status, unknown.status], [429, 429]);
      assert.equal(await known.text(), await unknown.text());
      assert.ok(Number(known.headers.get('retry-after')) > 0);

      const anomalies = await events('access.anomaly');
      assert.equal(anomalies.length, 1, 'one anomaly for the run, not one per view');
      assert.deepEqual(anomalies[0]!.details, {
        kind: 'repeated_not_found',
        count: notFoundViewRule.limit,
        windowMinutes: 10,
      });
      const limited = (await events('access.denied')).filter((e) => e.details.reason === 'rate_limited');
      assert.equal(limited.length, 2, 'each refused view is audited');

      // Another user is not affected, and the limit lifts when the window has passed.
      assert.equal((await view(tomReid, people.samTaylor)).status, 200);
      const now = app.clock.now();
      app.clock.set(new Date(now.getTime() + notFoundViewRule.windowMs + 1));
      try {
        assert.equal((await view(samPatel, people.samTaylor)).status, 200);
      } finally {
        app.clock.set(now);
      }
    });

    test('the records endpoint counts against the same limit', async () => {
      const session = await app.signIn('grace.obi@northshire.example');
      for (let i = 0; i < notFoundViewRule.limit; i++)
        await app.request(`/api/subjects/${randomUUID()}/records?purpose=front_door_screening`, { session });
      const refused = await app.request(
        `/api/persons/${people.samTaylor}/view?purpose=front_door_screening`,
        {
          session,
        },
      );
      assert.equal(refused.status, 429);
    });
  });
}
