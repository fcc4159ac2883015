import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorFor, agreementDeps, org } from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { checkCoverage } from '../agreements/check-coverage.ts';
import { findAgreements } from '../agreements/find-agreements.ts';
import { findAgreementsDueForReview } from '../agreements/find-agreements-due-for-review.ts';
import { findFlowsInForce } from '../agreements/find-flows-in-force.ts';
import type { AgreementDeps } from '../agreements/gateway-directory.ts';
import { getAgreement } from '../agreements/get-agreement.ts';
import { getAgreementCheck } from '../agreements/get-agreement-check.ts';
import { queryRows } from '../shared/database.ts';
import type { Actor } from '../shared/actor.ts';

for (const kind of testDatabaseKinds()) {
  describe(`Northshire's demo agreements (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    let sam: Actor;
    before(async () => {
      app = await createTestApp(kind);
      deps = agreementDeps(app);
      sam = await actorFor(app.database.db, 'sam.patel@northshire.example');
    });
    after(() => app.close());

    test('a Tier 1 framework and six Tier 2 agreements, all in force', async () => {
      const all = await findAgreements(deps, sam);
      assert.deepEqual(
        all.map((a) => [a.reference, a.tier, a.inForce]),
        [
          ['T1-001', 'tier1', true],
          ['T2-001', 'tier2', true],
          ['T2-002', 'tier2', true],
          ['T2-003', 'tier2', true],
          ['T2-004', 'tier2', true],
          ['T2-005', 'tier2', true],
          ['T2-006', 'tier2', true],
        ],
      );
      assert.equal(all[0]!.parties.length, 11);
    });

    test('each passes the checks a DPO would make, with no warnings', async () => {
      for (const a of await findAgreements(deps, sam)) {
        const check = await getAgreementCheck(deps, sam, { agreementId: a.id });
        assert.deepEqual([a.reference, check.errors, check.warnings], [a.reference, [], []]);
      }
    });

    test('Operation Encompass was amended: version 2 also tells the council, version 1 is kept', async () => {
      const encompass = (await findAgreements(deps, sam)).find((a) => a.reference === 'T2-003')!;
      const detail = await getAgreement(deps, sam, encompass.id);
      assert.deepEqual(
        detail.versions.map((v) => v.displayStatus),
        ['superseded', 'active'],
      );
      const flows = (await findFlowsInForce(app.database.db, sam.partnershipId, app.clock.now())).filter(
        (f) => f.agreementReference === 'T2-003',
      );
      assert.deepEqual(
        flows.map((f) => [f.fromOrganisationId, f.toOrganisationId, f.fieldGroups]),
        [
          [org.police, org.school, ['domestic_abuse_notifications']],
          [org.police, org.education, ['domestic_abuse_notifications']],
        ],
      );
    });

    test('every signature was made by a signatory of the party it signed for', async () => {
      const rows = await queryRows<{ role: string; n: string }>(
        app.database.db,
        sql`select role, count(*)::text as n from agreement_signature group by role order by role`,
      );
      assert.deepEqual(
        rows.map((r) => r.role),
        ['caldicott_guardian', 'designated_safeguarding_lead', 'team_manager'],
      );
      const mismatched = await queryRows<{ n: string }>(
        app.database.db,
        sql`select count(*)::text as n from agreement_signature s join membership m
            on m.partnership_id = s.partnership_id and m.id = s.membership_id
            where m.organisation_id <> s.organisation_id`,
      );
      assert.equal(mismatched[0]!.n, '0');
    });

    test('the flows a practitioner would expect are covered', async () => {
      const covered = async (
        from: string,
        to: string,
        purpose: Parameters<typeof checkCoverage>[2]['purpose'],
        fieldGroups: Parameters<typeof checkCoverage>[2]['fieldGroups'],
      ) => (await checkCoverage(deps, sam, { from, to, purpose, fieldGroups })).covered;
      assert.ok(await covered(org.police, org.csc, 'front_door_screening', ['police_incidents']));
      assert.ok(await covered(org.gp, org.csc, 's47_enquiry', ['physical_health']));
      assert.ok(
        await covered(org.police, org.school, 'operation_encompass', ['domestic_abuse_notifications']),
      );
      assert.ok(!(await covered(org.police, org.school, 'operation_encompass', ['police_incidents'])));
      assert.ok(
        await covered(org.csc, org.trust, 'child_protection_conference', [
          'identity',
          'child_protection_status',
        ]),
      );
      assert.ok(await covered(org.charity, org.csc, 'early_help', ['family_household']));
      assert.ok(await covered(org.yjs, org.csc, 'child_in_need_assessment', ['youth_justice']));
    });

    test('the youth justice agreement comes up for review within the month', async () => {
      const due = await findAgreementsDueForReview(deps, sam, { withinDays: 30 });
      assert.deepEqual(
        due.map((a) => a.reference),
        ['T2-006'],
      );
    });
  });
}
