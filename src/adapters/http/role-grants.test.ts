// Issue 13, hole 1: a partnership administrator granted himself system administrator, DPO, and
// front door officer and administrator in the police, then read police records as his "own
// organisation" and loaded a fabricated police incident. Each step, through the HTTP API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { org } from '../../../test/support/agreement-fixtures.ts';
import { csvFile, peopleHeader } from '../../../test/support/feed-fixtures.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../../domain/shared/database.ts';

interface Users {
  users: { id: string; email: string; memberships: { id: string; role: string; mayEnd: boolean }[] }[];
}
interface Problem {
  error: { code: string; fields?: { field: string; problem: string }[] };
}

// The demo police feed's shape (test/support/feed-fixtures.ts); the content is made up.
const policeMapping = JSON.stringify({
  organisation: org.police,
  feed: 'police-people',
  format: 'csv',
  recordKind: 'person_details',
  fieldGroup: 'identity',
  dataCategory: 'personal',
  personIdColumn: 'person_ref',
  externalIdColumn: 'person_ref',
  dateFormat: 'day_first',
  columns: {
    forename: { key: 'firstName', item: 'fact' },
    surname: { key: 'lastName', item: 'fact' },
    birth_date: { key: 'dob', item: 'fact' },
    nhs_no: { key: 'nhsNumber', item: 'fact' },
  },
});

