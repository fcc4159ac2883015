// Issue 13, hole 2: a council administrator suspended the police → school agreement (Operation
// Encompass), to which the council's children's services are not a party. Acts on an agreement
// belong to its parties' administrators, DPOs and signatories; a partnership administrator may
// still put a draft forward for any partners, and gains nothing over it by doing so.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { org, policeChecks, tier2Content } from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../../domain/shared/database.ts';

/** A Tier 2 body's sections among these parties (a Tier 2 has no agreement-level purposes). */
function sections(parties: readonly string[]) {
  const { purposes: _p, gatewayIds: _g, dataCategories: _d, ...rest } = tier2Content(parties);
  return rest;
}

/** The police tell a school: the shape of Operation Encompass. */
const policeToSchool = {
  ...policeChecks,
  toOrganisationIds: [org.school],
  purposes: ['operation_encompass'],
};

interface Detail {
  agreement: { id: string; status: string; versions: { version: number; status: string }[] };
}

for (const kind of testDatabaseKinds()) {
  describe(`acts on an agreement belong to its parties (${kind})`, () => {
    let app: TestApp;
    let alex: SignedInSession;
    let dana: SignedInSession;
    let doyle: SignedInSession;
    let encompassId: string;
    let tier1Id: string;
    const call = async (path: string, session: SignedInSession, method = 'GET', body?: unknown) => {
      const response = await app.request(path, {
        session,
        method,
        body: body === undefined ? undefined : json(body),
      });
      return { status: response.status, body: (await response.json()) as Detail & { error?: unknown } };
    };

    before(async () => {
      app = await createTestApp(kind);
      alex = await app.signIn('alex.morgan@northshire.example');
      dana = await app.signIn('dana.okafor@northshire.example');
      doyle = await app.signIn('sgt.doyle@northshire.example');
      const list = (await (await app.request('/api/agreements', { session: alex })).json()) as {
        agreements: { id: string; title: string; tier: string }[];
      };
      encompassId = list.agreements.find((a) => /Encompass/.test(a.title))!.id;
      tier1Id = list.agreements.find((a) => a.tier === 'tier1')!.id;
    });
    after(() => app.close());

    test("the council's administrators cannot suspend, amend or terminate the police → school agreement", async () => {
      for (const session of [alex, dana]) {
        for (const [act, body] of [
          ['suspend', { reason: 'Not ours to stop' }],
          ['amend', {}],
          ['terminate', { reason: 'Not ours to end' }],
        ] as const) {
          const response = await call(`/api/agreements/${encompassId}/${act}`, session, 'POST', body);
          assert.equal(response.status, 404, act);
          assert.deepEqual(response.body, {
            error: { code: 'not_found', message: 'The page was not found' },
          });
        }
      }
      assert.equal((await call(`/api/agreements/${encompassId}`, alex)).body.agreement.status, 'active');
      const denials = await queryRows<{ attempted: string; over: string }>(
        app.database.db,
        sql`select details->>'attempted' as attempted, details->>'over' as over from audit_event
            where action = 'access.denied' and details->>'attempted' = 'agreement.suspend'`,
      );
      assert.equal(denials.length, 2);
      assert.ok(denials.every((d) => d.over.includes(org.police) && !d.over.includes(org.csc)));
    });

    test("a party's administrator may: the police's suspends and resumes it", async () => {
      const suspended = await call(`/api/agreements/${encompassId}/suspend`, doyle, 'POST', {
        reason: 'The police system is being replaced',
      });
      assert.equal(suspended.status, 200);
      assert.equal(suspended.body.agreement.status, 'suspended');
      const resumed = await call(`/api/agreements/${encompassId}/resume`, doyle, 'POST', {});
      assert.equal(resumed.body.agreement.status, 'active');
    });

    test('a partnership administrator drafts for other partners, but cannot then edit or submit it', async () => {
      const created = await call('/api/agreements', alex, 'POST', {
        tier: 'tier2',
        tier1AgreementId: tier1Id,
        ...sections([org.police, org.school]),
        flows: [policeToSchool],
      });
      assert.equal(created.status, 201);
      const id = created.body.agreement.id;
      assert.equal((await call(`/api/agreements/${id}/submit`, alex, 'POST', {})).status, 404);
      assert.equal(
        (await call(`/api/agreements/${id}/draft`, alex, 'PUT', sections([org.police, org.csc]))).status,
        404,
      );
      // The police, a party, take it from here.
      const edited = await call(`/api/agreements/${id}/draft`, doyle, 'PUT', {
        ...sections([org.police, org.school]),
        title: 'Operation Encompass: notices to Riverside Primary',
      });
      assert.equal(edited.status, 200);
    });

    test('a DPO drafts only for their own organisation, and keeps it a party', async () => {
      const elsewhere = await call('/api/agreements', dana, 'POST', {
        tier: 'tier2',
        tier1AgreementId: tier1Id,
        ...sections([org.police, org.school]),
        flows: [policeToSchool],
      });
      assert.equal(elsewhere.status, 400);
      assert.deepEqual((elsewhere.body.error as { fields: unknown }).fields, [
        {
          field: 'parties',
          problem: 'Include your own organisation as a party: you can draft agreements for it only',
        },
      ]);
      const own = await call('/api/agreements', dana, 'POST', {
        tier: 'tier2',
        tier1AgreementId: tier1Id,
        ...sections([org.csc, org.police]),
        flows: [policeChecks],
      });
      assert.equal(own.status, 201);
      const writtenOut = await call(
        `/api/agreements/${own.body.agreement.id}/draft`,
        dana,
        'PUT',
        sections([org.police, org.school]),
      );
      assert.equal(writtenOut.status, 400);
    });
  });
}
