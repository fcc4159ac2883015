import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoOrganisations } from '../../domain/demo/northshire.ts';
import { queryRows } from '../../domain/shared/database.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

const orgIdOf = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;
const path = (key: string) => `/api/organisations/${orgIdOf(key)}/contact-point`;

interface Agency {
  name: string;
  leadPractitioner: { name: string } | null;
  contactPoint: { name: string; phone: string | null } | null;
}

for (const kind of testDatabaseKinds()) {
  describe(`organisations' contact points (${kind})`, () => {
    let app: TestApp;
    let policeAdmin: SignedInSession;
    let partnershipAdmin: SignedInSession;
    let socialWorker: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      policeAdmin = await app.signIn('sgt.doyle@northshire.example');
      partnershipAdmin = await app.signIn('alex.morgan@northshire.example');
      socialWorker = await app.signIn('sam.patel@northshire.example');
    });
    after(() => app.close());

    const put = (key: string, body: unknown, session: SignedInSession) =>
      app.request(path(key), { method: 'PUT', body: json(body), session });
    const storedFor = async (key: string) =>
      (
        await queryRows<{ contact_point: unknown }>(
          app.database.db,
          sql`select contact_point from organisation where id = ${orgIdOf(key)}`,
        )
      )[0]!.contact_point;
    const changes = async () =>
      (
        await queryRows<{ n: number }>(
          app.database.db,
          sql`select count(*)::int as n from audit_event where action = 'organisation.contact_point_set'`,
        )
      )[0]!.n;

    test("an organisation's administrator sets its own contact point, audited", async () => {
      const before = await changes();
      const response = await put(
        'police',
        {
          contactPoint: {
            name: 'Child abuse investigation team',
            role: '',
            phone: '01632 960 222',
            email: 'cait@northshire-police.example',
          },
        },
        policeAdmin,
      );
      assert.equal(response.status, 200);
      const body = (await response.json()) as { contactPoint: unknown };
      const expected = {
        name: 'Child abuse investigation team',
        role: null,
        phone: '01632 960 222',
        email: 'cait@northshire-police.example',
      };
      assert.deepEqual(body.contactPoint, expected);
      assert.deepEqual(await storedFor('police'), expected);
      assert.equal(await changes(), before + 1);
    });

    test("another organisation's entry is not found for him, and nothing changes", async () => {
      const stored = await storedFor('school');
      const response = await put('school', { contactPoint: { name: 'Office' } }, policeAdmin);
      assert.equal(response.status, 404);
      assert.deepEqual(await storedFor('school'), stored);
      assert.equal((await app.request(path('school'), { session: policeAdmin })).status, 404);
    });

    test('the partnership administrator keeps every entry; a practitioner keeps none', async () => {
      assert.equal((await put('housing', { contactPoint: null }, partnershipAdmin)).status, 200);
      assert.equal(await storedFor('housing'), null);
      assert.equal((await put('csc', { contactPoint: { name: 'Team' } }, socialWorker)).status, 404);
    });

    test('a bad telephone number and email are named, and nothing is written', async () => {
      const stored = await storedFor('trust');
      const response = await put(
        'trust',
        { contactPoint: { name: 'Safeguarding team', phone: 'call reception', email: 'not-an-email' } },
        partnershipAdmin,
      );
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { fields: { field: string }[] } };
      assert.deepEqual(body.error.fields.map((f) => f.field).sort(), ['email', 'phone']);
      assert.deepEqual(await storedFor('trust'), stored);
    });

    test('the single view gives the directory entry for an agency whose records name no lead worker', async () => {
      const response = await app.request(`/api/persons/${people.samTaylor}/view?purpose=s47_enquiry`, {
        session: socialWorker,
      });
      const { agencies } = (await response.json()) as { agencies: Agency[] };
      const named = agencies.filter((a) => a.leadPractitioner !== null);
      const unnamed = agencies.filter((a) => a.leadPractitioner === null);
      assert.ok(named.length > 0 && unnamed.length > 0);
      // A named lead worker is never replaced by the directory's team.
      assert.ok(named.every((a) => a.contactPoint === null));
      const trust = unnamed.find((a) => a.name === 'Northshire Hospitals NHS Foundation Trust');
      assert.deepEqual(
        [trust?.contactPoint?.name, trust?.contactPoint?.phone],
        ['Safeguarding children team', '01632 960 300'],
      );
    });
  });
}
