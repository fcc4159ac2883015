import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { org } from '../../../test/support/northshire-flows.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

interface View {
  shownBecause: { holderOrganisationId: string; fieldGroup: string }[];
  neverShownForPurpose: { fieldGroup: string; label: string }[];
}

for (const kind of testDatabaseKinds()) {
  describe(`"why can I see this" says what a purpose never shows, from the agreements alone (${kind})`, () => {
    let app: TestApp;
    let sam: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      sam = await app.signIn('sam.patel@northshire.example');
    });
    after(() => app.close());

    const view = async (personId: string) => {
      const response = await app.request(`/api/persons/${personId}/view?purpose=s47_enquiry`, {
        session: sam,
      });
      assert.equal(response.status, 200);
      return (await response.json()) as View;
    };

    test('the same list for every child, and never a kind another agency shared', async () => {
      const sams = await view(people.samTaylor);
      const jordans = await view(people.jordanTaylor);
      assert.deepEqual(sams.neverShownForPurpose, jordans.neverShownForPurpose);
      assert.ok(sams.neverShownForPurpose.length > 0, 'some kinds of information are never shared for s47');
      const sharedByOthers = new Set(
        sams.shownBecause
          .filter((s) => s.holderOrganisationId !== org.childrensServices)
          .map((s) => s.fieldGroup),
      );
      for (const never of sams.neverShownForPurpose) {
        assert.ok(!sharedByOthers.has(never.fieldGroup), `${never.fieldGroup} was shared by another agency`);
        assert.ok(never.label.length > 0);
      }
    });
  });
}