for (const kind of testDatabaseKinds()) {
  describe(`who may grant which role where (${kind})`, () => {
    let app: TestApp;
    let alex: SignedInSession;
    let lee: SignedInSession;
    let idOf: (email: string) => string;
    before(async () => {
      app = await createTestApp(kind);
      alex = await app.signIn('alex.morgan@northshire.example');
      lee = await app.signIn('lee.harper@northshire.example');
      const list = (await (await app.request('/api/users', { session: alex })).json()) as Users;
      idOf = (email) => list.users.find((u) => u.email === email)!.id;
    });
    after(() => app.close());

    const grant = (session: SignedInSession, email: string, organisationId: string, role: string) =>
      app.request(`/api/users/${idOf(email)}/memberships`, {
        method: 'POST',
        session,
        body: json({ organisationId, role }),
      });
    const refusals = () =>
      queryRows<{ reason: string; role: string }>(
        app.database.db,
        sql`select details->>'reason' as reason, details->>'role' as role from audit_event
            where action = 'membership.refused' order by id`,
      );

    test('a partnership administrator cannot give himself any role: refused by name, audited, nothing granted', async () => {
      const before = await refusals();
      for (const [organisationId, role] of [
        [org.csc, 'system_admin'],
        [org.csc, 'data_protection_officer'],
        [org.police, 'front_door_officer'],
        [org.police, 'partnership_admin'],
      ] as const) {
        const response = await grant(alex, 'alex.morgan@northshire.example', organisationId, role);
        assert.equal(response.status, 400, role);
        const body = (await response.json()) as Problem;
        assert.deepEqual(body.error.fields, [
          { field: 'userId', problem: 'You cannot give yourself a role: ask another administrator' },
        ]);
      }
      const session = await app.signIn('alex.morgan@northshire.example');
      assert.equal((session.body as { memberships: unknown[] }).memberships.length, 1);
      const refused = (await refusals()).slice(before.length);
      assert.deepEqual(
        refused.map((r) => r.reason),
        ['own_role', 'own_role', 'own_role', 'own_role'],
      );
    });

    test('a partnership administrator gives no role inside an organisation, and partnership roles only in his own', async () => {
      const police = await grant(alex, 'priya.nair@northshire.example', org.police, 'front_door_officer');
      assert.equal(police.status, 400);
      assert.equal(((await police.json()) as Problem).error.fields?.[0]?.field, 'role');
      const cscRole = await grant(alex, 'priya.nair@northshire.example', org.csc, 'practitioner');
      assert.equal(cscRole.status, 400);
      const adminInPolice = await grant(alex, 'dc.jones@northshire.example', org.police, 'partnership_admin');
      assert.equal(adminInPolice.status, 400);
      assert.equal(((await adminInPolice.json()) as Problem).error.fields?.[0]?.field, 'organisationId');
      const sysAdmin = await grant(alex, 'tom.reid@northshire.example', org.csc, 'system_admin');
      assert.equal(sysAdmin.status, 400);
      assert.equal(
        ((await sysAdmin.json()) as Problem).error.fields?.[0]?.problem,
        'Only the platform operator can make someone a system administrator',
      );
      const colleague = await grant(alex, 'tom.reid@northshire.example', org.csc, 'partnership_admin');
      assert.equal(colleague.status, 201, 'a partnership role, to someone else, in his own organisation');
    });

    test('nor can he load a police feed, which only the police (or the platform) may', async () => {
      const query = new URLSearchParams({ organisationId: org.police, mapping: policeMapping });
      const response = await app.request(`/api/feeds/runs?${query.toString()}`, {
        method: 'POST',
        session: alex,
        headers: { 'content-type': 'text/csv' },
        body: csvFile(peopleHeader, 'FAKE-1,Sam,Taylor,14/03/2017,,,,'),
      });
      assert.equal(response.status, 404);
      const [runs] = await queryRows<{ n: string }>(
        app.database.db,
        sql`select count(*)::text as n from ingest_run where organisation_id = ${org.police}
            and started_by = ${idOf('alex.morgan@northshire.example')}`,
      );
      assert.equal(runs?.n, '0');
    });

    test("an organisation's administrator grants roles within that organisation only", async () => {
      assert.equal((await grant(lee, 'priya.nair@northshire.example', org.csc, 'practitioner')).status, 201);
      assert.equal(
        (await grant(lee, 'priya.nair@northshire.example', org.police, 'practitioner')).status,
        404,
      );
      assert.equal(
        (await grant(lee, 'priya.nair@northshire.example', org.csc, 'partnership_admin')).status,
        400,
      );
      assert.equal((await grant(lee, 'lee.harper@northshire.example', org.csc, 'team_manager')).status, 400);
      const doyle = await app.signIn('sgt.doyle@northshire.example');
      assert.equal(
        (await grant(doyle, 'priya.nair@northshire.example', org.police, 'practitioner')).status,
        201,
      );
      // Lee sees the people of his organisation, with their roles there only.
      const listed = (await (await app.request('/api/users', { session: lee })).json()) as Users;
      const priya = listed.users.find((u) => u.email === 'priya.nair@northshire.example')!;
      assert.deepEqual(
        priya.memberships.map((m) => m.role),
        ['practitioner'],
      );
      assert.equal(
        listed.users.find((u) => u.email === 'dc.jones@northshire.example'),
        undefined,
      );
      const ended = await app.request(`/api/users/${priya.id}/memberships/${priya.memberships[0]!.id}`, {
        method: 'DELETE',
        session: lee,
      });
      assert.equal(ended.status, 204);
    });

    test("the DPO reads the register of her organisation's grants and ends: who gave what to whom, when", async () => {
      const dana = await app.signIn('dana.okafor@northshire.example');
      const response = await app.request('/api/role-grants', { session: dana });
      assert.equal(response.status, 200);
      const body = (await response.json()) as {
        organisationName: string;
        grants: {
          userEmail: string;
          role: string;
          grantedBy: { kind: string; name?: string };
          endedAt: string | null;
          endedBy: { kind: string; name?: string } | null;
        }[];
      };
      assert.equal(body.organisationName, "Northshire County Council Children's Services");
      const priya = body.grants.find((g) => g.userEmail === 'priya.nair@northshire.example')!;
      assert.deepEqual(
        [priya.role, priya.grantedBy.name, priya.endedBy?.name],
        ['practitioner', 'Lee Harper', 'Lee Harper'],
      );
      const tom = body.grants.find(
        (g) => g.userEmail === 'tom.reid@northshire.example' && g.role === 'partnership_admin',
      );
      assert.equal(tom?.grantedBy.name, 'Alex Morgan');
      const seeded = body.grants.find((g) => g.userEmail === 'sam.patel@northshire.example')!;
      assert.deepEqual(seeded.grantedBy, { kind: 'platform', process: 'demo-seed' });
      assert.equal(
        body.grants.some((g) => g.role === 'practitioner' && g.userEmail === 'dc.jones@northshire.example'),
        false,
        "the police's grants are the police's DPO's to read",
      );
      for (const email of ['sam.patel@northshire.example', 'alex.morgan@northshire.example']) {
        const other = await app.signIn(email);
        assert.equal((await app.request('/api/role-grants', { session: other })).status, 404, email);
      }
    });
  });
}
