import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { randomUUID } from 'node:crypto';
import { northshirePartnershipId, org } from '../../../test/support/northshire-flows.ts';
import { linkDecision, linkMove, personLink } from '../people/schema.ts';
import { agencyPerson } from '../records/schema.ts';
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

    test('a child seen under an agency record, a link review, or a person merged into them is found', async () => {
      // Mia was two persons until a reviewer merged them: her police record moved from the
      // person it first formed into hers. Each id she was seen under counts.
      const mia = randomUUID();
      const formerPerson = randomUUID();
      const policeRecord = randomUUID();
      const decision = randomUUID();
      const at = new Date('2026-10-01T10:00:00Z');
      await app.database.db.insert(agencyPerson).values({
        partnershipId: northshirePartnershipId,
        id: policeRecord,
        organisationId: org.police,
        externalPersonId: 'CRN-MIA-1',
        updatedAt: at,
      });
      await app.database.db.insert(linkDecision).values({
        partnershipId: northshirePartnershipId,
        id: decision,
        kind: 'confirmed',
        decidedAt: at,
        decidedBy: 'reviewer',
      });
      await app.database.db.insert(linkMove).values({
        partnershipId: northshirePartnershipId,
        decisionId: decision,
        agencyPersonId: policeRecord,
        fromPersonId: formerPerson,
        fromProbability: 1,
        fromLinkedBy: 'first',
        toPersonId: mia,
        toProbability: 1,
        toLinkedBy: 'confirmed',
      });
      await app.database.db.insert(personLink).values({
        partnershipId: northshirePartnershipId,
        agencyPersonId: policeRecord,
        personId: mia,
        matchProbability: 1,
        linkedBy: 'review',
        linkedAt: at,
      });
      const seen = (actor: Actor, id: string, view: string) =>
        appendAuditEvent(app.database.db, {
          actor,
          action: 'subject.viewed',
          outcome: 'success',
          details: { view },
          subject: { type: 'person', id },
          disclosed: ['identity'],
        });
      await seen(police, formerPerson, 'single_view'); // before the merge
      await seen(school, policeRecord, 'link_review');
      await seen(dpo, randomUUID(), 'single_view'); // someone else entirely
      const viewers = await findWhoHasSeen(app.deps, dpo, { type: 'person', id: mia });
      assert.deepEqual(viewers.map((v) => v.actorName).sort(), ['DC Rhys Jones', 'Jo Baker']);
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
