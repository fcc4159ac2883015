import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  actorFor,
  agreementDeps,
  healthChecks,
  org,
  policeChecks,
  signatories,
  tier1Content,
  tier2Content,
} from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { Actor } from '../shared/actor.ts';
import { amendAgreement } from './amend-agreement.ts';
import type { FlowContent } from './agreement-terms.ts';
import { checkCoverage, type CoverageResult } from './check-coverage.ts';
import { createAgreement } from './create-agreement.ts';
import { findFlowsInForce } from './find-flows-in-force.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { getAgreement } from './get-agreement.ts';
import { removeFlow } from './remove-flow.ts';
import { resumeAgreement } from './resume-agreement.ts';
import { signAgreement } from './sign-agreement.ts';
import { submitAgreement } from './submit-agreement.ts';
import { suspendAgreement } from './suspend-agreement.ts';
import { terminateAgreement } from './terminate-agreement.ts';

const parties = [org.csc, org.police, org.trust, org.school];
const schoolConcerns: FlowContent = {
  ...policeChecks,
  name: 'School concerns',
  fromOrganisationIds: [org.school],
  toOrganisationIds: [org.csc, org.police],
  fieldGroups: ['identity', 'attendance_exclusions'],
  art10ConditionId: null,
  art10Sched1ConditionId: null,
};

