import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { org } from '../../../test/support/northshire-flows.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../shared/database.ts';
import { findConsents } from './find-consents.ts';
import { recordConsent } from './record-consent.ts';
import { withdrawConsent } from './withdraw-consent.ts';

for (const kind of testDatabaseKinds()) {
  describe(`consent records (${kind})`, () => {
    let app: TestApp;
    let nurseWalsh: UserActor;
    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      nurseWalsh = await actorByEmail(app.database.db, 'nurse.walsh@northshire.example');
    });
    after(() => app.close());

    const give = () =>
      recordConsent(app.deps, nurseWalsh, {
        personId: people.samTaylor,
        givenBy: 'person_with_parental_responsibility',
        giver: { name: 'Kelly Taylor', relationship: 'Mother', parentalResponsibility: 'mother' },
        organisationIds: [org.school],
        purposes: ['early_help'],
        fieldGroups: ['physical_health'],
        evidence: { form: 'written', reference: 'EH-1' },
        givenAt: new Date('2026-11-01T09:00:00Z'),
        expiresAt: new Date('2027-11-01T09:00:00Z'),
      });

    test('names the child by the holder’s agency persons, and is audited with ids only', async () => {
      const { consent } = await give();
      const [ap] = await queryRows<{ id: string }>(
        app.database.db,
        sql`select ap.id::text from person_link l join agency_person ap
              on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
            where l.person_id = ${people.samTaylor} and ap.organisation_id = ${org.trust}`,
      );
      assert.deepEqual(consent.subjectIds, [ap!.id]);
      const [event] = await queryRows<{ details: Record<string, unknown> }>(
        app.database.db,
        sql`select details from audit_event where action = 'consent.recorded' order by id desc limit 1`,
      );
      assert.equal(event!.details.consentId, consent.id);
      assert.ok(!JSON.stringify(event!.details).includes('Kelly'), 'no giver’s name in the audit');
      const listed = await findConsents(app.deps, nurseWalsh, people.samTaylor);
      assert.ok(listed.some((c) => c.id === consent.id && c.inForce));
    });

    test('is append-only: never deleted or edited, and withdrawn once', async () => {
      const { consent } = await give();
      await assert.rejects(app.database.db.execute(sql`delete from consent where id = ${consent.id}`));
      await assert.rejects(
        app.database.db.execute(sql`update consent set purposes = '{s47_enquiry}' where id = ${consent.id}`),
      );
      await withdrawConsent(app.deps, nurseWalsh, {
        consentId: consent.id,
        withdrawnBy: 'child',
        form: 'written',
      });
      await assert.rejects(
        app.database.db.execute(sql`update consent set withdrawn_at = null, withdrawn_by = null,
            withdrawal_form = null where id = ${consent.id}`),
      );
      const [event] = await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from audit_event where action = 'consent.withdrawn'
            and details->>'consentId' = ${consent.id}`,
      );
      assert.equal(event!.n, 1);
    });
  });
}
