import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  actorFor,
  agreementDeps,
  healthChecks,
  org,
  policeChecks,
  signatories,
  southvaleSchoolId,
  tier1Content,
  tier2Content,
} from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { Actor } from '../shared/actor.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { addFlow } from './add-flow.ts';
import { amendAgreement } from './amend-agreement.ts';
import { createAgreement } from './create-agreement.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { findFlowsInForceSnapshot, readPolicyGeneration } from './policy-generation.ts';
import { removeFlow } from './remove-flow.ts';
import { resumeAgreement } from './resume-agreement.ts';
import { signAgreement } from './sign-agreement.ts';
import { submitAgreement } from './submit-agreement.ts';
import { suspendAgreement } from './suspend-agreement.ts';
import { terminateAgreement } from './terminate-agreement.ts';
import { updateAgreementDraft } from './update-agreement-draft.ts';
import { updateFlow } from './update-flow.ts';

const parties = [org.csc, org.police, org.trust, org.school];

for (const kind of testDatabaseKinds()) {
  describe(`the agreements' policy generation (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    let dana: Actor;
    let partnershipId: PartnershipId;
    const generation = () => readPolicyGeneration(app.database.db, partnershipId);
    /** Runs a change and says whether the generation moved with it. */
    const moves = async (change: () => Promise<unknown>) => {
      const before = await generation();
      await change();
      return BigInt(await generation()) > BigInt(before);
    };
    const signAll = async (agreementId: string, version: number) => {
      for (const email of Object.values(signatories))
        await signAgreement(deps, await actorFor(app.database.db, email), {
          agreementId,
          version,
          declaration: true,
        });
    };

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      deps = agreementDeps(app);
      dana = await actorFor(app.database.db, 'dana.okafor@northshire.example');
      partnershipId = dana.partnershipId;
    });
    after(() => app.close());

    test('is 0 before the partnership has any agreement', async () => {
      assert.equal(await generation(), '0');
    });

    test('moves with every change to an agreement, in the same transaction as the change', async () => {
      let tier1Id = '';
      assert.ok(
        await moves(async () => {
          tier1Id = (await createAgreement(deps, dana, { tier: 'tier1', content: tier1Content(parties) })).id;
        }),
      );
      assert.ok(await moves(() => submitAgreement(deps, dana, { agreementId: tier1Id })));
      assert.ok(await moves(() => signAll(tier1Id, 1)));
      let id = '';
      assert.ok(
        await moves(async () => {
          id = (
            await createAgreement(deps, dana, {
              tier: 'tier2',
              tier1AgreementId: tier1Id,
              content: tier2Content(parties),
              flows: [policeChecks],
            })
          ).id;
        }),
      );
      let flowId = '';
      assert.ok(
        await moves(async () => {
          const added = await addFlow(deps, dana, { agreementId: id, flow: healthChecks });
          flowId = added.versions.at(-1)!.flows.at(-1)!.id;
        }),
      );
      assert.ok(
        await moves(() =>
          updateFlow(deps, dana, {
            agreementId: id,
            flowId,
            flow: { ...healthChecks, name: 'Health checks' },
          }),
        ),
      );
      assert.ok(await moves(() => removeFlow(deps, dana, { agreementId: id, flowId })));
      const draft = tier2Content(parties);
      assert.ok(
        await moves(() =>
          updateAgreementDraft(deps, dana, { agreementId: id, content: { ...draft, title: 'Checks' } }),
        ),
      );
      assert.ok(await moves(() => submitAgreement(deps, dana, { agreementId: id })));
      assert.ok(await moves(() => signAll(id, 1)));
      assert.ok(await moves(() => amendAgreement(deps, dana, { agreementId: id })));
      assert.ok(await moves(() => suspendAgreement(deps, dana, { agreementId: id, reason: 'Breach' })));
      assert.ok(await moves(() => resumeAgreement(deps, dana, { agreementId: id })));
      assert.ok(await moves(() => terminateAgreement(deps, dana, { agreementId: id, reason: 'Replaced' })));
    });

    test('a refused change leaves it where it was', async () => {
      const before = await generation();
      await assert.rejects(() =>
        createAgreement(deps, dana, { tier: 'tier1', content: tier1Content([southvaleSchoolId]) }),
      );
      assert.equal(await generation(), before);
    });

    test('a snapshot holds from the last dated act until the next UK midnight', async () => {
      const at = app.clock.now(); // 09:00 GMT on 2 November 2026
      const snapshot = await findFlowsInForceSnapshot(app.database.db, partnershipId, at);
      assert.equal(snapshot.generation, await generation());
      // The last act (the termination above) happened at this very instant, so the window opens on it.
      assert.equal(snapshot.fromMs, at.getTime());
      assert.equal(new Date(snapshot.untilMs).toISOString(), '2026-11-03T00:00:00.000Z');
      // A summer day ends at 23:00 UTC, midnight in London (BST).
      const summer = await findFlowsInForceSnapshot(
        app.database.db,
        partnershipId,
        new Date('2027-07-01T12:00:00Z'),
      );
      assert.equal(new Date(summer.untilMs).toISOString(), '2027-07-01T23:00:00.000Z');
    });

    test('a snapshot asked for before an act ends where the act takes effect', async () => {
      const earlier = new Date(app.clock.now().getTime() - 3_600_000);
      const snapshot = await findFlowsInForceSnapshot(app.database.db, partnershipId, earlier);
      assert.equal(snapshot.untilMs, app.clock.now().getTime());
      // Everything above happened at 09:00 on the test clock: at 08:00 nothing had been signed.
      assert.deepEqual(snapshot.flows, []);
      assert.equal(new Date(snapshot.fromMs).toISOString(), '2026-11-02T00:00:00.000Z');
    });
  });
}
