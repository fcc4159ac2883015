import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

interface ErrorBody {
  error: { code: string; fields?: { field: string; problem: string }[] };
}

for (const kind of testDatabaseKinds()) {
  describe(`POST /api/decisions/evaluate (${kind})`, () => {
    let app: TestApp;
    let jo: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      jo = await app.signIn('jo.baker@northshire.example');
    });
    after(() => app.close());

    const evaluate = (body: unknown, session: SignedInSession | undefined = jo) =>
      app.request('/api/decisions/evaluate', { method: 'POST', session, body: JSON.stringify(body) });
    const disclosure = {
      setting: 'school',
      kind: 'own_concern',
      child: { age: 9 },
      concern: { disclosureByChild: true },
    };

    test('Riverside Primary’s designated safeguarding lead is told to refer a disclosure under the partnership’s 2024 edition, and nothing is recorded', async () => {
      const audits = await app.count('audit_event');
      const response = await evaluate(disclosure);
      assert.equal(response.status, 200);
      const answer = (await response.json()) as Record<string, unknown>;
      assert.equal(answer.edition, '2024', 'the partnership default');
      assert.equal(answer.outcome, 'share_without_consent');
      assert.deepEqual(answer.advice, ['refer_csc_now']);
      assert.deepEqual((answer.tellFamily as { answer: string }).answer, 'per_lead_agency');
      assert.ok((answer.steps as unknown[]).length > 0);
      assert.equal(await app.count('audit_event'), audits, 'evaluating records nothing');
    });

    test('the practitioner may ask for the 2018 edition instead', async () => {
      const answer = (await (await evaluate({ ...disclosure, edition: '2018' })).json()) as {
        edition: string;
      };
      assert.equal(answer.edition, '2018');
    });

    test('contradictory facts are answered with a warning and the safer path, never an error', async () => {
      const rhys = await app.signIn('dc.jones@northshire.example');
      const response = await evaluate(
        { setting: 'police', kind: 'own_concern', concern: { immediateDanger: true, belowThreshold: true } },
        rhys,
      );
      assert.equal(response.status, 200);
      const answer = (await response.json()) as { outcome: string; urgency: string; warnings: string[] };
      assert.equal(answer.outcome, 'share_without_consent');
      assert.equal(answer.urgency, 'immediate');
      assert.ok(answer.warnings.some((w) => w.startsWith('contradiction_danger_below_threshold')));
    });

    test('an unknown concern is refused naming the field', async () => {
      const response = await evaluate({ ...disclosure, concern: { disclosureByChild: true, hunch: true } });
      assert.equal(response.status, 400);
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.error.code, 'validation_failed');
      assert.deepEqual(
        body.error.fields?.map((f) => f.field),
        ['concern.hunch'],
      );
    });

    test('an unknown setting is refused naming the field', async () => {
      const body = (await (await evaluate({ ...disclosure, setting: 'dentist' })).json()) as ErrorBody;
      assert.deepEqual(
        body.error.fields?.map((f) => f.field),
        ['setting'],
      );
    });

    test('a wrong requester purpose is refused naming the nested field', async () => {
      const response = await evaluate({
        setting: 'gp',
        kind: 'incoming_request',
        requester: { orgType: 'police', purpose: 'curiosity' },
      });
      assert.equal(response.status, 400);
      const body = (await response.json()) as ErrorBody;
      assert.deepEqual(
        body.error.fields?.map((f) => f.field),
        ['requester.purpose'],
      );
    });

    test('the OpenAPI document describes the route and its answer', async () => {
      const doc = (await (await app.request('/api/openapi.json', { session: jo })).json()) as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      };
      assert.ok(doc.paths['/api/decisions/evaluate']);
      assert.ok(doc.components.schemas.DecisionAnswer);
    });

    test('no one who is not signed in gets an answer', async () => {
      const response = await app.request('/api/decisions/evaluate', {
        method: 'POST',
        body: JSON.stringify(disclosure),
      });
      assert.equal(response.status, 401);
    });
  });
}
