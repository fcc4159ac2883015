import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { org } from '../../../test/support/northshire-flows.ts';
import {
  children,
  insertSubjectRecords,
  northshireRecords,
} from '../../../test/support/northshire-records.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../shared/database.ts';
import { createScopedReader } from './scoped-reader.ts';

for (const kind of testDatabaseKinds()) {
  describe(`"why can I see this" (${kind})`, () => {
    let app: TestApp;
    let joBaker: UserActor;
    before(async () => {
      app = await createTestApp(kind);
      joBaker = await actorByEmail(app.database.db, 'jo.baker@northshire.example');
      await insertSubjectRecords(app.database.db, northshireRecords);
    });
    after(() => app.close());

    test('names, for each thing shown, what allowed it', async () => {
      const why = await createScopedReader(app.deps, joBaker, 'early_help').explainAccess(children.samTaylor);
      assert.deepEqual(
        why.shown.map((s) => s.explanation),
        [
          // The council's record, shared by T2-031, then the school's own.
          "Shown because agreement T2-031 (Early help in schools, Northshire County Council Children's Services → Riverside Primary School) covers 'Children's social care involvement' for the purpose 'Early help (with consent)'",
          "Shown because Riverside Primary School is your own organisation: it holds this record itself, and a designated safeguarding lead may use its records for the purpose 'Early help (with consent)'",
          "Shown because Riverside Primary School is your own organisation: it holds this record itself, and a designated safeguarding lead may use its records for the purpose 'Early help (with consent)'",
        ],
      );
      assert.deepEqual(
        why.shown.map((s) => s.decision.fieldGroup),
        ['social_care_involvement', 'attendance_exclusions', 'education'],
      );
    });

    test('says what the agreements would not show, from the agreements alone, the same for every child', async () => {
      const reader = createScopedReader(app.deps, joBaker, 'early_help');
      const sam = await reader.explainAccess(children.samTaylor);
      const leo = await reader.explainAccess(children.leoGrant);
      assert.ok(
        sam.notShown.some(
          (n) =>
            n.explanation ===
            "Not shown: no agreement in force lets Riverside Primary School see 'Mental health' held by Northshire Hospitals NHS Foundation Trust for 'Early help (with consent)'",
        ),
      );
      assert.deepEqual(sam.notShown, leo.notShown, 'nothing in it depends on what is held about the child');
      assert.ok(
        sam.notShown.every((n) => n.decision.outcome === 'deny' && n.holderOrganisationId !== org.school),
      );
    });

    test('is itself a disclosure, audited, and answers not found exactly as the read does', async () => {
      const reader = createScopedReader(app.deps, joBaker, 'early_help');
      await reader.explainAccess(children.samTaylor, { fieldGroups: ['education'] });
      const [viewed] = await queryRows<{ disclosed: string[]; details: { view: string } }>(
        app.database.db,
        sql`select disclosed, details from audit_event where action = 'subject.viewed' order by id desc limit 1`,
      );
      assert.deepEqual([viewed!.details.view, viewed!.disclosed], ['access_explanation', ['education']]);
      const refusal = (subjectId: string) =>
        reader.explainAccess(subjectId).then(
          () => assert.fail('expected not found'),
          (e: unknown) => e as Error & { code?: string },
        );
      const notYours = await refusal(children.miaHughes);
      const missing = await refusal(children.nobody);
      assert.deepEqual([notYours.message, notYours.code], [missing.message, missing.code]);
      assert.equal(missing.code, 'not_found');
      const denials = await queryRows<{ details: { attempted: string; reason: string } }>(
        app.database.db,
        sql`select details from audit_event where action = 'access.denied' order by id desc limit 2`,
      );
      assert.deepEqual(
        denials.map((d) => [d.details.attempted, d.details.reason]),
        [
          ['subject.access', 'no_such_subject'],
          ['subject.access', 'nothing_disclosable'],
        ],
      );
    });
  });
}
