import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorFor, org } from '../../../test/support/agreement-fixtures.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { catalogueGatewayDirectory } from '../../domain/agreements/catalogue-gateway-directory.ts';
import { northshireTimescales } from '../../domain/demo/northshire-timescales.ts';
import { createOrganisation } from '../../domain/partnership/create-organisation.ts';
import { createPartnership } from '../../domain/partnership/create-partnership.ts';
import { createUser } from '../../domain/partnership/create-user.ts';
import { runCheckEscalation } from '../../domain/requests/check-escalation.ts';
import { createRequest } from '../../domain/requests/create-request.ts';
import { findOverdueChecks } from '../../domain/requests/find-overdue-checks.ts';
import { setRagTimescales } from '../../domain/requests/set-rag-timescales.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import { queryRows } from '../../domain/shared/database.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';
import { DEMO_PASSWORD, demoPartnership } from '../../domain/demo/northshire.ts';

/** Grace Obi (the council's front door) asks the police and the hospital trust about Sam Taylor. */
const samTaylor = (overrides: Record<string, unknown> = {}) => ({
  child: { firstName: 'Sam', lastName: 'Taylor', dob: '2017-03-14' },
  purpose: 's47_enquiry',
  gatewayId: 'CA1989-S47',
  rag: 'red',
  question: 'Any incidents at the home address in the last 12 months?',
  partnerChecks: [{ organisationId: org.police }, { organisationId: org.trust }],
  ...overrides,
});

interface ErrorJson {
  error: { code: string; fields?: { field: string; problem: string }[] };
}