for (const kind of testDatabaseKinds()) {
  describe(`flows in force and the coverage check (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    let dana: Actor;
    let tier1Id: string;
    let tier2Id: string;
    const pairs = async (at = app.clock.now()) =>
      (await findFlowsInForce(app.database.db, dana.partnershipId, at)).map(
        (f) => `${f.agreementReference}v${f.agreementVersion}:${f.fromOrganisationId}>${f.toOrganisationId}`,
      );
    const coverage = (query: Partial<Parameters<typeof checkCoverage>[2]> = {}) =>
      checkCoverage(deps, dana, {
        from: org.police,
        to: org.csc,
        purpose: 'front_door_screening',
        fieldGroups: ['identity', 'police_incidents'],
        ...query,
      });
    const reasonCodes = (result: CoverageResult) => (result.covered ? [] : result.reasons.map((r) => r.code));
    const signAll = async (id: string, version: number) => {
      for (const email of Object.values(signatories))
        await signAgreement(deps, await actorFor(app.database.db, email), {
          agreementId: id,
          version,
          declaration: true,
        });
    };
    const makeActive = async (id: string, version = 1) => {
      await submitAgreement(deps, dana, { agreementId: id });
      await signAll(id, version);
    };

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      deps = agreementDeps(app);
      dana = await actorFor(app.database.db, 'dana.okafor@northshire.example');
      tier1Id = (await createAgreement(deps, dana, { tier: 'tier1', content: tier1Content(parties) })).id;
      await makeActive(tier1Id);
      tier2Id = (
        await createAgreement(deps, dana, {
          tier: 'tier2',
          tier1AgreementId: tier1Id,
          content: tier2Content(parties),
          flows: [policeChecks, healthChecks, schoolConcerns],
        })
      ).id;
    });
    after(() => app.close());

    test('a Tier 2 awaiting signatures has no flows in force, and coverage says who has not signed', async () => {
      await submitAgreement(deps, dana, { agreementId: tier2Id });
      await signAgreement(deps, await actorFor(app.database.db, signatories.csc), {
        agreementId: tier2Id,
        version: 1,
        declaration: true,
      });
      assert.deepEqual(await pairs(), []);
      const result = await coverage();
      assert.equal(result.covered, false);
      assert.deepEqual(reasonCodes(result), ['agreement_not_signed']);
      assert.match(
        (result as { reasons: readonly { message: string }[] }).reasons[0]!.message,
        /waiting for Northshire Police, Northshire Hospitals NHS Foundation Trust, Riverside Primary School/,
      );
    });

    test('once signed, there is one entry per flow and pair of organisations', async () => {
      for (const key of ['police', 'trust', 'school'] as const)
        await signAgreement(deps, await actorFor(app.database.db, signatories[key]), {
          agreementId: tier2Id,
          version: 1,
          declaration: true,
        });
      assert.deepEqual(await pairs(), [
        `T2-001v1:${org.police}>${org.csc}`,
        `T2-001v1:${org.trust}>${org.csc}`,
        `T2-001v1:${org.school}>${org.csc}`,
        `T2-001v1:${org.school}>${org.police}`,
      ]);
      const [first] = await findFlowsInForce(app.database.db, dana.partnershipId, app.clock.now());
      assert.equal(first!.agreementTitle, 'Front door partner checks');
      assert.deepEqual(first!.purposes, ['front_door_screening']);
      assert.deepEqual(first!.fieldGroups, ['identity', 'police_incidents']);
      assert.deepEqual(first!.gatewayIds, ['CA2004-S11', 'UKGDPR-6-1-e', 'UKGDPR-10', 'DPA-S1-P18']);
      assert.equal(first!.validFrom.toISOString(), '2026-03-31T23:00:00.000Z');
      assert.equal(first!.validTo, null);
    });

    test('coverage names the agreement, version, flow and gateways that cover a sharing', async () => {
      const result = await coverage();
      assert.ok(result.covered);
      const [match] = result.matches;
      assert.equal(match!.reference, 'T2-001');
      assert.equal(match!.version, 1);
      assert.equal(match!.flowPosition, 1);
      assert.deepEqual(
        match!.gateways.map((g) => [g.id, g.kind]),
        [
          ['CA2004-S11', 'statute_duty'],
          ['UKGDPR-6-1-e', 'uk_gdpr_art6'],
          ['UKGDPR-10', 'uk_gdpr_art10'],
          ['DPA-S1-P18', 'dpa_sched1'],
        ],
      );
      assert.ok((await coverage({ fieldGroups: undefined, dataCategories: ['criminal_offence'] })).covered);
    });

    test('not covered: every reason is given', async () => {
      const wrongPurpose = await coverage({
        purpose: 's47_enquiry',
        fieldGroups: ['identity', 'physical_health', 'housing'],
      });
      assert.deepEqual(reasonCodes(wrongPurpose), [
        'purpose_not_in_flow',
        'field_group_not_in_flow',
        'field_group_not_in_flow',
      ]);
      assert.match(
        (wrongPurpose as { reasons: readonly { message: string }[] }).reasons[1]!.message,
        /Flow 1 of T2-001 \(version 1\) does not include physical health/,
      );
      assert.deepEqual(reasonCodes(await coverage({ from: org.csc, to: org.trust })), ['no_flow']);
    });

    test('suspension stops the flows at once, and resuming restores them; the past is unchanged', async () => {
      const beforeSuspension = app.clock.now();
      app.clock.advance(60_000);
      await suspendAgreement(deps, dana, { agreementId: tier2Id, reason: 'Breach under investigation' });
      assert.deepEqual(await pairs(), []);
      assert.deepEqual(reasonCodes(await coverage()), ['agreement_suspended']);
      assert.equal((await pairs(beforeSuspension)).length, 4, 'what was in force then still was');
      assert.ok((await coverage({ at: beforeSuspension })).covered);
      app.clock.advance(60_000);
      await resumeAgreement(deps, dana, { agreementId: tier2Id });
      assert.equal((await pairs()).length, 4);
    });

    test('a Tier 2 stops while its Tier 1 framework is suspended', async () => {
      app.clock.advance(60_000);
      await suspendAgreement(deps, dana, { agreementId: tier1Id, reason: 'Framework under review' });
      assert.deepEqual(await pairs(), []);
      assert.deepEqual(reasonCodes(await coverage()), ['framework_not_in_force']);
      app.clock.advance(60_000);
      await resumeAgreement(deps, dana, { agreementId: tier1Id });
      assert.equal((await pairs()).length, 4);
    });

    test('an amendment replaces the old flows only once every party has signed it', async () => {
      app.clock.advance(60_000);
      const amended = await amendAgreement(deps, dana, { agreementId: tier2Id });
      const healthFlowId = amended.versions[1]!.flows[1]!.id;
      await removeFlow(deps, dana, { agreementId: tier2Id, flowId: healthFlowId });
      assert.equal((await pairs()).length, 4, 'version 1 stays in force while version 2 is drafted');
      await submitAgreement(deps, dana, { agreementId: tier2Id });
      await signAll(tier2Id, 2);
      assert.deepEqual(await pairs(), [
        `T2-001v2:${org.police}>${org.csc}`,
        `T2-001v2:${org.school}>${org.csc}`,
        `T2-001v2:${org.school}>${org.police}`,
      ]);
      const v2Flows = (await getAgreement(deps, dana, tier2Id)).versions[1]!.flows.map((f) => f.id);
      const inForce = await findFlowsInForce(app.database.db, dana.partnershipId, app.clock.now());
      assert.ok(
        inForce.every((f) => v2Flows.includes(f.flowId)),
        'the new flows, not the old ones',
      );
      assert.deepEqual(reasonCodes(await coverage({ from: org.trust, fieldGroups: ['physical_health'] })), [
        'no_flow',
      ]);
    });

    test('an agreement expires at the end of its end date, UK time', async () => {
      const shortId = (
        await createAgreement(deps, dana, {
          tier: 'tier2',
          tier1AgreementId: tier1Id,
          content: {
            ...tier2Content([org.csc, org.trust]),
            title: 'Winter pilot',
            reviewDate: '2026-12-01',
            endDate: '2026-12-31',
          },
          flows: [{ ...healthChecks, purposes: ['s47_enquiry'] }],
        })
      ).id;
      await submitAgreement(deps, dana, { agreementId: shortId });
      for (const key of ['csc', 'trust'] as const)
        await signAgreement(deps, await actorFor(app.database.db, signatories[key]), {
          agreementId: shortId,
          version: 1,
          declaration: true,
        });
      const pilot = (at: string) => pairs(new Date(at)).then((p) => p.filter((x) => x.startsWith('T2-002')));
      assert.equal((await pilot('2026-12-31T23:59:59Z')).length, 1);
      assert.equal((await pilot('2027-01-01T00:00:00Z')).length, 0);
      const query = {
        from: org.trust,
        purpose: 's47_enquiry' as const,
        fieldGroups: ['physical_health' as const],
      };
      assert.deepEqual(reasonCodes(await coverage({ ...query, at: new Date('2027-01-02T12:00:00Z') })), [
        'agreement_expired',
      ]);
      const saved = app.clock.now();
      app.clock.set(new Date('2027-01-02T12:00:00Z'));
      assert.equal((await getAgreement(deps, dana, shortId)).status, 'expired');
      app.clock.set(saved);
    });

    test('termination stops the flows at once and for good', async () => {
      app.clock.advance(60_000);
      await terminateAgreement(deps, dana, {
        agreementId: tier2Id,
        reason: 'Replaced by a regional agreement',
      });
      assert.ok((await pairs()).every((p) => !p.startsWith('T2-001')));
      assert.deepEqual(reasonCodes(await coverage()), ['agreement_terminated']);
      await assert.rejects(resumeAgreement(deps, dana, { agreementId: tier2Id }), {
        code: 'validation_failed',
      });
    });

    test('coverage refuses organisations it does not know, as it would a missing one', async () => {
      await assert.rejects(
        coverage({ to: '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b02' }),
        (error: { fields: { field: string }[] }) => {
          assert.deepEqual(error.fields, [{ field: 'to', problem: 'Select an organisation from the list' }]);
          return true;
        },
      );
    });
  });
}
