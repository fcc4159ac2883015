import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { demoOrganisations, demoPartnership } from '../../domain/demo/northshire.ts';
import { createUser } from '../../domain/partnership/create-user.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';
import { queryRows } from '../../domain/shared/database.ts';

const policeId = demoOrganisations.find((o) => o.key === 'police')!.id;
const northshirePartnershipId = demoPartnership.id as PartnershipId;

for (const kind of testDatabaseKinds()) {
  describe(`partnership administration and the audit log (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind);
    });
    after(() => app.close());
    const audited = (action: string) =>
      queryRows<{ actor_id: string; outcome: string; details: Record<string, unknown> }>(
        app.database.db,
        sql`select actor_id, outcome, details from audit_event where action = ${action} order by id`,
      );

    test('a partnership administrator adds an organisation; the platform makes its first administrator, who adds its people; each change is audited', async () => {
      const admin = await app.signIn('alex.morgan@northshire.example');
      const org = await app.request('/api/organisations', {
        method: 'POST',
        session: admin,
        body: json({ name: 'Northshire Women’s Aid', type: 'charity' }),
      });
      assert.equal(org.status, 201);
      const { organisation } = (await org.json()) as { organisation: { id: string; typeLabel: string } };
      assert.equal(organisation.typeLabel, 'Charity');
      // `tessera user add`: the platform operator creates the organisation's first administrator.
      await createUser(app.deps, systemActor(northshirePartnershipId, 'cli:user-add'), {
        email: 'hana.ito@northshire.example',
        displayName: 'Hana Ito',
        password: 'copper violin harbour',
        organisationId: organisation.id,
        role: 'organisation_admin',
      });
      const hana = await app.signIn('hana.ito@northshire.example', 'copper violin harbour');
      const user = await app.request('/api/users', {
        method: 'POST',
        session: hana,
        body: json({
          email: 'Fatima.Begum@northshire.example',
          displayName: 'Fatima Begum',
          password: 'kettle orchard lantern',
          organisationId: organisation.id,
          role: 'practitioner',
        }),
      });
      assert.equal(user.status, 201);
      assert.equal(
        ((await user.json()) as { user: { email: string } }).user.email,
        'fatima.begum@northshire.example',
      );
      assert.equal((await audited('organisation.created')).at(-1)?.details.name, 'Northshire Women’s Aid');
      assert.equal((await audited('user.created')).at(-1)?.details.email, 'fatima.begum@northshire.example');
      const fatima = await app.signIn('fatima.begum@northshire.example', 'kettle orchard lantern');
      assert.equal(
        (fatima.body as { membership: { organisationName: string } }).membership.organisationName,
        'Northshire Women’s Aid',
      );
    });

    test('a user with two roles can switch which organisation they act for', async () => {
      const admin = await app.signIn('alex.morgan@northshire.example');
      const list = (await (await app.request('/api/users', { session: admin })).json()) as {
        users: { id: string; email: string }[];
      };
      const priya = list.users.find((u) => u.email === 'priya.nair@northshire.example')!;
      // The police's own administrator gives the role in the police.
      const policeAdmin = await app.signIn('sgt.doyle@northshire.example');
      const added = await app.request(`/api/users/${priya.id}/memberships`, {
        method: 'POST',
        session: policeAdmin,
        body: json({ organisationId: policeId, role: 'front_door_officer' }),
      });
      assert.equal(added.status, 201);
      const { membership } = (await added.json()) as { membership: { id: string } };
      const session = await app.signIn('priya.nair@northshire.example');
      assert.equal((session.body as { memberships: unknown[] }).memberships.length, 2);
      const switched = await app.request('/api/session/membership', {
        method: 'PUT',
        session,
        body: json({ membershipId: membership.id }),
      });
      assert.equal(switched.status, 200);
      const view = (await switched.json()) as { membership: { organisationName: string; role: string } };
      assert.deepEqual(
        [view.membership.organisationName, view.membership.role],
        ['Northshire Police', 'front_door_officer'],
      );
    });

    test('a practitioner asking for admin or audit pages gets "not found", and the denial is audited', async () => {
      const sam = await app.signIn('sam.patel@northshire.example');
      for (const path of ['/api/users', '/api/organisations', '/api/audit', '/api/audit/verification']) {
        const response = await app.request(path, { session: sam });
        assert.equal(response.status, 404, path);
        assert.deepEqual(await response.json(), {
          error: { code: 'not_found', message: 'The page was not found' },
        });
      }
      const missing = await app.request('/api/no-such-thing', { session: sam });
      assert.equal(missing.status, 404);
      const denials = await audited('access.denied');
      assert.ok(denials.filter((d) => d.outcome === 'denied').length >= 4);
    });

    test('a data protection officer searches the audit log, and the search is itself audited', async () => {
      const dpo = await app.signIn('dana.okafor@northshire.example');
      const response = await app.request('/api/audit?action=session.signed_in&limit=2', { session: dpo });
      assert.equal(response.status, 200);
      const page = (await response.json()) as { events: { action: string }[]; nextBefore: number | null };
      assert.equal(page.events.length, 2);
      assert.ok(page.events.every((e) => e.action === 'session.signed_in'));
      assert.notEqual(page.nextBefore, null);
      const next = await app.request(
        `/api/audit?action=session.signed_in&limit=2&before=${page.nextBefore}`,
        { session: dpo },
      );
      assert.equal(next.status, 200);
      assert.ok((await audited('audit.searched')).length >= 2);
    });

    test('a signed-out caller gets 401 from everything but health and sign-in', async () => {
      assert.equal((await app.request('/api/users')).status, 401);
      assert.equal((await app.request('/api/session')).status, 401);
      assert.equal((await app.request('/api/health')).status, 200);
    });
  });
}
