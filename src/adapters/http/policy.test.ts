import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  children,
  insertSubjectRecords,
  northshireRecords,
} from '../../../test/support/northshire-records.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

interface Decision {
  outcome: string;
  reason: string;
  fieldGroup: string;
  agreement: { reference: string } | null;
  gatewayIds: string[];
  explanation: string;
}

for (const kind of testDatabaseKinds()) {
  describe(`subject data over HTTP (${kind})`, () => {
    let app: TestApp;
    let sam: SignedInSession;
    let jo: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      await insertSubjectRecords(app.database.db, northshireRecords);
      sam = await app.signIn('sam.patel@northshire.example');
      jo = await app.signIn('jo.baker@northshire.example');
    });
    after(() => app.close());

    const get = (path: string, session: SignedInSession) => app.request(path, { session });

    test('a social worker reads a child’s records for a s47 enquiry, each with what allowed it', async () => {
      const response = await get(`/api/subjects/${children.samTaylor}/records?purpose=s47_enquiry`, sam);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = (await response.json()) as {
        purposeLabel: string;
        records: { fieldGroup: string; fieldGroupLabel: string; factOrOpinion: string; payload: unknown }[];
        disclosures: (Decision & { records: number })[];
      };
      assert.equal(body.purposeLabel, 'Section 47 enquiry');
      assert.equal(body.records.length, 8);
      const camhs = body.records.find((r) => r.fieldGroup === 'mental_health')!;
      assert.deepEqual([camhs.fieldGroupLabel, camhs.factOrOpinion], ['Mental health', 'opinion']);
      const police = body.disclosures.find((d) => d.fieldGroup === 'police_incidents')!;
      assert.deepEqual(
        [police.outcome, police.reason, police.agreement?.reference],
        ['allow', 'agreement_in_force', 'T2-014'],
      );
      assert.ok(police.gatewayIds.includes('CA1989-S47'));
      assert.match(police.explanation, /covers 'Police incidents' for the purpose 'Section 47 enquiry'$/);
    });

    test('fieldGroups narrows the read to the groups asked for', async () => {
      const response = await get(
        `/api/subjects/${children.samTaylor}/records?purpose=s47_enquiry&fieldGroups=identity,police_incidents`,
        sam,
      );
      const body = (await response.json()) as { records: { fieldGroup: string }[] };
      assert.deepEqual([...new Set(body.records.map((r) => r.fieldGroup))].sort(), [
        'identity',
        'police_incidents',
      ]);
    });

    test('a child who does not exist and a child who is not yours get byte-for-byte the same 404', async () => {
      const bodies: string[] = [];
      for (const path of ['records', 'access']) {
        for (const child of [children.miaHughes, children.nobody]) {
          const response = await get(`/api/subjects/${child}/${path}?purpose=early_help`, jo);
          assert.equal(response.status, 404);
          bodies.push(await response.text());
        }
      }
      assert.equal(new Set(bodies).size, 1, bodies.join('\n'));
      assert.deepEqual(JSON.parse(bodies[0]!), {
        error: { code: 'not_found', message: 'The person was not found' },
      });
    });

    test('why can I see this, over HTTP', async () => {
      const response = await get(
        `/api/subjects/${children.samTaylor}/access?purpose=operation_encompass`,
        jo,
      );
      assert.equal(response.status, 200);
      const body = (await response.json()) as { shown: Decision[]; notShown: Decision[] };
      const notice = body.shown.find((s) => s.fieldGroup === 'domestic_abuse_notifications')!;
      assert.equal(
        notice.explanation,
        "Shown because agreement T2-020 (Operation Encompass, Northshire Police → Riverside Primary School) covers 'Domestic abuse notifications' for the purpose 'Operation Encompass'",
      );
      assert.ok(body.notShown.every((n) => n.outcome === 'deny' && n.explanation.startsWith('Not shown: ')));
    });

    test('the purpose is required and must be one of the list: 400 naming it, and nothing is written', async () => {
      const events = await app.count('audit_event');
      const cases: [string, string][] = [
        [`/api/subjects/${children.samTaylor}/records`, 'purpose'],
        [`/api/subjects/${children.samTaylor}/records?purpose=curiosity`, 'purpose'],
        [`/api/subjects/${children.samTaylor}/access`, 'purpose'],
        [
          `/api/subjects/${children.samTaylor}/records?purpose=s47_enquiry&fieldGroups=identity,genome`,
          'fieldGroups.1',
        ],
        [`/api/subjects/${children.samTaylor}/records?purpose=s47_enquiry&fieldGroups=`, 'fieldGroups.0'],
        [`/api/subjects/${children.samTaylor}/records?purpose=s47_enquiry&everything=1`, 'everything'],
        [`/api/subjects/${encodeURIComponent("x' or 1=1 --")}/records?purpose=s47_enquiry`, 'subjectId'],
      ];
      for (const [path, field] of cases) {
        const response = await get(path, sam);
        assert.equal(response.status, 400, path);
        const body = (await response.json()) as {
          error: { code: string; fields: { field: string; problem: string }[] };
        };
        assert.equal(body.error.code, 'validation_failed');
        assert.ok(
          body.error.fields.some((f) => f.field === field),
          `${path}: ${JSON.stringify(body)}`,
        );
      }
      const missing = (await (await get(`/api/subjects/${children.samTaylor}/records`, sam)).json()) as {
        error: { fields: { problem: string }[] };
      };
      assert.match(missing.error.fields[0]!.problem, /Say which purpose you are acting for/);
      assert.equal(await app.count('audit_event'), events);
    });

    test('the purposes, with what your role may act for, and the field groups, for pages', async () => {
      const purposes = (await (await get('/api/policy/purposes', jo)).json()) as {
        purposes: { id: string; label: string; mayActFor: boolean }[];
      };
      const mine = purposes.purposes.filter((p) => p.mayActFor).map((p) => p.id);
      assert.deepEqual(mine, [
        'early_help',
        'child_in_need_assessment',
        'strategy_discussion',
        'child_protection_conference',
        'operation_encompass',
      ]);
      const groups = (await (await get('/api/policy/field-groups', jo)).json()) as {
        fieldGroups: { id: string; label: string; categoryLabel: string }[];
      };
      assert.equal(groups.fieldGroups.length, 16);
      assert.deepEqual(
        groups.fieldGroups.find((g) => g.id === 'police_incidents'),
        {
          id: 'police_incidents',
          label: 'Police incidents',
          category: 'criminal_offence',
          categoryLabel: 'Criminal offence data (UK GDPR Art 10)',
          description: 'Incidents attended, missing episodes, allegations and offences',
          fields: ['incidentType', 'incidentDate', 'reference', 'summary', 'recordedDate'],
        },
      );
    });

    test('signed out, every one of them answers 401', async () => {
      for (const path of [
        `/api/subjects/${children.samTaylor}/records?purpose=s47_enquiry`,
        `/api/subjects/${children.samTaylor}/access?purpose=s47_enquiry`,
        '/api/policy/purposes',
        '/api/policy/field-groups',
      ]) {
        assert.equal((await app.request(path)).status, 401, path);
      }
    });

    test('the OpenAPI document describes the subject endpoints', async () => {
      const doc = (await (await app.request('/api/openapi.json')).json()) as {
        paths: Record<string, unknown>;
      };
      assert.ok(doc.paths['/api/subjects/{subjectId}/records']);
      assert.ok(doc.paths['/api/policy/field-groups']);
    });
  });
}
