import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orgId } from '../../../test/support/feed-fixtures.ts';
import { createTestApp, json, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { raiseAlert } from '../../domain/alerts/raise-alert.ts';
import { demoPartnership } from '../../domain/demo/northshire.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';

/** GET /api/alerts and POST /api/alerts/{id}/acknowledgement, as the web page calls them. */
for (const kind of testDatabaseKinds()) {
  describe(`the alert inbox over HTTP (${kind})`, () => {
    let app: TestApp;
    let alertId: string;
    before(async () => {
      app = await createTestApp(kind);
      const actor = systemActor(demoPartnership.id as PartnershipId, 'test');
      alertId = (await app.database.db.transaction((tx) =>
        raiseAlert(tx, actor, {
          kind: 'operation_encompass',
          to: { organisationId: orgId('school'), role: 'designated_safeguarding_lead' },
          content: {
            reportedBy: { organisationId: orgId('police'), name: 'Northshire Police' },
            incidentAt: '2026-11-20',
            schoolDay: '2026-11-23',
          },
          source: { type: 'domestic_abuse_notification', id: '3d2c5e30-0000-4000-8000-00000000da03' },
          raisedAt: app.clock.now(),
          acknowledgeBy: new Date('2026-11-23T08:40:00Z'),
        }),
      ))!;
    });
    after(() => app.close());

    test('the school’s DSL sees the notice and its count; the police officer who reported it does not', async () => {
      const jo = await app.signIn('jo.baker@northshire.example');
      const inbox = (await (await app.request('/api/alerts', { session: jo })).json()) as {
        alerts: { id: string; kind: string }[];
        unacknowledged: number;
      };
      assert.deepEqual([inbox.unacknowledged, inbox.alerts.map((a) => a.id)], [1, [alertId]]);
      const officer = await app.signIn('dc.jones@northshire.example');
      const theirs = (await (await app.request('/api/alerts', { session: officer })).json()) as {
        alerts: unknown[];
      };
      assert.deepEqual(theirs.alerts, []);
      const refused = await app.request(`/api/alerts/${alertId}/acknowledgement`, {
        method: 'POST',
        body: json({}),
        session: officer,
      });
      assert.equal(refused.status, 404);
    });

    test('acknowledging answers when, and the count drops; a bad id is named', async () => {
      const jo = await app.signIn('jo.baker@northshire.example');
      const done = await app.request(`/api/alerts/${alertId}/acknowledgement`, {
        method: 'POST',
        body: json({}),
        session: jo,
      });
      assert.equal(done.status, 200);
      assert.deepEqual(await done.json(), { acknowledgedAt: app.clock.now().toISOString() });
      const inbox = (await (await app.request('/api/alerts', { session: jo })).json()) as {
        unacknowledged: number;
      };
      assert.equal(inbox.unacknowledged, 0);
      const bad = await app.request('/api/alerts/nope/acknowledgement', {
        method: 'POST',
        body: json({}),
        session: jo,
      });
      assert.equal(bad.status, 400);
      const body = (await bad.json()) as Record<string, unknown>;
      assert.match(JSON.stringify(body), /alertId/, JSON.stringify(body));
    });
  });
}
