import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail } from '../../../test/support/actors.ts';
import { org } from '../../../test/support/northshire-flows.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { recordAccessLimit } from '../policy/access-grants.ts';
import { findBreakGlassReviews } from './find-break-glass-reviews.ts';
import { reviewBreakGlass } from './review-break-glass.ts';
import { queryRows } from '../shared/database.ts';

// The test app's clock stands at 2026-11-02T09:00Z.
const start = new Date('2026-11-02T09:00:00Z');
const reason = {
  reasonCode: 'risk_to_life',
  reasonText: 'Found unresponsive at the housing office; paramedics need known conditions now',
};

for (const kind of testDatabaseKinds()) {
  describe(`break-glass (${kind})`, () => {
    let app: TestApp;
    /** Housing practitioner: Mia Hughes is known only to the trust, so he sees nothing of her. */
    let ben: SignedInSession;
    let nina: SignedInSession;
    let dana: SignedInSession;
    let adeyemi: SignedInSession;
    let mia: Map<string, string>;

    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      ben = await app.signIn('ben.carter@northshire.example');
      nina = await app.signIn('nina.brooks@northshire.example');
      dana = await app.signIn('dana.okafor@northshire.example');
      adeyemi = await app.signIn('dr.adeyemi@northshire.example');
      const rows = await queryRows<{ id: string; organisation_id: string }>(
        app.database.db,
        sql`select ap.id, ap.organisation_id from person_link l
            join agency_person ap on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
            where l.person_id = ${people.miaHughes}`,
      );
      mia = new Map(rows.map((r) => [r.organisation_id, r.id]));
    });
    after(() => app.close());

    const breakGlass = (session: SignedInSession, body: unknown) =>
      app.request('/api/break-glass', { method: 'POST', session, body: json(body) });
    const view = (session: SignedInSession, personId: string, purpose = 'emergency') =>
      app.request(`/api/persons/${personId}/view?purpose=${purpose}`, { session });
    const fieldsOf = async (response: Response) =>
      ((await response.json()) as { error: { fields?: { field: string }[] } }).error.fields?.map(
        (f) => f.field,
      );
    const lastEvent = async (action: string) =>
      (
        await queryRows<{ outcome: string; purpose: string | null; details: Record<string, unknown> }>(
          app.database.db,
          sql`select outcome, purpose, details from audit_event where action = ${action} order by id desc limit 1`,
        )
      )[0];
    const written = async () => ({
      breakGlass: await app.count('break_glass'),
      grants: await app.count('access_grant'),
      alerts: await app.count('alert'),
    });

    test("'emergency' without a live break-glass answers exactly as a child one may not see", async () => {
      const unseen = await view(ben, people.miaHughes);
      const nobody = await view(ben, people.nobody);
      assert.equal(unseen.status, 404);
      assert.deepEqual(await unseen.json(), await nobody.json());
      assert.equal((await lastEvent('access.denied'))?.details.reason, 'no_such_subject');
      const viaOtherPurpose = await view(ben, people.miaHughes, 'child_protection_conference');
      assert.equal(viaOtherPurpose.status, 404);
    });

    test('bad input is refused naming the field, and writes nothing', async () => {
      const before = await written();
      const cases: [unknown, string[]][] = [
        [{ personId: people.miaHughes, reasonText: reason.reasonText }, ['reasonCode']],
        [{ personId: people.miaHughes, reasonCode: 'risk_to_life', reasonText: '' }, ['reasonText']],
        [
          { personId: people.miaHughes, reasonCode: 'curiosity', reasonText: reason.reasonText },
          ['reasonCode'],
        ],
        [{ personId: [people.miaHughes, people.samTaylor], ...reason }, ['personId']],
        [{ personId: people.miaHughes, personIds: [people.samTaylor], ...reason }, ['personIds']],
        [{ ...reason }, ['personId']],
      ];
      for (const [body, fields] of cases) {
        const response = await breakGlass(ben, body);
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.deepEqual(await fieldsOf(response), fields, JSON.stringify(body));
      }
      const twoChildren = await breakGlass(ben, {
        personId: [people.miaHughes, people.samTaylor],
        ...reason,
      });
      assert.match(JSON.stringify(await twoChildren.json()), /one child at a time/);
      assert.deepEqual(await written(), before);
    });

    test('administrators and reviewers may not break glass: not found, and audited', async () => {
      const before = await written();
      for (const email of ['dana.okafor@northshire.example', 'alex.morgan@northshire.example']) {
        const session = email.startsWith('dana') ? dana : await app.signIn(email);
        const response = await breakGlass(session, { personId: people.miaHughes, ...reason });
        assert.equal(response.status, 404, email);
        assert.equal((await lastEvent('break_glass.refused'))?.details.reason, 'role_not_permitted');
      }
      assert.deepEqual(await written(), before);
    });

    test('a person nobody holds is not found, and audited', async () => {
      const response = await breakGlass(ben, { personId: people.nobody, ...reason });
      assert.equal(response.status, 404);
      assert.equal((await lastEvent('break_glass.refused'))?.details.reason, 'no_such_person');
    });

    let miaGlass: string;

    test('the whole view for one user, one child, limits set aside and named, holders alerted', async () => {
      // The trust restricts Mia's records (Art 18): nobody else sees them, break-glass or not...
      const nurse = await actorByEmail(app.database.db, 'nurse.walsh@northshire.example');
      const limitId = await app.database.db.transaction((tx) =>
        recordAccessLimit(tx, nurse, {
          kind: 'restriction',
          holderOrganisationId: org.trust,
          subjectId: mia.get(org.trust)!,
          reason: 'Accuracy contested (Art 18(1)(a))',
          startsAt: new Date('2026-11-01T09:00:00Z'),
        }),
      );
      const response = await breakGlass(ben, { personId: people.miaHughes, ...reason });
      assert.equal(response.status, 201);
      const glass = (await response.json()) as { breakGlassId: string; expiresAt: string; purpose: string };
      miaGlass = glass.breakGlassId;
      assert.equal(glass.purpose, 'emergency');
      assert.equal(glass.expiresAt, new Date(start.getTime() + 60 * 60_000).toISOString());
      const used = await lastEvent('break_glass.used');
      assert.deepEqual(used?.details.holderOrganisationIds, [org.trust]);
      assert.deepEqual(used?.details.setAsideLimitIds, [limitId]);
      assert.equal(JSON.stringify(used).includes(reason.reasonText), false, 'the words stay out of the log');

      const shown = await view(ben, people.miaHughes);
      assert.equal(shown.status, 200);
      const body = (await shown.json()) as { purpose: string; agencies: { organisationId: string }[] };
      assert.equal(body.purpose, 'emergency');
      assert.ok(
        body.agencies.some((a) => a.organisationId === org.trust),
        'the trust’s records are shown',
      );
      const viewed = await lastEvent('subject.viewed');
      assert.deepEqual(
        (viewed?.details.grants as { kind: string; sourceId: string; setAsideLimitIds: string[] }[]).map(
          (g) => [g.kind, g.sourceId, g.setAsideLimitIds],
        ),
        [['break_glass', miaGlass, [limitId]]],
      );
      // ...and only under 'emergency': the grant widens no other purpose.
      assert.equal((await view(ben, people.miaHughes, 'child_protection_conference')).status, 404);

      const alerts = await queryRows<{
        recipient_organisation_id: string;
        recipient_role: string;
        kind: string;
      }>(
        app.database.db,
        sql`select recipient_organisation_id, recipient_role, kind from alert
            where source_type = 'break_glass' and source_id = ${miaGlass} order by recipient_role`,
      );
      assert.deepEqual(
        alerts.map((a) => [a.kind, a.recipient_organisation_id, a.recipient_role]),
        [
          ['break_glass_used', org.trust, 'caldicott_guardian'],
          ['break_glass_used', org.trust, 'data_protection_officer'],
        ],
      );
    });

    test('replayed by another user, even of the same organisation, it is not found and audited', async () => {
      for (const session of [nina, await app.signIn('sam.patel@northshire.example')]) {
        const response = await view(session, people.miaHughes);
        assert.equal(response.status, 404);
        const denied = await lastEvent('access.denied');
        assert.equal(denied?.purpose, 'emergency');
      }
    });

    test('every organisation holding records of the child has its DPO and Caldicott guardian alerted', async () => {
      const response = await breakGlass(ben, {
        personId: people.samTaylor,
        ...reason,
        reasonCode: 'missing_child',
      });
      assert.equal(response.status, 201);
      const { breakGlassId } = (await response.json()) as { breakGlassId: string };
      const alerts = await queryRows<{ organisation: string; role: string }>(
        app.database.db,
        sql`select recipient_organisation_id as organisation, recipient_role as role from alert
            where source_type = 'break_glass' and source_id = ${breakGlassId}`,
      );
      const holders = [org.childrensServices, org.police, org.trust, org.school, org.housing].sort();
      assert.deepEqual([...new Set(alerts.map((a) => a.organisation))].sort(), holders);
      for (const holder of holders)
        assert.deepEqual(
          alerts
            .filter((a) => a.organisation === holder)
            .map((a) => a.role)
            .sort(),
          ['caldicott_guardian', 'data_protection_officer'],
        );
    });

    test('the review queue: holders only, pending first, an outcome recorded once, never by a stranger', async () => {
      const queue = await app.request('/api/break-glass/reviews', { session: dana });
      assert.equal(queue.status, 200);
      const { reviews } = (await queue.json()) as {
        reviews: { breakGlassId: string; status: string; reasonText: string; by: { name: string } }[];
      };
      // The council holds Sam's records, not Mia's.
      assert.equal(reviews.length, 1);
      assert.equal(reviews[0]!.by.name, 'Ben Carter');
      assert.equal(reviews[0]!.status, 'pending');
      const samGlass = reviews[0]!.breakGlassId;
      assert.equal((await lastEvent('break_glass.reviews_listed'))?.details.returned, 1);

      const review = (session: SignedInSession, id: string, body: unknown) =>
        app.request(`/api/break-glass/${id}/review`, { method: 'POST', session, body: json(body) });
      const bad = await review(dana, samGlass, { outcome: 'fine', notes: '' });
      assert.equal(bad.status, 400);
      assert.deepEqual(await fieldsOf(bad), ['outcome', 'notes']);
      // The council's DPO has nothing to review of Mia's: not found, audited.
      assert.equal((await review(dana, miaGlass, { outcome: 'justified', notes: 'ok' })).status, 404);
      // A practitioner has no review queue at all.
      assert.equal((await app.request('/api/break-glass/reviews', { session: ben })).status, 404);

      const more = await review(dana, samGlass, {
        outcome: 'needs_more_information',
        notes: 'Asked Ben why 999 was not enough',
      });
      assert.deepEqual(await more.json(), { status: 'pending', outcome: 'needs_more_information' });
      const done = await review(dana, samGlass, {
        outcome: 'justified',
        notes: 'Child missing overnight; proportionate',
      });
      assert.deepEqual(await done.json(), { status: 'reviewed', outcome: 'justified' });
      assert.equal(
        (await review(dana, samGlass, { outcome: 'not_justified_referred', notes: 'changed mind' })).status,
        409,
      );
      assert.deepEqual((await lastEvent('break_glass.reviewed'))?.details, {
        breakGlassId: samGlass,
        organisationId: org.childrensServices,
        outcome: 'justified',
      });

      const trustQueue = (await (
        await app.request('/api/break-glass/reviews', { session: adeyemi })
      ).json()) as {
        reviews: { breakGlassId: string; status: string }[];
      };
      assert.deepEqual(
        trustQueue.reviews.map((r) => r.breakGlassId).sort(),
        [miaGlass, samGlass].sort(),
        'the trust holds records of both children; the council’s outcome does not close the trust’s review',
      );
      assert.ok(trustQueue.reviews.every((r) => r.status === 'pending'));
    });

    test('nobody reviews their own break-glass, even holding a reviewer role where the child is held', async () => {
      // Ben as his housing association's DPO as well (a second membership): his own two
      // break-glasses are neither listed nor reviewable by him.
      const benActor = await actorByEmail(app.database.db, 'ben.carter@northshire.example');
      const asDpo = { ...benActor, role: 'data_protection_officer' as const };
      const own = await findBreakGlassReviews(app.deps, asDpo);
      assert.deepEqual(own, []);
      await assert.rejects(
        reviewBreakGlass(app.deps, asDpo, { breakGlassId: miaGlass, outcome: 'justified', notes: 'mine' }),
        /not found/,
      );
    });

    test('past its hour the view is not found, and the refusal audited', async () => {
      const live = (await (await app.request('/api/break-glass/live', { session: ben })).json()) as {
        breakGlasses: { personId: string }[];
      };
      assert.deepEqual(
        live.breakGlasses.map((b) => b.personId).sort(),
        [people.miaHughes, people.samTaylor].sort(),
      );
      app.clock.set(new Date(start.getTime() + 60 * 60_000));
      try {
        ben = await app.signIn('ben.carter@northshire.example');
        const response = await view(ben, people.miaHughes);
        assert.equal(response.status, 404);
        assert.equal((await lastEvent('access.denied'))?.purpose, 'emergency');
        const after = (await (await app.request('/api/break-glass/live', { session: ben })).json()) as {
          breakGlasses: unknown[];
        };
        assert.deepEqual(after.breakGlasses, []);
      } finally {
        app.clock.set(start);
      }
    });

    test('a user may break glass three times a day: the fourth is 429 with Retry-After, audited, nothing written', async () => {
      let mark = await app.signIn('mark.evans@northshire.example');
      for (let i = 0; i < 3; i += 1) {
        app.clock.set(new Date(start.getTime() + i * 60_000));
        assert.equal((await breakGlass(mark, { personId: people.miaHughes, ...reason })).status, 201);
      }
      app.clock.set(new Date(start.getTime() + 3 * 60_000));
      try {
        const before = await written();
        const refused = await breakGlass(mark, { personId: people.miaHughes, ...reason });
        assert.equal(refused.status, 429);
        // The first of the three leaves the 24-hour window 23 h 57 min from now.
        assert.equal(refused.headers.get('retry-after'), String(24 * 3600 - 3 * 60));
        const event = await lastEvent('break_glass.refused');
        assert.equal(event?.details.reason, 'rate_limited');
        assert.deepEqual(await written(), before);
        app.clock.set(new Date(start.getTime() + 24 * 3600_000 + 1));
        mark = await app.signIn('mark.evans@northshire.example');
        assert.equal((await breakGlass(mark, { personId: people.miaHughes, ...reason })).status, 201);
      } finally {
        app.clock.set(start);
      }
    });
  });
}
