import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

interface Worklist {
  recentChildren: { personId: string; purpose: string; purposeLabel: string; name: string | null }[] | null;
  signaturesAwaited: unknown[] | null;
  linkReviewsWaiting: number | null;
  feedRunsWithRejections: unknown[] | null;
}

for (const kind of testDatabaseKinds()) {
  describe(`the home page's worklist (${kind})`, () => {
    let app: TestApp;
    let sam: SignedInSession;
    let rhys: SignedInSession;
    let alex: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      sam = await app.signIn('sam.patel@northshire.example');
      rhys = await app.signIn('dc.jones@northshire.example');
      alex = await app.signIn('alex.morgan@northshire.example');
    });
    after(() => app.close());

    const worklist = async (session: SignedInSession) =>
      (await (await app.request('/api/worklist', { session })).json()) as Worklist;

    test('a social worker finds the children she opened, newest first, for the purpose she opened them for', async () => {
      assert.deepEqual((await worklist(sam)).recentChildren, []);
      const view = await app.request(`/api/persons/${people.samTaylor}/view?purpose=s47_enquiry`, {
        session: sam,
      });
      assert.equal(view.status, 200);
      const mine = await worklist(sam);
      assert.deepEqual(
        mine.recentChildren?.map((c) => [c.personId, c.purpose, c.purposeLabel, c.name]),
        [[people.samTaylor, 's47_enquiry', 'Section 47 enquiry', 'Sam Taylor']],
      );
      assert.equal(mine.signaturesAwaited, null, 'a practitioner does not sign agreements');
      assert.equal(mine.linkReviewsWaiting, null);
      assert.equal(mine.feedRunsWithRejections, null);
      assert.deepEqual((await worklist(rhys)).recentChildren, [], "another user's views are not his");
    });

    test('the partnership administrator sees matches and feed runs to act on, and no children', async () => {
      const admin = await worklist(alex);
      assert.equal(admin.recentChildren, null);
      assert.equal(typeof admin.linkReviewsWaiting, 'number');
      assert.ok(Array.isArray(admin.feedRunsWithRejections));
    });
  });
}
