import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LinkIndexes } from '../../domain/people/held-index.ts';
import { seedReviewPairs } from '../../../test/support/review-pairs.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

type Problem = { error: { code: string; fields?: { field: string }[] } };
const fieldsOf = async (response: Response) =>
  ((await response.json()) as Problem).error.fields?.map((f) => f.field).sort();

for (const kind of testDatabaseKinds()) {
  describe(`the review queue over HTTP (${kind})`, () => {
    let app: TestApp;
    let alex: SignedInSession;
    let sam: SignedInSession;
    let reviewIds: string[];
    before(async () => {
      app = await createTestApp(kind);
      ({ reviewIds } = await seedReviewPairs({ ...app.deps, linkIndexes: new LinkIndexes() }));
      alex = await app.signIn('alex.morgan@northshire.example');
      sam = await app.signIn('sam.patel@northshire.example');
    });
    after(() => app.close());

    const decide = (id: string, body: unknown, session = alex) =>
      app.request(`/api/link-reviews/${id}/decision`, { method: 'POST', body: json(body), session });

    test('lists the pending pairs for the partnership administrator, and not for a practitioner', async () => {
      const list = await app.request('/api/link-reviews', { session: alex });
      assert.equal(list.status, 200);
      const body = (await list.json()) as { reviews: { id: string }[] };
      assert.ok(reviewIds.every((id) => body.reviews.some((r) => r.id === id)));
      assert.equal((await app.request('/api/link-reviews', { session: sam })).status, 404);
      assert.equal((await app.request('/api/link-reviews?status=maybe', { session: alex })).status, 400);
    });

    test('shows a pair with its explanation; a malformed id is a 400 naming it, an unknown one 404', async () => {
      const pair = await app.request(`/api/link-reviews/${reviewIds[0]}`, { session: alex });
      assert.equal(pair.status, 200);
      const body = (await pair.json()) as { records: unknown[]; explanation: { comparisons: unknown[] } };
      assert.equal(body.records.length, 2);
      assert.ok(body.explanation.comparisons.length > 3);
      const bad = await app.request('/api/link-reviews/not-an-id', { session: alex });
      assert.equal(bad.status, 400);
      assert.deepEqual(await fieldsOf(bad), ['reviewId']);
      const unknown = await app.request('/api/link-reviews/00000000-0000-4000-8000-000000000000', {
        session: alex,
      });
      assert.equal(unknown.status, 404);
    });

    test('bad decisions are 400s naming each field, and write nothing', async () => {
      const before = await app.count('link_decision');
      assert.deepEqual(await fieldsOf(await decide(reviewIds[0]!, {})), ['decision', 'reason']);
      assert.deepEqual(await fieldsOf(await decide(reviewIds[0]!, { decision: 'confirmed', reason: ' ' })), [
        'reason',
      ]);
      assert.deepEqual(
        await fieldsOf(await decide(reviewIds[0]!, { decision: 'merge', reason: 'x', extra: 1 })),
        ['decision', 'extra'],
      );
      assert.equal(await app.count('link_decision'), before);
    });

    test('confirm, a second decision is 409, undo, a second undo is 409', async () => {
      const confirmed = await decide(reviewIds[0]!, { decision: 'confirmed', reason: 'Same NHS number' });
      assert.equal(confirmed.status, 200);
      assert.equal(((await confirmed.json()) as { moved: number }).moved, 1);
      const again = await decide(reviewIds[0]!, { decision: 'rejected', reason: 'No' });
      assert.equal(again.status, 409);
      const undo = () =>
        app.request(`/api/link-reviews/${reviewIds[0]}/undo`, {
          method: 'POST',
          body: json({ reason: 'In error' }),
          session: alex,
        });
      assert.equal((await undo()).status, 200);
      assert.equal((await undo()).status, 409);
      assert.equal((await decide(reviewIds[1]!, { decision: 'rejected', reason: 'Twins' }, sam)).status, 404);
    });
  });
}
