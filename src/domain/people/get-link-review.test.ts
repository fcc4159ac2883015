// Issue 13, hole 4: the pair page showed both records' full identifiers from any agency, and read
// them before its audit transaction opened. It now goes through the policy's named bypass
// (unsafeReadLinkReviewPair): only the identifiers both records hold, read and audited in one
// transaction.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, getTableName, sql, type Table } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { northshirePartnershipId } from '../../../test/support/northshire-flows.ts';
import { seedReviewPairs } from '../../../test/support/review-pairs.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { linkReviewFields } from '../policy/unsafe-read-link-review-pair.ts';
import { agencyPerson } from '../records/schema.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { getLinkReview } from './get-link-review.ts';
import { LinkIndexes, type LinkingDeps } from './held-index.ts';

/** A view of the database that notes every table read, and any raw statement, before a transaction opens. */
function watchReadsBeforeTransaction(db: Db): { db: Db; before: string[] } {
  const before: string[] = [];
  let opened = false;
  const watched = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === 'transaction')
        return (...args: unknown[]) => {
          opened = true;
          return fn.apply(target, args);
        };
      if (prop === 'execute')
        return (...args: unknown[]) => {
          if (!opened) before.push('execute');
          return fn.apply(target, args);
        };
      if (prop === 'select')
        return (...args: unknown[]) => {
          const builder = fn.apply(target, args) as { from: (table: Table) => unknown };
          const from = builder.from.bind(builder);
          builder.from = (table: Table) => {
            if (!opened) before.push(getTableName(table));
            return from(table);
          };
          return builder;
        };
      return fn.bind(target);
    },
  });
  return { db: watched, before };
}

for (const kind of testDatabaseKinds()) {
  describe(`the link review pair page, through the policy's named bypass (${kind})`, () => {
    let app: TestApp;
    let deps: LinkingDeps;
    let alex: UserActor;
    let pair: { newRecord: string; reviewIds: string[] };

    before(async () => {
      app = await createTestApp(kind);
      deps = { ...app.deps, linkIndexes: new LinkIndexes() };
      alex = await actorByEmail(deps.db, 'alex.morgan@northshire.example');
      pair = await seedReviewPairs(deps);
    });
    after(() => app.close());

    test('each record shows only the identifiers both hold, and each view’s audit event names them', async () => {
      const reviewId = pair.reviewIds[0]!;
      const [review] = await queryRows<{ candidate: string }>(
        deps.db,
        sql`select candidate_agency_person_id::text as candidate from link_review where id = ${reviewId}`,
      );
      // An identifier on one side only weighs nothing in the match: the reviewer must not see it.
      const only = (id: string, values: { email: string | null; phone: string | null }) =>
        deps.db
          .update(agencyPerson)
          .set(values)
          .where(and(eq(agencyPerson.partnershipId, northshirePartnershipId), eq(agencyPerson.id, id)));
      await only(pair.newRecord, { email: 'only.here@northshire.example', phone: null });
      await only(review!.candidate, { email: null, phone: '07700 900 123' });
      const detail = await getLinkReview(deps, alex, reviewId);
      const text = JSON.stringify(detail);
      assert.ok(!text.includes('only.here@northshire.example'), 'an email on one side only');
      assert.ok(!text.includes('07700 900 123'), 'a phone on one side only');
      const [a, b] = detail.records;
      const shown = Object.keys(a.fields).sort();
      assert.deepEqual(Object.keys(b.fields).sort(), shown);
      assert.ok(shown.length > 0 && shown.every((f) => (linkReviewFields as string[]).includes(f)));
      for (const r of detail.records) {
        assert.deepEqual(Object.keys(r).sort(), [
          'fields',
          'id',
          'organisationId',
          'organisationName',
          'personId',
        ]);
        for (const f of shown) assert.ok(r.fields[f as keyof typeof r.fields], f);
      }
      const views = await queryRows<{ subject_id: string; fields: string[]; disclosed: string[] }>(
        deps.db,
        sql`select subject_id, details->'fields' as fields, disclosed from audit_event
              where action = 'subject.viewed' and details->>'view' = 'link_review' order by id`,
      );
      assert.deepEqual(views.map((v) => v.subject_id).sort(), [a.id, b.id].sort());
      for (const v of views) {
        assert.deepEqual([...v.fields].sort(), shown);
        assert.deepEqual(v.disclosed, ['identity']);
      }
    });

    test('the review and both records are read in the transaction that audits them, never before it', async () => {
      const watched = watchReadsBeforeTransaction(deps.db);
      await getLinkReview({ ...deps, db: watched.db }, alex, pair.reviewIds[1]!);
      assert.deepEqual(watched.before, []);
    });
  });
}