for (const kind of testDatabaseKinds()) {
  describe(`requests for information over HTTP (${kind})`, () => {
    let app: TestApp;
    let grace: SignedInSession;
    let khan: SignedInSession;
    let clarke: SignedInSession;
    let requestId: string;
    const tables = ['information_request', 'partner_check', 'alert'];
    const counts = () => Promise.all(tables.map((t) => app.count(t)));
    const post = (path: string, session: SignedInSession, body: unknown) =>
      app.request(path, { method: 'POST', session, body: json(body) });
    const checkPath = (organisationId: string, act: string) =>
      `/api/requests/${requestId}/checks/${organisationId}/${act}`;

    /** Moves the clock and signs everyone in again (sessions end after 30 idle minutes). */
    const at = async (instant: string) => {
      app.clock.set(new Date(instant));
      grace = await app.signIn('grace.obi@northshire.example');
      khan = await app.signIn('ps.khan@northshire.example');
      clarke = await app.signIn('insp.clarke@northshire.example');
    };

    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      // A Friday, 10:00 in London: red runs around the clock, 2 hours, escalation at 75%.
      await at('2026-12-11T10:00:00Z');
    });
    after(() => app.close());
    const decisionCount = async () =>
      (await queryRows<{ n: number }>(app.deps.db, sql`select count(*)::int as n from decision_record`))[0]!
        .n;

    test('a front door officer asks two agencies at once: each check has its clock, each agency is told', async () => {
      const response = await post('/api/requests', grace, samTaylor());
      assert.equal(response.status, 201);
      const body = (await response.json()) as {
        id: string;
        partnerChecks: { organisationId: string; status: string; dueAt: string; escalateAt: string }[];
      };
      requestId = body.id;
      assert.deepEqual(
        body.partnerChecks.map((c) => [c.organisationId, c.status, c.dueAt, c.escalateAt]),
        [
          [org.police, 'open', '2026-12-11T12:00:00.000Z', '2026-12-11T11:30:00.000Z'],
          [org.trust, 'open', '2026-12-11T12:00:00.000Z', '2026-12-11T11:30:00.000Z'],
        ],
      );
      const alerts = await queryRows<{ recipient_organisation_id: string; recipient_role: string }>(
        app.deps.db,
        sql`select recipient_organisation_id, recipient_role from alert
            where kind = 'request_received' and source_id = ${requestId} order by recipient_organisation_id`,
      );
      assert.deepEqual(
        alerts.map((a) => [a.recipient_organisation_id, a.recipient_role]),
        [
          [org.police, 'front_door_officer'],
          [org.trust, 'front_door_officer'],
        ],
      );
      const jobs = app.sentJobs.filter((j) => (j.data as { requestId: string }).requestId === requestId);
      assert.deepEqual(
        jobs.map((j) => [(j.data as { stage: string }).stage, j.options?.startAfter?.toISOString()]).sort(),
        [
          ['breach', '2026-12-11T12:00:00.000Z'],
          ['breach', '2026-12-11T12:00:00.000Z'],
          ['escalation', '2026-12-11T11:30:00.000Z'],
          ['escalation', '2026-12-11T11:30:00.000Z'],
        ],
      );
    });

    test('every request route is in the OpenAPI document', async () => {
      const doc = (await (await app.request('/api/openapi.json')).json()) as {
        paths: Record<string, unknown>;
      };
      for (const path of [
        '/api/requests',
        '/api/requests/inbox',
        '/api/requests/{requestId}',
        '/api/requests/{requestId}/withdrawal',
        ...['clarification-request', 'clarification', 'verification-request', 'verification', 'refusal'].map(
          (act) => `/api/requests/{requestId}/checks/{organisationId}/${act}`,
        ),
      ])
        assert.ok(doc.paths[path], path);
    });

    test('bad input names the field and writes nothing', async () => {
      const before = await counts();
      const cases: [Record<string, unknown>, string][] = [
        [{ gatewayId: 'NO-SUCH-GATEWAY' }, 'gatewayId'],
        [{ purpose: 'curiosity' }, 'purpose'],
        [{ rag: 'blue' }, 'rag'],
        [{ respondBy: '2026-12-11T09:00:00Z' }, 'respondBy'],
        [{ respondBy: 'tomorrow' }, 'respondBy'],
        [
          { partnerChecks: [{ organisationId: '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b02' }] },
          'partnerChecks.0.organisationId',
        ],
        [{ partnerChecks: [] }, 'partnerChecks'],
      ];
      for (const [overrides, field] of cases) {
        const response = await post('/api/requests', grace, samTaylor(overrides));
        assert.equal(response.status, 400, field);
        const body = (await response.json()) as ErrorJson;
        assert.ok(
          body.error.fields?.some((f) => f.field === field),
          `${field}: ${JSON.stringify(body.error.fields)}`,
        );
      }
      assert.deepEqual(await counts(), before);
    });

    test('a sooner deadline of the requester caps each check', async () => {
      const response = await post(
        '/api/requests',
        grace,
        samTaylor({ rag: 'green', respondBy: '2026-12-11T15:00:00Z' }),
      );
      assert.equal(response.status, 201);
      const body = (await response.json()) as { partnerChecks: { dueAt: string; escalateAt: string }[] };
      assert.equal(body.partnerChecks[0]?.dueAt, '2026-12-11T15:00:00.000Z');
      await post(`/api/requests/${(body as unknown as { id: string }).id}/withdrawal`, grace, {
        reason: 'Test done',
      });
    });

    test("the police responder's inbox lists it by due, with the time left", async () => {
      await at('2026-12-11T10:40:00Z');
      const response = await app.request('/api/requests/inbox?view=responder', { session: khan });
      assert.equal(response.status, 200);
      const inbox = (await response.json()) as {
        counts: { red: number };
        items: { requestId: string; rag: string; msLeft: number; overdue: boolean; childName: string }[];
      };
      const item = inbox.items.find((i) => i.requestId === requestId);
      assert.ok(item);
      assert.equal(item.rag, 'red');
      assert.equal(item.msLeft, 80 * 60_000);
      assert.equal(item.overdue, false);
      assert.equal(item.childName, 'Sam Taylor');
      const dues = inbox.items.map((i) => i.msLeft);
      assert.deepEqual(
        dues,
        [...dues].sort((a, b) => a - b),
      );
      // Nobody at the trust's check shows in the police inbox; the sent view shows both to Grace.
      const sent = (await (
        await app.request('/api/requests/inbox?view=sent', { session: grace })
      ).json()) as {
        items: { requestId: string; organisationId: string }[];
      };
      assert.equal(sent.items.filter((i) => i.requestId === requestId).length, 2);
      // The manager view is the team manager's, and empty until escalation.
      assert.equal((await app.request('/api/requests/inbox?view=manager', { session: khan })).status, 404);
      const manager = (await (
        await app.request('/api/requests/inbox?view=manager', { session: clarke })
      ).json()) as {
        items: unknown[];
      };
      assert.equal(manager.items.length, 0);
      const bad = await app.request('/api/requests/inbox?view=everyone', { session: khan });
      assert.equal(bad.status, 400);
    });

    test('one request is seen by the requester (every check) and an asked agency (its own); others: not found', async () => {
      const own = (await (await app.request(`/api/requests/${requestId}`, { session: khan })).json()) as {
        side: string;
        partnerChecks: { organisationId: string }[];
      };
      assert.equal(own.side, 'responder');
      assert.deepEqual(
        own.partnerChecks.map((c) => c.organisationId),
        [org.police],
      );
      const all = (await (await app.request(`/api/requests/${requestId}`, { session: grace })).json()) as {
        partnerChecks: unknown[];
      };
      assert.equal(all.partnerChecks.length, 2);
      const ellie = await app.signIn('ellie.shaw@northshire.example');
      assert.equal((await app.request(`/api/requests/${requestId}`, { session: ellie })).status, 404);
      assert.equal((await app.request(`/api/requests/not-an-id`, { session: khan })).status, 404);
      const [denied] = await queryRows<{ n: number }>(
        app.deps.db,
        sql`select count(*)::int as n from audit_event where action = 'access.denied'
            and details->>'attempted' = 'request.view'`,
      );
      assert.equal(denied?.n, 2);
    });

    test("a request of another partnership's child is not found", async () => {
      const operator = systemActor('8b3e4c6a-2d9f-4e77-9c53-4f0a7d9b2c01' as PartnershipId, 'test');
      await createPartnership(app.deps, operator, { id: operator.partnershipId, name: 'Southvale' });
      const council = await createOrganisation(app.deps, operator, {
        name: 'Southvale Council',
        type: 'council_childrens_social_care',
      });
      await createUser(app.deps, operator, {
        email: 'fd@southvale.example',
        displayName: 'Southvale Front Door',
        password: DEMO_PASSWORD,
        organisationId: council.id,
        role: 'front_door_officer',
      });
      await setRagTimescales(app.deps, operator, northshireTimescales);
      const southvaleOfficer = await actorFor(app.deps.db, 'fd@southvale.example');
      const theirs = await createRequest(
        { ...app.deps, gateways: catalogueGatewayDirectory(app.deps.db), jobs: { send: async () => null } },
        southvaleOfficer,
        samTaylor({ partnerChecks: [{ organisationId: council.id }] }) as never,
      );
      assert.equal((await app.request(`/api/requests/${theirs.id}`, { session: grace })).status, 404);
      const refused = await post(`/api/requests/${theirs.id}/checks/${council.id}/refusal`, khan, {
        reasons: ['no_lawful_basis'],
        explanation: 'Not ours',
      });
      assert.equal(refused.status, 404);
    });

    test('the responder asks for clarification: the clock stops; the requester clarifies: it starts again', async () => {
      // Only the asked organisation's answerer may ask; the trust's check is not Khan's.
      assert.equal(
        (await post(checkPath(org.trust, 'clarification-request'), khan, { question: 'Which address?' }))
          .status,
        404,
      );
      assert.equal(
        (await post(checkPath(org.police, 'clarification-request'), grace, { question: 'x' })).status,
        404,
      );
      const empty = await post(checkPath(org.police, 'clarification-request'), khan, { question: ' ' });
      assert.equal(empty.status, 400);
      const stopped = await post(checkPath(org.police, 'clarification-request'), khan, {
        question: 'Which address: the mother’s or the father’s?',
      });
      assert.equal(stopped.status, 200);
      assert.deepEqual(await stopped.json(), {
        requestId,
        organisationId: org.police,
        status: 'awaiting_clarification',
        dueAt: null,
        escalateAt: null,
      });
      // Stopped twice: a conflict.
      assert.equal(
        (await post(checkPath(org.police, 'clarification-request'), khan, { question: 'Again?' })).status,
        409,
      );
      // The escalation job queued for 11:30 finds the clock stopped and raises nothing.
      await at('2026-12-11T11:30:00Z');
      const stage = { partnershipId: demoPartnership.id, requestId, organisationId: org.police };
      assert.equal(
        await runCheckEscalation(app.deps, { ...stage, stage: 'escalation', at: '2026-12-11T11:30:00.000Z' }),
        false,
      );
      // Clarified an hour after it stopped (10:40 → 11:40): the 80 minutes left run from 11:40.
      await at('2026-12-11T11:40:00Z');
      assert.equal((await post(checkPath(org.police, 'clarification'), khan, { answer: 'x' })).status, 404);
      const restarted = await post(checkPath(org.police, 'clarification'), grace, {
        answer: 'The mother’s.',
      });
      assert.equal(restarted.status, 200);
      const body = (await restarted.json()) as { status: string; dueAt: string; escalateAt: string };
      assert.equal(body.status, 'open');
      assert.equal(body.dueAt, '2026-12-11T13:00:00.000Z');
      assert.equal(body.escalateAt, '2026-12-11T12:30:00.000Z');
      const detail = (await (await app.request(`/api/requests/${requestId}`, { session: khan })).json()) as {
        partnerChecks: { messages: { kind: string; text: string }[] }[];
      };
      assert.deepEqual(
        detail.partnerChecks[0]?.messages.map((m) => m.kind),
        ['clarification_asked', 'clarification_given'],
      );
    });

    test('at the escalation point the police team manager is told; at the deadline, the breach; once each', async () => {
      const stage = { partnershipId: demoPartnership.id, requestId, organisationId: org.police };
      // The wake-up queued for the old instant does nothing.
      await at('2026-12-11T12:30:00Z');
      assert.equal(
        await runCheckEscalation(app.deps, { ...stage, stage: 'escalation', at: '2026-12-11T11:30:00.000Z' }),
        false,
      );
      const escalation = { ...stage, stage: 'escalation' as const, at: '2026-12-11T12:30:00.000Z' };
      assert.equal(await runCheckEscalation(app.deps, escalation), true);
      assert.equal(await runCheckEscalation(app.deps, escalation), false);
      const manager = (await (
        await app.request('/api/requests/inbox?view=manager', { session: clarke })
      ).json()) as {
        items: { requestId: string; escalated: boolean }[];
      };
      assert.ok(manager.items.some((i) => i.requestId === requestId && i.escalated));
      await at('2026-12-11T13:05:00Z');
      assert.equal(
        await runCheckEscalation(app.deps, { ...stage, stage: 'breach', at: '2026-12-11T13:00:00.000Z' }),
        true,
      );
      const alerts = await queryRows<{ content: { stage: string }; recipient_role: string }>(
        app.deps.db,
        sql`select content, recipient_role from alert where kind = 'request_escalated'
            and recipient_organisation_id = ${org.police} order by raised_at`,
      );
      assert.deepEqual(
        alerts.map((a) => [a.content.stage, a.recipient_role]),
        [
          ['escalation', 'team_manager'],
          ['breach', 'team_manager'],
        ],
      );
      const inbox = (await (await app.request('/api/requests/inbox', { session: khan })).json()) as {
        counts: { overdue: number };
        items: { requestId: string; overdue: boolean; msLeft: number }[];
      };
      const item = inbox.items.find((i) => i.requestId === requestId);
      assert.equal(item?.overdue, true);
      assert.equal(item?.msLeft, -5 * 60_000);
      assert.ok(inbox.counts.overdue >= 1);
      // The operator's `tessera requests overdue` lists it, by partnership, without the child.
      const overdue = await findOverdueChecks(app.deps, { partnershipId: demoPartnership.id });
      const listed = overdue.find(
        (c) => c.requestId === requestId && c.organisationName === 'Northshire Police',
      );
      // The trust's check, due at 12:00 and untouched, is overdue too.
      assert.ok(overdue.some((c) => c.requestId === requestId && c.organisationName !== 'Northshire Police'));
      assert.equal(listed?.organisationName, 'Northshire Police');
      assert.equal(listed?.dueAt.toISOString(), '2026-12-11T13:00:00.000Z');
    });

    test('the trust asks an unverified requester to verify first, then refuses with reasons', async () => {
      let nurse = await app.signIn('nurse.walsh@northshire.example');
      const asked = await post(checkPath(org.trust, 'verification-request'), nurse, {
        question: 'Please confirm through the council switchboard.',
      });
      assert.equal(asked.status, 200, await asked.clone().text());
      assert.equal(((await asked.json()) as { status: string }).status, 'awaiting_verification');
      // Verification is not clarification. Verified a quarter of an hour later.
      await at('2026-12-11T13:20:00Z');
      nurse = await app.signIn('nurse.walsh@northshire.example');
      assert.equal((await post(checkPath(org.trust, 'clarification'), grace, { answer: 'x' })).status, 409);
      const verified = await post(checkPath(org.trust, 'verification'), grace, {
        answer: 'Called back via switchboard.',
      });
      assert.equal(verified.status, 200);
      const badReasons = await post(checkPath(org.trust, 'refusal'), nurse, {
        reasons: ['because'],
        explanation: 'x',
      });
      assert.equal(badReasons.status, 400);
      const refused = await post(checkPath(org.trust, 'refusal'), nurse, {
        reasons: ['not_necessary', 'third_party_information'],
        explanation: 'The records are about the father; ask him or seek a court order.',
      });
      assert.equal(refused.status, 200);
      assert.equal(((await refused.json()) as { status: string }).status, 'refused');
      assert.equal(
        (
          await post(checkPath(org.trust, 'refusal'), nurse, {
            reasons: ['not_necessary'],
            explanation: 'Again',
          })
        ).status,
        409,
      );
      const [event] = await queryRows<{ details: { reasons: string[] } }>(
        app.deps.db,
        sql`select details from audit_event where action = 'request.refused' and subject_id = ${requestId}`,
      );
      assert.deepEqual(event?.details.reasons, ['not_necessary', 'third_party_information']);
    });

    test('a decision record answers its organisation’s check; withdrawal closes the rest', async () => {
      // The police's decision not to share, naming the request, is their answer (issue 16 point 4).
      const answer = (requestId_: string, session: SignedInSession, recipient = org.csc) =>
        post('/api/decisions', session, {
          personId: people.samTaylor,
          purpose: 'strategy_discussion',
          decision: 'not_share',
          recipientOrganisationId: recipient,
          lawfulBasis: [],
          method: 'secure_portal',
          reasons: 'The police hold nothing beyond what the front door already has',
          familyTold: 'yes',
          requestId: requestId_,
        });
      // An organisation not asked (the council, which asked) has no check to answer: nothing is
      // recorded; the trust's check, refused above, takes no answer either.
      const nurse = await app.signIn('nurse.walsh@northshire.example');
      const decisionsBefore = await decisionCount();
      assert.equal((await answer(requestId, grace, org.police)).status, 404);
      assert.equal((await answer(requestId, nurse)).status, 409);
      assert.equal(await decisionCount(), decisionsBefore);
      const answered = await answer(requestId, khan);
      assert.equal(answered.status, 201);
      const { id: decisionId } = (await answered.json()) as { id: string };
      // The check is closed: a second answer is a conflict, and records nothing either.
      assert.equal((await answer(requestId, khan)).status, 409);
      assert.equal(await decisionCount(), decisionsBefore + 1);
      const detail = (await (await app.request(`/api/requests/${requestId}`, { session: grace })).json()) as {
        partnerChecks: { organisationId: string; status: string; decisionId: string | null }[];
      };
      assert.deepEqual(
        detail.partnerChecks.map((c) => [c.organisationId, c.status, c.decisionId]).sort(),
        [
          [org.police, 'answered', decisionId],
          [org.trust, 'refused', null],
        ].sort(),
      );
      // Nothing is left waiting: withdrawing is a conflict; only the requester may withdraw.
      assert.equal((await post(`/api/requests/${requestId}/withdrawal`, khan, { reason: 'x' })).status, 404);
      assert.equal(
        (await post(`/api/requests/${requestId}/withdrawal`, grace, { reason: 'Resolved' })).status,
        409,
      );
      const another = (await (await post('/api/requests', grace, samTaylor({ rag: 'amber' }))).json()) as {
        id: string;
      };
      assert.equal((await post(`/api/requests/${another.id}/withdrawal`, grace, { reason: '' })).status, 400);
      const withdrawn = await post(`/api/requests/${another.id}/withdrawal`, grace, {
        reason: 'Known to CSC already',
      });
      assert.deepEqual(await withdrawn.json(), { withdrawn: 2 });
      const inbox = (await (await app.request('/api/requests/inbox', { session: khan })).json()) as {
        items: { requestId: string }[];
      };
      assert.ok(!inbox.items.some((i) => i.requestId === another.id || i.requestId === requestId));
    });
  });
}
