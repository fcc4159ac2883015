import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
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
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { addFlow } from './add-flow.ts';
import { amendAgreement } from './amend-agreement.ts';
import { createAgreement } from './create-agreement.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { getAgreement } from './get-agreement.ts';
import { signAgreement } from './sign-agreement.ts';
import { submitAgreement } from './submit-agreement.ts';
import { updateAgreementDraft } from './update-agreement-draft.ts';
import { updateFlow } from './update-flow.ts';

const parties = [org.csc, org.police, org.trust, org.school];

/** Rejects with validation_failed naming `field`, with a problem matching `problem`. */
async function refused(promise: Promise<unknown>, field: string, problem?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, 'validation_failed');
    const found = error.fields?.find((f) => f.field === field);
    assert.ok(found, `names ${field}: ${JSON.stringify(error.fields)}`);
    if (problem) assert.match(found.problem, problem);
    return true;
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`the life of a data sharing agreement (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    let tier1Id: string;
    let tier2Id: string;
    const snapshot = async () =>
      Promise.all(
        ['agreement', 'agreement_version', 'agreement_flow', 'agreement_signature', 'audit_event'].map((t) =>
          app.count(t),
        ),
      );
    const actions = async () =>
      (
        await queryRows<{ action: string }>(app.database.db, sql`select action from audit_event order by id`)
      ).map((r) => r.action);
    const dana = () => actorFor(app.database.db, 'dana.okafor@northshire.example');
    const signAll = async (id: string, version: number, emails: readonly string[]) => {
      for (const email of emails)
        await signAgreement(deps, await actorFor(app.database.db, email), {
          agreementId: id,
          version,
          declaration: true,
        });
    };

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      deps = agreementDeps(app);
    });
    after(() => app.close());

    test('the DPO drafts a Tier 1 framework and a Tier 2 under it, each with its reference, audited', async () => {
      const before_ = (await actions()).length;
      const tier1 = await createAgreement(deps, await dana(), {
        tier: 'tier1',
        content: tier1Content(parties),
      });
      const tier2 = await createAgreement(deps, await dana(), {
        tier: 'tier2',
        tier1AgreementId: tier1.id,
        content: tier2Content(parties),
        flows: [
          policeChecks,
          { ...healthChecks, confidentialityGatewayId: null, confidentialityGround: null },
        ],
      });
      tier1Id = tier1.id;
      tier2Id = tier2.id;
      assert.deepEqual([tier1.reference, tier2.reference], ['T1-001', 'T2-001']);
      assert.equal(tier2.versions[0]!.status, 'draft');
      assert.deepEqual(tier2.versions[0]!.content.purposes, ['front_door_screening']);
      assert.deepEqual(tier2.versions[0]!.flows[1]!.dataCategories, ['personal', 'special_category']);
      assert.deepEqual((await actions()).slice(before_), ['agreement.created', 'agreement.created']);
    });

    test('a practitioner cannot draft one: "not found", the denial audited and nothing else written', async () => {
      const sam = await actorFor(app.database.db, 'sam.patel@northshire.example');
      const before_ = await snapshot();
      await assert.rejects(createAgreement(deps, sam, { tier: 'tier1', content: tier1Content(parties) }), {
        code: 'not_found',
      });
      const after_ = await snapshot();
      assert.deepEqual(after_.slice(0, 4), before_.slice(0, 4));
      assert.equal(after_[4], before_[4]! + 1);
      assert.equal((await actions()).at(-1), 'access.denied');
    });

    test('a draft with a legal gap cannot be submitted, and the refusal writes nothing', async () => {
      const before_ = await snapshot();
      await refused(
        submitAgreement(deps, await dana(), { agreementId: tier2Id }),
        'flows.1.confidentialityGatewayId',
        /CLDC/,
      );
      assert.deepEqual(await snapshot(), before_);
    });

    test('once fixed, the Tier 2 goes for signature and its text can no longer be edited', async () => {
      const draft = await getAgreement(deps, await dana(), tier2Id);
      await updateFlow(deps, await dana(), {
        agreementId: tier2Id,
        flowId: draft.versions[0]!.flows[1]!.id,
        flow: healthChecks,
      });
      const { agreement, warnings } = await submitAgreement(deps, await dana(), { agreementId: tier2Id });
      assert.equal(agreement.versions[0]!.status, 'awaiting_signatures');
      assert.deepEqual(
        warnings.map((w) => w.rule),
        ['party_without_flow'],
      );
      await refused(
        updateAgreementDraft(deps, await dana(), { agreementId: tier2Id, content: tier2Content(parties) }),
        'status',
        /submitted for signature/,
      );
    });

    test('only a signatory of a party signs, once, the version they name, declaring their authority', async () => {
      const sam = await actorFor(app.database.db, 'sam.patel@northshire.example');
      const housing = await actorFor(app.database.db, 'nina.brooks@northshire.example');
      const tom = await actorFor(app.database.db, signatories.csc);
      const before_ = await snapshot();
      await refused(
        signAgreement(deps, sam, { agreementId: tier2Id, version: 1, declaration: true }),
        'signatory',
        /practitioner/,
      );
      await refused(
        signAgreement(deps, housing, { agreementId: tier2Id, version: 1, declaration: true }),
        'signatory',
        /not a party/,
      );
      await refused(
        signAgreement(deps, tom, { agreementId: tier2Id, version: 2, declaration: true }),
        'version',
      );
      await refused(
        signAgreement(deps, tom, { agreementId: tier2Id, version: 1, declaration: false }),
        'declaration',
        /authority to commit your organisation/,
      );
      assert.deepEqual(await snapshot(), before_);
      await signAgreement(deps, tom, { agreementId: tier2Id, version: 1, declaration: true });
      const [event] = await queryRows<{ details: { declared: boolean; declaration: string } }>(
        app.database.db,
        sql`select details from audit_event where action = 'agreement.signed' order by id desc limit 1`,
      );
      assert.equal(event?.details.declared, true);
      assert.match(
        event?.details.declaration ?? '',
        /^I confirm that I have authority to commit Northshire County Council Children's Services to version 1 of T2-\d+ ‘.+’\..*comes into force when every party has signed it/,
      );
      await refused(
        signAgreement(deps, tom, { agreementId: tier2Id, version: 1, declaration: true }),
        'signatory',
        /already signed/,
      );
    });

    test('when every party has signed, the version comes into force', async () => {
      await signAll(tier2Id, 1, [signatories.police, signatories.trust, signatories.school]);
      const agreement = await getAgreement(deps, await dana(), tier2Id);
      assert.equal(agreement.status, 'active');
      assert.equal(agreement.versionInForce, 1);
      assert.equal(agreement.versions[0]!.signatures.length, 4);
      assert.deepEqual((await actions()).slice(-2), ['agreement.signed', 'agreement.activated']);
      // Its Tier 1 is still a draft, so the Tier 2 is active but not yet in force.
      assert.equal(agreement.inForce, false);
      await submitAgreement(deps, await dana(), { agreementId: tier1Id });
      await signAll(tier1Id, 1, Object.values(signatories));
      assert.equal((await getAgreement(deps, await dana(), tier2Id)).inForce, true);
    });

    test('an agreement in force is amended through a new version; the old stays in force until then', async () => {
      await refused(
        updateAgreementDraft(deps, await dana(), { agreementId: tier2Id, content: tier2Content(parties) }),
        'status',
        /amend the agreement/,
      );
      const amended = await amendAgreement(deps, await dana(), { agreementId: tier2Id });
      assert.deepEqual(
        amended.versions.map((v) => v.status),
        ['active', 'draft'],
      );
      await refused(
        amendAgreement(deps, await dana(), { agreementId: tier2Id }),
        'status',
        /finish that amendment/,
      );
      const schoolFlow = {
        ...policeChecks,
        name: 'School checks',
        fromOrganisationIds: [org.school],
        fieldGroups: ['identity', 'attendance_exclusions'] as const,
        art10ConditionId: null,
        art10Sched1ConditionId: null,
        statutoryGatewayIds: ['CA2004-S11'],
      };
      await addFlow(deps, await dana(), {
        agreementId: tier2Id,
        flow: { ...schoolFlow, fieldGroups: [...schoolFlow.fieldGroups] },
      });
      await submitAgreement(deps, await dana(), { agreementId: tier2Id });
      await signAll(tier2Id, 2, Object.values(signatories));
      const detail = await getAgreement(deps, await dana(), tier2Id);
      assert.deepEqual(
        detail.versions.map((v) => v.displayStatus),
        ['superseded', 'active'],
      );
      assert.equal(detail.versions[0]!.flows.length, 2, 'the signed text of version 1 is kept as it was');
      assert.deepEqual(
        detail.versions[1]!.flows.map((f) => f.position),
        [1, 2, 3],
      );
      assert.notEqual(detail.versions[0]!.flows[0]!.id, detail.versions[1]!.flows[0]!.id);
    });

    test('a Tier 2 needs a Tier 1 of its own partnership that is in force or in draft', async () => {
      const before_ = await snapshot();
      for (const tier1AgreementId of [tier2Id, '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b99'])
        await refused(
          createAgreement(deps, await dana(), {
            tier: 'tier2',
            tier1AgreementId,
            content: tier2Content(parties),
            flows: [policeChecks],
          }),
          'tier1AgreementId',
        );
      assert.deepEqual(await snapshot(), before_);
    });

    test('the database itself refuses to edit a signed version or to remove a signature', async () => {
      await assert.rejects(
        app.database.db.execute(
          sql`update agreement_version set title = 'Changed' where agreement_id = ${tier2Id} and version = 1`,
        ),
      );
      await assert.rejects(
        app.database.db.execute(sql`delete from agreement_signature where agreement_id = ${tier2Id}`),
      );
      await assert.rejects(
        app.database.db.execute(
          sql`update agreement_flow set name = 'Changed' where agreement_id = ${tier2Id} and version = 2`,
        ),
      );
    });
  });
}
