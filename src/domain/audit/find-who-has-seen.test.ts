import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { Actor } from '../shared/actor.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { findWhoHasSeen } from './find-who-has-seen.ts';

const child = { type: 'person', id: 'child-sam-taylor-9' };

for (const kind of testDatabaseKinds()) {
  describe(`who has seen this person (${kind})`, () => {
    let app: TestApp;
    let dpo: Actor;
    let police: Actor;
    let school: Actor;
    before(async () => {
      app = await createTestApp(kind);
      const actorOf = (email: string) => resolveActor(app, email);
      dpo = await actorOf('dana.okafor@northshire.example');
      police = await actorOf('dc.jones@northshire.example');
      school = await actorOf('jo.baker@northshire.example');
      const disclose = (actor: Actor, outcome: 'success' | 'denied', disclosed?: string[]) =>
        appendAuditEvent(app.database.db, {
          actor,
          action: 'subject.viewed',
          outcome,
          details: { view: 'single view' },
          subject: child,
          ...(disclosed ? { disclosed } : {}),
        });
      await disclose(police, 'success', ['identity', 'police_incidents']);
      await disclose(police, 'success', ['identity']);
      await disclose(school, 'success', ['identity', 'education']);
      await disclose(school, 'denied'); // a refused look is not a sighting
    });
    after(() => app.close());

    test('lists each viewer once, with how often and when last, most recent first', async () => {
      const viewers = await findWhoHasSeen(app.deps, dpo, child);
      assert.deepEqual(
        viewers.map((v) => [v.actorName, v.organisationName, v.times]),
        [
          ['Jo Baker', 'Riverside Primary School', 1],
          ['DC Rhys Jones', 'Northshire Police', 2],
        ],
      );
    });

    test('a practitioner cannot ask, and the question is not answered', async () => {
      await assert.rejects(findWhoHasSeen(app.deps, police, child), { code: 'not_found' });
    });
  });
}

async function resolveActor(app: TestApp, email: string): Promise<Actor> {
  const session = await app.signIn(email);
  const body = session.body as {
    user: { id: string };
    partnership: { id: string };
    membership: { id: string; organisationId: string; organisationType: string; role: string };
  };
  return {
    kind: 'user',
    userId: body.user.id,
    partnershipId: body.partnership.id,
    organisationId: body.membership.organisationId,
    membershipId: body.membership.id,
    role: body.membership.role,
    organisationType: body.membership.organisationType,
  } as Actor;
}
