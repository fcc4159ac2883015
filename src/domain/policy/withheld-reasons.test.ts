import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { northshirePartnershipId, org } from '../../../test/support/northshire-flows.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { agreementFlowsInForce } from '../agreements/policy-generation.ts';
import { suspendAgreement } from '../agreements/suspend-agreement.ts';
import { catalogueGatewayDirectory } from '../agreements/catalogue-gateway-directory.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import { cachedFlowsInForce } from './policy-cache.ts';

/** Ella Shore, 8: known only to the police, through one domestic abuse notification. */
const ellaShore = '5b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d01';

for (const kind of testDatabaseKinds()) {
  describe(`a refusal is audited with its real reason, never told to the reader (${kind})`, () => {
    let app: TestApp;
    let joBaker: SignedInSession;
    before(async () => {
      // The production path: the demo agreements' flows in force, behind the policy cache.
      app = await createTestApp(kind, { flowsInForce: cachedFlowsInForce(agreementFlowsInForce) });
      joBaker = await app.signIn('jo.baker@northshire.example');
      await insertPeople(app.database.db, [
        {
          personId: ellaShore,
          holder: org.police,
          externalPersonId: 'POL-ELLA-1',
          linkConfidence: 1,
          identity: { firstName: 'Ella', lastName: 'Shore', dob: '2018-02-03' },
          records: [
            {
              fieldGroup: 'domestic_abuse_notifications',
              kind: 'domestic_abuse_notification',
              payload: { summary: 'Domestic incident attended; Ella present' },
              eventDate: '2026-10-28',
            },
          ],
        },
      ]);
    });
    after(() => app.close());

    const view = async (personId: string) => {
      const response = await app.request(`/api/persons/${personId}/view?purpose=operation_encompass`, {
        session: joBaker,
      });
      return { status: response.status, text: await response.text() };
    };
    const lastDenial = async () => {
      const [row] = await queryRows<{ details: Record<string, unknown>; subject_id: string; at_ms: string }>(
        app.database.db,
        sql`select details, subject_id, (extract(epoch from at) * 1000)::bigint::text as at_ms
            from audit_event where action = 'access.denied' order by id desc limit 1`,
      );
      return row!;
    };

    test('a suspended Operation Encompass agreement is named in the log, and the school sees "not found"', async () => {
      assert.equal((await view(ellaShore)).status, 200, 'shown while the agreement is in force');
      const [encompass] = await queryRows<{ id: string; reference: string }>(
        app.database.db,
        sql`select a.id, a.reference from agreement a join agreement_version v
              on v.partnership_id = a.partnership_id and v.agreement_id = a.id
            where v.title = 'Operation Encompass' limit 1`,
      );
      await suspendAgreement(
        { ...app.deps, gateways: catalogueGatewayDirectory(app.database.db) },
        systemActor(northshirePartnershipId, 'test'),
        { agreementId: encompass!.id, reason: 'Data breach under investigation' },
      );

      const refused = await view(ellaShore);
      const missing = await view(people.nobody);
      assert.deepEqual([refused.status, refused.text], [missing.status, missing.text]);

      await view(ellaShore);
      const denial = await lastDenial();
      assert.equal(denial.subject_id, ellaShore);
      assert.equal(denial.details.reason, 'nothing_disclosable');
      assert.deepEqual(denial.details.withheld, [
        {
          organisationId: org.police,
          fieldGroup: 'domestic_abuse_notifications',
          reason: 'agreement_suspended',
          agreements: [encompass!.reference],
        },
        // The police's identity item: no agreement ever gives it to a school for this purpose.
        { organisationId: org.police, fieldGroup: 'identity', reason: 'no_agreement', agreements: [] },
      ]);
      // One clock (DESIGN.md rule 6): the event carries the instant the policy decided at.
      assert.equal(Number(denial.at_ms), app.clock.now().getTime());
    });

    test('a purpose the role may not act for is recorded as such', async () => {
      const response = await app.request(`/api/persons/${ellaShore}/view?purpose=looked_after_care`, {
        session: joBaker,
      });
      assert.equal(response.status, 404);
      assert.equal((await lastDenial()).details.reason, 'role_not_permitted');
    });

    test('an id nobody was linked to is recorded as no such subject, with nothing withheld', async () => {
      await view(people.nobody);
      const denial = await lastDenial();
      assert.equal(denial.details.reason, 'no_such_subject');
      assert.equal(denial.details.withheld, undefined);
    });
  });
}
