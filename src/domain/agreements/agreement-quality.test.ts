import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  actorFor,
  agreementDeps,
  createActivePair,
  healthChecks,
  org,
  policeChecks,
  tier2Content,
} from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { Actor } from '../shared/actor.ts';
import { checkAgreementQuality } from './check-agreement-quality.ts';
import { createAgreement } from './create-agreement.ts';
import type { AgreementDeps } from './gateway-directory.ts';

for (const kind of testDatabaseKinds()) {
  describe(`quality assurance against the Tier 1 and Tier 2 templates (${kind})`, () => {
    let app: TestApp;
    let deps: AgreementDeps;
    let sam: Actor;
    let tier1Id: string;
    let tier2Id: string;

    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      deps = agreementDeps(app);
      sam = await actorFor(app.database.db, 'sam.patel@northshire.example');
      ({ tier1Id, tier2Id } = await createActivePair(deps, app.database.db));
    });
    after(() => app.close());

    test('a thin draft has each missing or weak section named, flow by flow', async () => {
      const dana = await actorFor(app.database.db, 'dana.okafor@northshire.example');
      const parties = [org.csc, org.police, org.trust];
      const draft = await createAgreement(deps, dana, {
        tier: 'tier2',
        tier1AgreementId: tier1Id,
        content: {
          ...tier2Content(parties),
          summary: 'Checks',
          parties: parties.map((organisationId) => ({
            organisationId,
            contact: organisationId === org.police ? null : 'IG lead',
          })),
          security: 'Kept securely',
          rights: '',
          reviewDate: '2027-10-01',
        },
        flows: [
          policeChecks,
          { ...healthChecks, method: 'email', retention: null, dpiaReference: null },
          {
            ...healthChecks,
            name: 'Mental health',
            fieldGroups: ['identity', 'mental_health'],
            retention: 'Until no longer needed',
          },
        ],
      });
      const report = await checkAgreementQuality(deps, sam, { agreementId: draft.id });
      const messages = report.findings.map((f) => f.message);
      for (const expected of [
        'Purpose: the statement of purpose is very short: say what the sharing is for and whom it helps',
        'Parties: no contact is named for Northshire Police',
        'Security: it does not say how personal data breaches are reported between the parties (UK GDPR Arts 33 and 34)',
        "Security: the method 'email' gives no secure channel (flow 2)",
        'Retention: no retention period is given for flow 2',
        'Retention: the retention for flow 3 gives no period',
        'Rights: the agreement does not say how people’s rights are met (UK GDPR Arts 12 to 22)',
        'Review: the review date is more than a year after the start',
        'Signatures: version 1 is a draft and has not been sent for signature',
        'DPIA: no DPIA reference is given for flow 2 (ICO 10 step guide, step 5)',
        'Legal basis: flow 1 serves Front door (MASH) screening, usually shared under CA2004-S16E, which it does not cite',
      ])
        assert.ok(messages.includes(expected), `${expected}\n in ${JSON.stringify(messages, null, 1)}`);
      const byName = Object.fromEntries(report.sections.map((s) => [s.section, s.status]));
      assert.equal(byName.retention, 'missing');
      assert.equal(byName.security, 'weak');
      assert.equal(byName.data, 'complete');
    });

    test('an empty retention section is never complete, even when every flow gives its own period', async () => {
      const dana = await actorFor(app.database.db, 'dana.okafor@northshire.example');
      const parties = [org.csc, org.police];
      const draft = await createAgreement(deps, dana, {
        tier: 'tier2',
        tier1AgreementId: tier1Id,
        content: { ...tier2Content(parties), retention: '' },
        flows: [{ ...policeChecks, retention: 'Six years after the case closes' }],
      });
      const report = await checkAgreementQuality(deps, sam, { agreementId: draft.id });
      const retention = report.sections.find((s) => s.section === 'retention');
      assert.equal(retention?.status, 'missing');
      assert.deepEqual(
        retention?.findings.map((f) => f.message),
        ['Retention: the agreement gives no retention commitments'],
      );
    });

    test('an agreement in force is complete on signatures, and its review is flagged once due', async () => {
      const report = await checkAgreementQuality(deps, sam, { agreementId: tier2Id });
      const byName = Object.fromEntries(report.sections.map((s) => [s.section, s.status]));
      assert.equal(report.status, 'active');
      assert.equal(byName.signatures, 'complete');
      assert.equal(byName.dpia, 'complete');
      assert.equal(byName.retention, 'complete');
      const saved = app.clock.now();
      app.clock.set(new Date('2027-04-02T09:00:00Z'));
      const later = await checkAgreementQuality(deps, sam, { agreementId: tier2Id, version: 1 });
      assert.ok(
        later.findings.some((f) => f.message === 'Review: the review date (1 April 2027) has passed'),
      );
      app.clock.set(saved);
      await assert.rejects(checkAgreementQuality(deps, sam, { agreementId: tier2Id, version: 7 }), {
        code: 'not_found',
      });
    });
  });
}
