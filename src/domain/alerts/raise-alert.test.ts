import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { orgId } from '../../../test/support/feed-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { raiseAlert, type NewAlert } from './raise-alert.ts';

const breakGlass = (id: string): NewAlert<'break_glass_used'> => ({
  kind: 'break_glass_used',
  to: { organisationId: orgId('police'), role: 'data_protection_officer' },
  subjectId: 'PN-A1',
  content: {
    breakGlassId: id,
    by: { organisationId: orgId('csc'), name: "Northshire children's services" },
    reasonCode: 'risk_to_life',
    at: '2026-12-07T21:00:00.000Z',
    expiresAt: '2026-12-07T22:00:00.000Z',
  },
  source: { type: 'break_glass', id },
  raisedAt: new Date('2026-12-07T21:00:00Z'),
});

for (const kind of testDatabaseKinds()) {
  describe(`raising an alert (${kind})`, () => {
    let app: TestApp;
    let practitioner: UserActor;
    before(async () => {
      app = await createTestApp(kind);
      practitioner = await actorByEmail(app.database.db, 'sam.patel@northshire.example');
    });
    after(() => app.close());

    const alertsFrom = (sourceId: string) =>
      queryRows<{ id: string; recipient_role: string; events: number }>(
        app.database.db,
        sql`select a.id, a.recipient_role,
                   (select count(*)::int from audit_event e
                     where e.partnership_id = a.partnership_id and e.action = 'alert.raised'
                       and e.details->>'alertId' = a.id::text) as events
            from alert a where a.source_id = ${sourceId}`,
      );

    test('writes the alert with one audit event, and a second raise of the same source writes nothing', async () => {
      const source = '7d1c3c0e-4b4e-4f43-9a43-0a1a2b3c4d5e';
      const first = await app.database.db.transaction((tx) =>
        raiseAlert(tx, practitioner, breakGlass(source)),
      );
      const again = await app.database.db.transaction((tx) =>
        raiseAlert(tx, practitioner, breakGlass(source)),
      );
      assert.ok(first);
      assert.equal(again, null);
      const rows = await alertsFrom(source);
      assert.deepEqual(
        rows.map((r) => [r.id, r.recipient_role, r.events]),
        [[first, 'data_protection_officer', 1]],
      );
    });

    test('refuses content its kind does not take, naming the field, and writes nothing', async () => {
      const source = '8e2d4d1f-5c5f-4054-8b54-1b2b3c4d5e6f';
      const bad = { ...breakGlass(source), content: { ...breakGlass(source).content, at: 'yesterday' } };
      await assert.rejects(
        app.database.db.transaction((tx) => raiseAlert(tx, practitioner, bad)),
        (e: unknown) => e instanceof DomainError && e.fields?.some((f) => f.field === 'content.at') === true,
      );
      assert.deepEqual(await alertsFrom(source), []);
    });

    test('an alert and the act that raised it fail together', async () => {
      const source = '9f3e5e20-6d60-4165-9c65-2c3c4d5e6f70';
      await assert.rejects(
        app.database.db.transaction(async (tx) => {
          await raiseAlert(tx, practitioner, breakGlass(source));
          throw new Error('the act failed');
        }),
        /the act failed/,
      );
      assert.deepEqual(await alertsFrom(source), []);
    });
  });
}
