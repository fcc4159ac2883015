import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { actorFor, agreementDeps, createActivePair } from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { Actor } from '../shared/actor.ts';
import { findAgreements } from './find-agreements.ts';
import { findAgreementsDueForReview } from './find-agreements-due-for-review.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { getAgreement } from './get-agreement.ts';
import { resumeAgreement } from './resume-agreement.ts';
import { suspendAgreement } from './suspend-agreement.ts';
import { terminateAgreement } from './terminate-agreement.ts';
import { amendAgreement } from './amend-agreement.ts';

for (const kind of testDatabaseKinds()) {
  describe(`governing agreements in force (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    let alex: Actor;
    let sam: Actor;
    let tier1Id: string;
    let tier2Id: string;
    const status = async (id: string) => (await getAgreement(deps, sam, id)).status;

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      deps = agreementDeps(app);
      alex = await actorFor(app.database.db, 'alex.morgan@northshire.example');
      sam = await actorFor(app.database.db, 'sam.patel@northshire.example');
      ({ tier1Id, tier2Id } = await createActivePair(deps, app.database.db));
    });
    after(() => app.close());

    test('every member of the partnership may read the agreements, which are transparency documents', async () => {
      const ruth = await actorFor(app.database.db, 'ruth.ali@northshire.example');
      const list = await findAgreements(deps, ruth);
      assert.deepEqual(
        list.map((a) => [a.reference, a.status, a.inForce]),
        [
          ['T1-001', 'active', true],
          ['T2-001', 'active', true],
        ],
      );
      assert.deepEqual(
        (await findAgreements(deps, ruth, { tier: 'tier2' })).map((a) => a.reference),
        ['T2-001'],
      );
      const tier1 = await getAgreement(deps, ruth, tier1Id);
      assert.deepEqual(
        tier1.tier2Agreements.map((a) => a.reference),
        ['T2-001'],
      );
    });

    test('a practitioner cannot suspend, terminate or amend: "not found", audited', async () => {
      for (const act of [
        () => suspendAgreement(deps, sam, { agreementId: tier2Id, reason: 'x' }),
        () => terminateAgreement(deps, sam, { agreementId: tier2Id, reason: 'x' }),
        () => amendAgreement(deps, sam, { agreementId: tier2Id }),
      ])
        await assert.rejects(act(), { code: 'not_found' });
      assert.equal(await status(tier2Id), 'active');
    });

    test('the administrator suspends and resumes; suspending twice or resuming what is not suspended is refused', async () => {
      await suspendAgreement(deps, alex, { agreementId: tier2Id, reason: 'Breach at a party' });
      assert.equal(await status(tier2Id), 'suspended');
      const detail = await getAgreement(deps, sam, tier2Id);
      assert.equal(detail.suspension?.reason, 'Breach at a party');
      await assert.rejects(suspendAgreement(deps, alex, { agreementId: tier2Id, reason: 'Again' }), {
        code: 'validation_failed',
      });
      await resumeAgreement(deps, alex, { agreementId: tier2Id });
      assert.equal(await status(tier2Id), 'active');
      await assert.rejects(resumeAgreement(deps, alex, { agreementId: tier2Id }), {
        code: 'validation_failed',
      });
    });

    test('review falls due on the review date, and due-for-review looks ahead', async () => {
      assert.deepEqual(await findAgreementsDueForReview(deps, sam, { withinDays: 30 }), []);
      const saved = app.clock.now();
      app.clock.set(new Date('2027-03-10T10:00:00Z'));
      const due = await findAgreementsDueForReview(deps, sam, { withinDays: 30 });
      assert.deepEqual(
        due.map((a) => [a.reference, a.daysUntilReview]),
        [['T2-001', 22]],
      );
      app.clock.set(new Date('2027-04-01T08:00:00Z'));
      assert.equal(await status(tier2Id), 'review_due');
      assert.deepEqual(
        (await findAgreementsDueForReview(deps, sam, { withinDays: 0 })).map((a) => a.reference),
        ['T2-001'],
      );
      app.clock.set(saved);
    });

    test('termination is final', async () => {
      await terminateAgreement(deps, alex, { agreementId: tier2Id, reason: 'Service decommissioned' });
      assert.equal(await status(tier2Id), 'terminated');
      for (const act of [
        () => terminateAgreement(deps, alex, { agreementId: tier2Id, reason: 'Again' }),
        () => suspendAgreement(deps, alex, { agreementId: tier2Id, reason: 'x' }),
        () => amendAgreement(deps, alex, { agreementId: tier2Id }),
      ])
        await assert.rejects(act(), { code: 'validation_failed' });
      assert.equal((await getAgreement(deps, sam, tier2Id)).termination?.reason, 'Service decommissioned');
    });
  });
}
