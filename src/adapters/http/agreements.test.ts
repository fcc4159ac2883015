import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  healthChecks,
  org,
  policeChecks,
  signatories,
  tier2Content,
} from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

interface Detail {
  agreement: {
    id: string;
    reference: string;
    status: string;
    versionInForce: number | null;
    versions: {
      version: number;
      status: string;
      flows: { id: string; name: string }[];
      awaitingSignatureFrom: unknown[];
    }[];
    gateways: { id: string; kindLabel: string }[];
  };
}

/** A Tier 2 body's sections: a Tier 2 has no agreement-level purposes, gateways or categories. */
function sections() {
  const {
    purposes: _p,
    gatewayIds: _g,
    dataCategories: _d,
    ...rest
  } = tier2Content([org.csc, org.police, org.trust]);
  return rest;
}

for (const kind of testDatabaseKinds()) {
  describe(`the agreements API (${kind})`, () => {
    let app: TestApp;
    let dana: SignedInSession;
    let ruth: SignedInSession;
    let tier1Id: string;
    let draftId: string;
    const call = async <T>(
      path: string,
      session: SignedInSession,
      init: { method?: string; body?: unknown } = {},
    ) => {
      const response = await app.request(path, {
        session,
        method: init.method ?? 'GET',
        body: init.body === undefined ? undefined : json(init.body),
      });
      return { status: response.status, body: (await response.json()) as T, headers: response.headers };
    };

    before(async () => {
      app = await createTestApp(kind);
      dana = await app.signIn('dana.okafor@northshire.example');
      ruth = await app.signIn('ruth.ali@northshire.example');
    });
    after(() => app.close());

    test('every member of the partnership lists and reads the agreements; the signed-out get 401', async () => {
      const list = await call<{ agreements: { id: string; reference: string; statusLabel: string }[] }>(
        '/api/agreements',
        ruth,
      );
      assert.equal(list.status, 200);
      assert.equal(list.body.agreements.length, 7);
      tier1Id = list.body.agreements[0]!.id;
      const tier2 = await call<{ agreements: unknown[] }>('/api/agreements?tier=tier2&status=active', ruth);
      assert.equal(tier2.body.agreements.length, 6);
      const detail = await call<Detail>(`/api/agreements/${list.body.agreements[3]!.id}`, ruth);
      assert.equal(detail.body.agreement.reference, 'T2-003');
      assert.deepEqual(
        detail.body.agreement.versions.map((v) => v.status),
        ['superseded', 'active'],
      );
      assert.ok(
        detail.body.agreement.gateways.some(
          (g) => g.id === 'VPA2024-OPENCOMPASS' && g.kindLabel === 'Statutory duty',
        ),
      );
      assert.equal((await app.request('/api/agreements')).status, 401);
    });

    test('the DPO drafts, edits and submits a Tier 2; the signatories sign it into force', async () => {
      const created = await call<Detail>('/api/agreements', dana, {
        method: 'POST',
        body: {
          tier: 'tier2',
          tier1AgreementId: tier1Id,
          ...sections(),
          title: 'Missing children',
          flows: [policeChecks],
        },
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.agreement.reference, 'T2-007');
      draftId = created.body.agreement.id;
      const added = await call<Detail>(`/api/agreements/${draftId}/flows`, dana, {
        method: 'POST',
        body: healthChecks,
      });
      assert.equal(added.status, 201);
      const [police, health] = added.body.agreement.versions[0]!.flows;
      const renamed = await call<Detail>(`/api/agreements/${draftId}/flows/${health!.id}`, dana, {
        method: 'PUT',
        body: { ...healthChecks, name: 'Hospital checks' },
      });
      assert.equal(renamed.body.agreement.versions[0]!.flows[1]!.name, 'Hospital checks');
      const check = await call<{ errors: unknown[]; warnings: { rule: string }[] }>(
        `/api/agreements/${draftId}/check`,
        dana,
      );
      assert.deepEqual(check.body.errors, []);
      const edited = await call<Detail>(`/api/agreements/${draftId}/draft`, dana, {
        method: 'PUT',
        body: { ...sections(), title: 'Missing children: partner checks' },
      });
      assert.equal(edited.status, 200);
      const removed = await call<Detail>(`/api/agreements/${draftId}/flows/${police!.id}`, dana, {
        method: 'DELETE',
      });
      assert.equal(removed.body.agreement.versions[0]!.flows.length, 1);
      const submitted = await call<Detail & { warnings: { rule: string }[] }>(
        `/api/agreements/${draftId}/submit`,
        dana,
        { method: 'POST', body: {} },
      );
      assert.equal(submitted.status, 200);
      assert.deepEqual(
        submitted.body.warnings.map((w) => w.rule),
        ['party_without_flow'],
      );
      assert.equal(submitted.body.agreement.versions[0]!.awaitingSignatureFrom.length, 3);
      for (const email of [signatories.csc, signatories.police, signatories.trust]) {
        const signed = await call<Detail>(`/api/agreements/${draftId}/sign`, await app.signIn(email), {
          method: 'POST',
          body: { version: 1, declaration: true },
        });
        assert.equal(signed.status, 200, email);
      }
      const active = await call<Detail>(`/api/agreements/${draftId}`, ruth);
      assert.equal(active.body.agreement.status, 'active');
    });

    test('amend, suspend, resume and terminate, each answering with the agreement', async () => {
      const amended = await call<Detail>(`/api/agreements/${draftId}/amend`, dana, {
        method: 'POST',
        body: {},
      });
      assert.deepEqual(
        amended.body.agreement.versions.map((v) => v.status),
        ['active', 'draft'],
      );
      const suspended = await call<Detail>(`/api/agreements/${draftId}/suspend`, dana, {
        method: 'POST',
        body: { reason: 'Concern raised by the police' },
      });
      assert.equal(suspended.body.agreement.status, 'suspended');
      const resumed = await call<Detail>(`/api/agreements/${draftId}/resume`, dana, {
        method: 'POST',
        body: {},
      });
      assert.equal(resumed.body.agreement.status, 'active');
      const ended = await call<Detail>(`/api/agreements/${draftId}/terminate`, dana, {
        method: 'POST',
        body: { reason: 'Merged into T2-001' },
      });
      assert.equal(ended.body.agreement.status, 'terminated');
    });

    test('a practitioner cannot draft or suspend: "not found", exactly like a missing page', async () => {
      const { purposes: _p, ...tier1Body } = tier2Content([org.csc, org.police]);
      for (const [path, body] of [
        ['/api/agreements', { tier: 'tier1', ...tier1Body, title: 'A framework of my own' }],
        [`/api/agreements/${tier1Id}/suspend`, { reason: 'x' }],
      ] as const) {
        const response = await call<unknown>(path, ruth, { method: 'POST', body });
        assert.equal(response.status, 404, path);
      }
      const denied = await call<unknown>(`/api/agreements/${tier1Id}/terminate`, ruth, {
        method: 'POST',
        body: { reason: 'x' },
      });
      assert.deepEqual(
        [denied.status, denied.body],
        [404, { error: { code: 'not_found', message: 'The page was not found' } }],
      );
    });

    test('reports: due for review, coverage, the flow register in JSON and CSV, quality and Word', async () => {
      const due = await call<{ agreements: { reference: string; daysUntilReview: number }[] }>(
        '/api/agreements/due-for-review?withinDays=30',
        ruth,
      );
      assert.deepEqual(
        due.body.agreements.map((a) => [a.reference, a.daysUntilReview]),
        [['T2-006', 29]],
      );
      const covered = await call<{
        covered: boolean;
        matches: { reference: string; gateways: { id: string }[] }[];
      }>('/api/agreements/coverage', ruth, {
        method: 'POST',
        body: {
          from: org.police,
          to: org.school,
          purpose: 'operation_encompass',
          fieldGroups: ['domestic_abuse_notifications'],
        },
      });
      assert.equal(covered.body.covered, true);
      assert.equal(covered.body.matches[0]!.reference, 'T2-003');
      const notCovered = await call<{ covered: boolean; reasons: { code: string }[] }>(
        '/api/agreements/coverage',
        ruth,
        {
          method: 'POST',
          body: {
            from: org.police,
            to: org.school,
            purpose: 's47_enquiry',
            fieldGroups: ['police_incidents'],
          },
        },
      );
      assert.deepEqual(
        notCovered.body.reasons.map((r) => r.code),
        ['purpose_not_in_flow', 'field_group_not_in_flow'],
      );
      const register = await call<{ flows: { reference: string; flowId: string }[] }>(
        '/api/agreements/flows',
        ruth,
      );
      assert.equal(register.status, 200);
      assert.ok(register.body.flows.length >= 19);
      const csv = await app.request('/api/agreements/flows.csv', { session: ruth });
      assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(
        csv.headers.get('content-disposition'),
        'attachment; filename="flow-register-2026-11-02.csv"',
      );
      assert.equal((await csv.text()).trim().split('\r\n').length, register.body.flows.length + 1);
      const quality = await call<{ sections: { section: string; status: string }[] }>(
        `/api/agreements/${tier1Id}/quality?version=1`,
        ruth,
      );
      assert.equal(quality.body.sections.length, 10);
      const docx = await app.request(`/api/agreements/${tier1Id}/document.docx`, { session: ruth });
      assert.equal(docx.status, 200);
      assert.equal(docx.headers.get('content-disposition'), 'attachment; filename="T1-001-v1.docx"');
      assert.equal(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
        'PK',
      );
    });

    test('the reference lists and the OpenAPI document describe the API', async () => {
      const reference = await call<{
        signatoryRoles: { id: string }[];
        methods: { id: string; secure: boolean }[];
      }>('/api/agreements/reference', ruth);
      assert.deepEqual(
        reference.body.signatoryRoles.map((r) => r.id),
        ['designated_safeguarding_lead', 'team_manager', 'caldicott_guardian'],
      );
      assert.equal(reference.body.methods.find((m) => m.id === 'email')?.secure, false);
      const openapi = (await (await app.request('/api/openapi.json')).json()) as {
        paths: Record<string, object>;
      };
      for (const path of [
        '/api/agreements',
        '/api/agreements/{agreementId}/sign',
        '/api/agreements/coverage',
        '/api/agreements/flows.csv',
      ])
        assert.ok(openapi.paths[path], path);
    });
  });
}
