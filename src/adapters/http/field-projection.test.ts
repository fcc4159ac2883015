// Issue 13, hole 3: GET /api/subjects/{id}/records gave a health reader the lead practitioner's
// email, phone and last contact date inside child_protection_status, which the single view hid.
// Every endpoint now shows an item only through its field group's declared fields, and whom to
// call is the lead_contact group, which the CP-IS flow gives with the flag.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { staticFlowsInForce } from '../../domain/policy/flows-in-force-source.ts';
import { flowInForce, org } from '../../../test/support/northshire-flows.ts';
import { insertPeople } from '../../../test/support/northshire-people.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

const personId = '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1b01';
const cpis = flowInForce({
  reference: 'T2-050',
  title: 'Child protection status to health services',
  flow: 'F1',
  from: org.childrensServices,
  to: org.trust,
  purposes: ['child_protection_conference'],
  fieldGroups: ['identity', 'child_protection_status', 'lead_contact'],
  gatewayIds: ['CA2004-S11'],
});
// What a feed put in the status item beyond the status: none of it may reach the trust.
const hidden = ['stale.lead@northshire.example', '01632 960 999', '2026-10-28', 'neglect', 'Parental'];

for (const kind of testDatabaseKinds()) {
  describe(`every endpoint shows only the declared fields of each group (${kind})`, () => {
    let app: TestApp;
    let nurse: SignedInSession;
    let agencyPersonId: string;
    before(async () => {
      app = await createTestApp(kind, { flowsInForce: staticFlowsInForce([cpis]) });
      const ids = await insertPeople(app.database.db, [
        {
          personId,
          holder: org.childrensServices,
          externalPersonId: 'CSC-2002',
          linkConfidence: 1,
          identity: { firstName: 'Ava', lastName: 'Reed', dob: '2018-03-01' },
          records: [
            {
              fieldGroup: 'child_protection_status',
              kind: 'involvement',
              payload: {
                involvement: 'child_protection_plan',
                startDate: '2026-10-05',
                leadPractitioner: 'Stale Lead',
                leadPractitionerPhone: '01632 960 999',
                leadPractitionerEmail: 'stale.lead@northshire.example',
                lastContactDate: '2026-10-28',
                category: 'neglect',
              },
              eventDate: '2026-10-05',
            },
            {
              fieldGroup: 'lead_contact',
              kind: 'lead_contact',
              payload: {
                leadPractitioner: 'Sam Patel',
                leadPractitionerRole: 'Social worker',
                leadPractitionerPhone: '01632 960 101',
                leadPractitionerEmail: 'sam.patel@northshire.example',
              },
              eventDate: '2026-10-05',
            },
            {
              fieldGroup: 'social_care_involvement',
              kind: 'involvement',
              payload: { involvement: 'child_in_need', summary: 'Parental mental health' },
              eventDate: '2026-09-25',
            },
          ],
        },
      ]);
      agencyPersonId = ids.get('CSC-2002')!;
      nurse = await app.signIn('nurse.walsh@northshire.example');
    });
    after(() => app.close());

    const read = async (path: string) => {
      const response = await app.request(`${path}?purpose=child_protection_conference`, { session: nurse });
      assert.equal(response.status, 200, path);
      return response.text();
    };

    test('a health reader’s records response has the status and whom to call, and no other field of the council', async () => {
      const text = await read(`/api/subjects/${agencyPersonId}/records`);
      for (const value of hidden) assert.ok(!text.includes(value), `records leaked ${value}`);
      const body = JSON.parse(text) as {
        records: { fieldGroup: string; payload: Record<string, unknown> }[];
      };
      const byGroup = new Map(body.records.map((r) => [r.fieldGroup, Object.keys(r.payload).sort()]));
      assert.deepEqual(byGroup.get('child_protection_status'), ['involvement', 'startDate']);
      assert.deepEqual(byGroup.get('lead_contact'), [
        'leadPractitioner',
        'leadPractitionerEmail',
        'leadPractitionerPhone',
        'leadPractitionerRole',
      ]);
      assert.equal(byGroup.has('social_care_involvement'), false);
    });

    test('the single view, the chronology and its CSV agree: the lead contact, never the status item’s extras', async () => {
      const view = await read(`/api/persons/${personId}/view`);
      for (const value of hidden) assert.ok(!view.includes(value), `view leaked ${value}`);
      const council = (
        JSON.parse(view) as { agencies: { organisationId: string; leadPractitioner: unknown }[] }
      ).agencies.find((a) => a.organisationId === org.childrensServices);
      assert.deepEqual(council?.leadPractitioner, {
        name: 'Sam Patel',
        role: 'Social worker',
        phone: '01632 960 101',
        email: 'sam.patel@northshire.example',
      });
      for (const path of [`/api/persons/${personId}/chronology`, `/api/persons/${personId}/chronology.csv`]) {
        const text = await read(path);
        for (const value of hidden) assert.ok(!text.includes(value), `${path} leaked ${value}`);
        assert.match(text, /Child protection plan from 5 Oct 2026/);
      }
    });
  });
}
