import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { seedReviewPairs } from '../../../test/support/review-pairs.ts';
import { northshirePartnershipId } from '../../../test/support/northshire-flows.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../shared/database.ts';
import { randomIds } from '../shared/ids.ts';
import { decideLinkReview } from './decide-link-review.ts';
import { findLinkReviews } from './find-link-reviews.ts';
import { getLinkReview } from './get-link-review.ts';
import { LinkIndexes, type LinkingDeps } from './held-index.ts';
import { personLink } from './schema.ts';
import { undoLinkReview } from './undo-link-review.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the review queue (${kind})`, () => {
    let app: TestApp;
    let deps: LinkingDeps;
    let alex: UserActor;
    let sam: UserActor;
    let pair: { newRecord: string; reviewIds: string[] };
    const count = async (table: string) => app.count(table);
    const personOf = async (id: string) =>
      (
        await deps.db
          .select()
          .from(personLink)
          .where(
            and(eq(personLink.partnershipId, northshirePartnershipId), eq(personLink.agencyPersonId, id)),
          )
      )[0]!;

    before(async () => {
      app = await createTestApp(kind);
      deps = { ...app.deps, linkIndexes: new LinkIndexes() };
      alex = await actorByEmail(deps.db, 'alex.morgan@northshire.example');
      sam = await actorByEmail(deps.db, 'sam.patel@northshire.example');
      pair = await seedReviewPairs(deps);
      assert.equal(pair.reviewIds.length, 2);
    });
    after(() => app.close());

    test('the partnership administrator sees the queue with holders and scores, and no identity', async () => {
      const queue = await findLinkReviews(deps, alex);
      assert.ok(queue.total >= 2);
      const item = queue.reviews.find((r) => r.id === pair.reviewIds[0])!;
      assert.equal(item.organisations[0], 'Northshire Homes');
      assert.ok(item.matchProbability > 0.5);
      assert.deepEqual(Object.keys(item).sort(), [
        'createdAt',
        'id',
        'matchProbability',
        'organisations',
        'reason',
        'status',
      ]);
    });

    test('a practitioner may not review: not found, and the refusal is audited', async () => {
      const denied = await count('audit_event');
      await assert.rejects(findLinkReviews(deps, sam), { code: 'not_found' });
      await assert.rejects(getLinkReview(deps, sam, pair.reviewIds[0]!), { code: 'not_found' });
      assert.equal(await count('audit_event'), denied + 2);
    });

    test('the pair page shows both records and the match weight by comparison, audited as two views', async () => {
      const before = await count('audit_event');
      const detail = await getLinkReview(deps, alex, pair.reviewIds[0]!);
      assert.equal(detail.records[0].id, pair.newRecord);
      assert.equal(detail.records[0].organisationName, 'Northshire Homes');
      assert.equal(detail.records[0].fields.last_name, detail.records[1].fields.last_name);
      const e = detail.explanation!;
      const sum = e.comparisons.reduce((s, c) => s + c.vsStrangers, e.prior.vsStrangers);
      assert.ok(Math.abs(sum - e.vsStrangers) < 1e-9);
      assert.equal(detail.samePerson, false);
      assert.equal(await count('audit_event'), before + 2);
      const views = await queryRows<{ subject_id: string; disclosed: string[] }>(
        deps.db,
        sql`select subject_id, disclosed from audit_event where action = 'subject.viewed' and details->>'view' = 'link_review'`,
      );
      assert.deepEqual(
        new Set(views.map((v) => v.subject_id)),
        new Set([pair.newRecord, detail.records[1].id]),
      );
      assert.deepEqual(views[0]!.disclosed, ['identity']);
      await assert.rejects(getLinkReview(deps, alex, randomIds.uuid()), { code: 'not_found' });
    });

    test('a decision needs a reason and a known decision; bad input writes nothing', async () => {
      const decisions = await count('link_decision');
      await assert.rejects(
        decideLinkReview(deps, alex, { reviewId: pair.reviewIds[0]!, decision: 'confirmed', reason: '   ' }),
        (e: { code: string; fields: { field: string }[] }) =>
          e.code === 'validation_failed' && e.fields[0]!.field === 'reason',
      );
      await assert.rejects(
        decideLinkReview(deps, alex, {
          reviewId: pair.reviewIds[0]!,
          decision: 'maybe' as 'confirmed',
          reason: 'x',
        }),
        (e: { fields: { field: string }[] }) => e.fields[0]!.field === 'decision',
      );
      assert.equal(await count('link_decision'), decisions);
    });

    test('confirming merges the persons; deciding again is a conflict; undoing restores every record', async () => {
      const [first] = pair.reviewIds;
      const detail = await getLinkReview(deps, alex, first!);
      const before = await personOf(pair.newRecord);
      const confirmed = await decideLinkReview(deps, alex, {
        reviewId: first!,
        decision: 'confirmed',
        reason: 'Same NHS number and date of birth',
      });
      assert.equal(confirmed.moved, 1);
      const merged = await personOf(pair.newRecord);
      assert.equal(merged.personId, detail.records[1].personId);
      assert.equal(merged.linkedBy, 'review');
      await assert.rejects(
        decideLinkReview(deps, alex, { reviewId: first!, decision: 'rejected', reason: 'second thoughts' }),
        { code: 'conflict' },
      );
      const undone = await undoLinkReview(deps, alex, { reviewId: first!, reason: 'Confirmed in error' });
      assert.equal(undone.restored, 1);
      const restored = await personOf(pair.newRecord);
      assert.deepEqual(
        [restored.personId, restored.linkedBy, restored.matchProbability],
        [before.personId, before.linkedBy, before.matchProbability],
      );
      await assert.rejects(undoLinkReview(deps, alex, { reviewId: first!, reason: 'again' }), {
        code: 'conflict',
      });
      const history = await getLinkReview(deps, alex, first!);
      assert.deepEqual(
        history.decisions.map((d) => d.kind),
        ['confirmed', 'undone'],
      );
      assert.equal(history.status, 'undone');
    });

    test('rejecting changes no link, and every decision is audited with its reason', async () => {
      const before = await personOf(pair.newRecord);
      const rejected = await decideLinkReview(deps, alex, {
        reviewId: pair.reviewIds[1]!,
        decision: 'rejected',
        reason: 'Twins: different first names',
      });
      assert.equal(rejected.moved, 0);
      assert.deepEqual(await personOf(pair.newRecord), before);
      const events = await queryRows<{ action: string; reason: string }>(
        deps.db,
        sql`select action, details->>'reason' as reason from audit_event
              where action in ('link_review.decided', 'link_review.undone') order by id`,
      );
      assert.deepEqual(
        events.map((e) => [e.action, e.reason]),
        [
          ['link_review.decided', 'Same NHS number and date of birth'],
          ['link_review.undone', 'Confirmed in error'],
          ['link_review.decided', 'Twins: different first names'],
        ],
      );
      const pending = await findLinkReviews(deps, alex);
      assert.ok(!pending.reviews.some((r) => pair.reviewIds.includes(r.id)));
    });
  });
}
