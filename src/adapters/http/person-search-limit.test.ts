import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../domain/shared/database.ts';
import { insertPeople } from '../../../test/support/northshire-people.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { searchRule } from './routes/view-routes.ts';

// Person search is rate-limited per user so that no account can enumerate who the partnership
// knows by trying names and dates of birth (ARCHITECTURE.md, the single view). Driven through
// the real HTTP app: its own limiter, its error body and its audit.
for (const kind of testDatabaseKinds()) {
  describe(`the person search rate limit over HTTP (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
    });
    after(() => app.close());

    const terms = { purpose: 's47_enquiry', name: 'Sam Taylor', dob: '2017-05-12' };
    const search = (session: SignedInSession) =>
      app.request('/api/persons/search', { method: 'POST', body: json(terms), session });
    const refusals = (userId: string) =>
      queryRows<{ outcome: string; purpose: string; details: Record<string, unknown> }>(
        app.database.db,
        sql`select outcome, purpose, details from audit_event
            where action = 'subject.searched' and outcome = 'denied' and actor_id = ${userId} order by id`,
      );
    const userId = (session: SignedInSession) => (session.body.user as { id: string }).id;

    test('one search over the limit answers 429 with a plain message and Retry-After, audited as a refusal; a colleague may still search, and so may the officer once Retry-After has passed', async () => {
      const officer = await app.signIn('dc.jones@northshire.example');
      const socialWorker = await app.signIn('sam.patel@northshire.example');
      for (let n = 1; n <= searchRule.limit; n++) {
        const allowed = await search(officer);
        assert.equal(allowed.status, 200, `search ${n} of ${searchRule.limit} is allowed`);
      }
      const refused = await search(officer);
      assert.equal(refused.status, 429);
      // All the allowed searches were made at one instant, so the first leaves the window a
      // whole window later.
      assert.equal(refused.headers.get('retry-after'), String(searchRule.windowMs / 1000));
      assert.equal(refused.headers.get('cache-control'), 'no-store');
      const text = await refused.text();
      assert.deepEqual(JSON.parse(text), {
        error: {
          code: 'rate_limited',
          message: 'You have searched too often. Wait a few minutes and try again',
        },
      });
      assert.doesNotMatch(text, /Taylor|2017-05-12|stack|limiter|sliding/i, 'no terms and no internals');

      const [refusal, ...more] = await refusals(userId(officer));
      assert.equal(more.length, 0, 'the allowed searches are not refusals');
      assert.deepEqual(refusal, {
        outcome: 'denied',
        purpose: 's47_enquiry',
        details: { fields: ['name', 'dob'], returned: 0, reason: 'rate_limited' },
      });

      const other = await search(socialWorker);
      assert.equal(other.status, 200, 'the limit is per user: a colleague is not blocked');
      assert.equal((await refusals(userId(socialWorker))).length, 0);

      // Searching again while refused is refused and audited again; waiting Retry-After is enough.
      const again = await search(officer);
      assert.equal(again.status, 429);
      const wait = Number(again.headers.get('retry-after'));
      assert.equal(wait, searchRule.windowMs / 1000);
      assert.equal((await refusals(userId(officer))).length, 2, 'each refusal is audited');
      app.clock.advance(wait * 1000 - 1);
      assert.equal((await search(officer)).status, 429, 'a moment early is still refused');
      app.clock.advance(1);
      assert.equal((await search(officer)).status, 200);
    });
  });
}
