import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { southvaleSchoolId } from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { demoOrganisations } from '../../domain/demo/northshire.ts';
import { createOrganisation } from '../../domain/partnership/create-organisation.ts';
import { createPartnership } from '../../domain/partnership/create-partnership.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';

interface Listed {
  organisations: Record<string, string>[];
}

for (const kind of testDatabaseKinds()) {
  describe(`the organisations an agreement can name (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind, { demoAgreements: false });
      const southvale = systemActor('7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01' as PartnershipId, 'test');
      await createPartnership(app.deps, southvale, {
        id: southvale.partnershipId,
        name: 'Southvale Partnership',
      });
      await createOrganisation(app.deps, southvale, {
        id: southvaleSchoolId,
        name: 'Southvale Academy',
        type: 'school',
      });
    });
    after(() => app.close());

    const list = async (email: string) => {
      const response = await app.request('/api/agreements/organisations', {
        session: await app.signIn(email),
      });
      assert.equal(response.status, 200);
      return ((await response.json()) as Listed).organisations;
    };

    test('a practitioner, who may not administer the partnership, lists all of its organisations', async () => {
      const sam = await app.signIn('sam.patel@northshire.example');
      assert.equal((await app.request('/api/organisations', { session: sam })).status, 404);
      const listed = await list('sam.patel@northshire.example');
      assert.deepEqual(listed.map((o) => o.id).sort(), demoOrganisations.map((o) => o.id).sort());
      const police = listed.find((o) => o.name === 'Northshire Police')!;
      assert.deepEqual(police, {
        id: demoOrganisations.find((o) => o.key === 'police')!.id,
        name: 'Northshire Police',
        type: 'police',
        typeLabel: 'Police',
      });
    });

    test('only names and kinds: no people, memberships or dates', async () => {
      for (const o of await list('dana.okafor@northshire.example'))
        assert.deepEqual(Object.keys(o).sort(), ['id', 'name', 'type', 'typeLabel']);
    });

    test("another partnership's organisations never appear", async () => {
      const listed = await list('chris.lee@northshire.example');
      assert.equal(
        listed.some((o) => o.id === southvaleSchoolId || o.name === 'Southvale Academy'),
        false,
      );
    });

    test('nobody signed in is refused', async () => {
      assert.equal((await app.request('/api/agreements/organisations')).status, 401);
    });
  });
}
