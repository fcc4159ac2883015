import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { org } from '../../../test/support/northshire-flows.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

const parentConsent = {
  givenBy: 'person_with_parental_responsibility',
  giver: { name: 'Kelly Taylor', relationship: 'Mother', parentalResponsibility: 'mother' },
  organisationIds: [org.school],
  purposes: ['early_help'],
  fieldGroups: ['physical_health'],
  evidence: { form: 'written', reference: 'EH-CONSENT-7' },
  givenAt: '2026-11-01T09:00:00Z',
  expiresAt: '2027-05-01T09:00:00Z',
};

interface Answer {
  status: number;
  body: {
    consent?: { id: string; inForce: boolean; lawfulBasis: string; withdrawal: unknown };
    consents?: { id: string; inForce: boolean }[];
    warnings?: string[];
    notifiedOrganisationIds?: string[];
    error?: { fields?: { field: string }[] };
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`the consent API (${kind})`, () => {
    let app: TestApp;
    let nurseWalsh: SignedInSession;
    let dana: SignedInSession;
    const call = async (path: string, session: SignedInSession, body?: unknown): Promise<Answer> => {
      const response = await app.request(path, {
        session,
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { body: json(body) }),
      });
      return { status: response.status, body: (await response.json()) as Answer['body'] };
    };
    const record = (body: unknown, session = nurseWalsh, personId: string = people.samTaylor) =>
      call(`/api/persons/${personId}/consents`, session, body);
    const fieldsOf = (a: Answer) => a.body.error?.fields?.map((f) => f.field) ?? [];

    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      nurseWalsh = await app.signIn('nurse.walsh@northshire.example');
      dana = await app.signIn('dana.okafor@northshire.example');
    });
    after(() => app.close());

    test('a practitioner records a parent’s consent, lists it in force, and withdraws it', async () => {
      const recorded = await record(parentConsent);
      assert.equal(recorded.status, 201);
      assert.equal(recorded.body.consent?.lawfulBasis, 'consent');
      assert.deepEqual(recorded.body.warnings, []);
      const id = recorded.body.consent!.id;
      const listed = await call(`/api/persons/${people.samTaylor}/consents`, nurseWalsh);
      assert.deepEqual(
        listed.body.consents?.map((c) => [c.id, c.inForce]),
        [[id, true]],
      );
      const withdrawn = await call(`/api/consents/${id}/withdrawal`, nurseWalsh, {
        withdrawnBy: 'person_with_parental_responsibility',
        form: 'verbal',
        reference: 'Case note 12',
      });
      assert.equal(withdrawn.status, 200);
      assert.equal(withdrawn.body.consent?.inForce, false);
      const again = await call(`/api/consents/${id}/withdrawal`, nurseWalsh, {
        withdrawnBy: 'child',
        form: 'verbal',
      });
      assert.equal(again.status, 404, 'withdrawn once only');
    });

    test('consent where sharing does not rest on it is kept as engagement, with a warning', async () => {
      const recorded = await record({ ...parentConsent, purposes: ['child_in_need_assessment'] });
      assert.equal(recorded.status, 201);
      assert.equal(recorded.body.consent?.lawfulBasis, 'engagement');
      assert.match(recorded.body.warnings?.[0] ?? '', /does not rest on consent/);
    });

    test('bad input is refused naming the field, and nothing is written', async () => {
      const before = await app.count('consent');
      const cases: [unknown, string][] = [
        [
          { ...parentConsent, giver: { ...parentConsent.giver, parentalResponsibility: undefined } },
          'giver.parentalResponsibility',
        ],
        [
          { ...parentConsent, giver: { ...parentConsent.giver, parentalResponsibility: 'grandmother' } },
          'giver.parentalResponsibility',
        ],
        [{ ...parentConsent, giver: undefined }, 'giver'],
        [{ ...parentConsent, givenBy: 'child', giver: undefined }, 'competence'],
        [
          {
            ...parentConsent,
            givenBy: 'child',
            competence: { assessedBy: 'Niamh Walsh, school nurse', test: 'gillick' },
          },
          'competence.assessedAt',
        ],
        [
          { ...parentConsent, organisationIds: ['00000000-0000-4000-8000-000000000000'] },
          'organisationIds.0',
        ],
        [{ ...parentConsent, purposes: ['curiosity'] }, 'purposes.0'],
        [{ ...parentConsent, fieldGroups: ['everything'] }, 'fieldGroups.0'],
        [{ ...parentConsent, expiresAt: '2026-10-01T09:00:00Z' }, 'expiresAt'],
        [{ ...parentConsent, evidence: { form: 'written', reference: ' ' } }, 'evidence.reference'],
      ];
      for (const [body, field] of cases) {
        const answer = await record(body);
        assert.equal(answer.status, 400, field);
        assert.ok(fieldsOf(answer).includes(field), `${field}: ${JSON.stringify(answer.body)}`);
      }
      assert.equal(await app.count('consent'), before);
    });

    test('a child with a recorded competence assessment may consent', async () => {
      const recorded = await record({
        ...parentConsent,
        givenBy: 'child',
        giver: undefined,
        competence: {
          assessedBy: 'Niamh Walsh, school nurse',
          assessedAt: '2026-10-30T10:00:00Z',
          test: 'fraser',
        },
      });
      assert.equal(recorded.status, 201);
    });

    test('a role that may not record consent, and a child the organisation does not hold, are not found', async () => {
      assert.equal((await record(parentConsent, dana)).status, 404);
      assert.equal(
        (await record(parentConsent, nurseWalsh, '6f1d0c1e-0000-4000-8000-000000000000')).status,
        404,
      );
      assert.equal((await call(`/api/persons/${people.samTaylor}/consents`, dana)).status, 404);
      const other = await record({ ...parentConsent });
      const jo = await app.signIn('jo.baker@northshire.example');
      const foreign = await call(`/api/consents/${other.body.consent!.id}/withdrawal`, jo, {
        withdrawnBy: 'child',
        form: 'verbal',
      });
      assert.equal(foreign.status, 404, 'another organisation’s consent');
    });

    test('the OpenAPI document describes the consent routes', async () => {
      const doc = (await (await app.request('/api/openapi.json')).json()) as {
        paths: Record<string, unknown>;
      };
      assert.ok(doc.paths['/api/persons/{personId}/consents']);
      assert.ok(doc.paths['/api/consents/{consentId}/withdrawal']);
    });
  });
}
