import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorFor, org, southvaleSchoolId } from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { catalogueGatewayDirectory } from '../agreements/catalogue-gateway-directory.ts';
import { northshireTimescales } from '../demo/northshire-timescales.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { createRequest, type RequestDeps } from './create-request.ts';
import type { CreateRequestInput } from './request-input.ts';
import { setRagTimescales } from './set-rag-timescales.ts';
import { recordingJobQueue } from '../../../test/support/recording-job-queue.ts';

/** Grace Obi at Northshire's front door asks the police and Riverside Primary about Sam Taylor, 9. */
const samTaylor = (rag: 'red' | 'amber' | 'green'): CreateRequestInput => ({
  child: { firstName: 'Sam', lastName: 'Taylor', dob: '2017-03-14' },
  purpose: 's47_enquiry',
  gatewayId: 'CA1989-S47',
  rag,
  question: 'Any incidents at the home address in the last 12 months?',
  partnerChecks: [{ organisationId: org.police }, { organisationId: org.school }],
});

for (const kind of testDatabaseKinds()) {
  describe(`requests for information with partner checks (${kind})`, () => {
    let app: TestApp;
    let deps: RequestDeps;
    const tables = ['information_request', 'partner_check', 'audit_event'];
    const counts = () => Promise.all(tables.map((t) => app.count(t)));

    before(async () => {
      app = await createTestApp(kind);
      deps = {
        ...app.deps,
        gateways: catalogueGatewayDirectory(app.deps.db),
        jobs: recordingJobQueue().jobs,
      };
    });
    after(() => app.close());

    test('before the partnership sets its timescales no clock can start', async () => {
      // The demo seed sets Northshire's; this partnership is taken back to before it did.
      await app.deps.db.execute(sql`delete from rag_timescales`);
      const grace = await actorFor(app.deps.db, 'grace.obi@northshire.example');
      await assert.rejects(createRequest(deps, grace, samTaylor('red')), (e: unknown) => {
        assert.ok(e instanceof DomainError && e.code === 'conflict', String(e));
        return true;
      });
    });

    test('only a partnership administrator sets the timescales', async () => {
      const dana = await actorFor(app.deps.db, 'dana.okafor@northshire.example');
      await assert.rejects(setRagTimescales(deps, dana, northshireTimescales), { code: 'not_found' });
      const alex = await actorFor(app.deps.db, 'alex.morgan@northshire.example');
      const set = await setRagTimescales(deps, alex, northshireTimescales);
      assert.equal(set.rag.red.hours, 2);
    });

    test('a red request on a Friday afternoon gives each agency two real hours', async () => {
      app.clock.set(new Date('2026-12-11T16:00:00Z'));
      const grace = await actorFor(app.deps.db, 'grace.obi@northshire.example');
      const request = await createRequest(deps, grace, samTaylor('red'));
      assert.deepEqual(
        request.partnerChecks.map((c) => [
          c.organisationId,
          c.status,
          c.dueAt?.toISOString(),
          c.escalateAt?.toISOString(),
        ]),
        [
          [org.police, 'open', '2026-12-11T18:00:00.000Z', '2026-12-11T17:30:00.000Z'],
          [org.school, 'open', '2026-12-11T18:00:00.000Z', '2026-12-11T17:30:00.000Z'],
        ],
      );
      const rows = await queryRows<{ organisation_id: string; due_at: Date | string }>(
        app.deps.db,
        sql`select organisation_id, due_at from partner_check where request_id = ${request.id} order by organisation_id`,
      );
      assert.equal(rows.length, 2);
      for (const row of rows) assert.equal(new Date(row.due_at).toISOString(), '2026-12-11T18:00:00.000Z');
      const [event] = await queryRows<{ details: { rag: string; gatewayId: string } }>(
        app.deps.db,
        sql`select details from audit_event where action = 'request.created' and subject_id = ${request.id}`,
      );
      assert.equal(event?.details.rag, 'red');
      assert.doesNotMatch(JSON.stringify(event), /Taylor/, 'the child is never named in the audit log');
    });

    test('an amber request at 16:00 on Friday falls due at 14:00 on Monday, in office hours', async () => {
      app.clock.set(new Date('2026-12-11T16:00:00Z'));
      const grace = await actorFor(app.deps.db, 'grace.obi@northshire.example');
      const request = await createRequest(deps, grace, samTaylor('amber'));
      assert.equal(request.partnerChecks[0]?.dueAt?.toISOString(), '2026-12-14T14:00:00.000Z');
      assert.equal(request.partnerChecks[0]?.escalateAt?.toISOString(), '2026-12-14T12:30:00.000Z');
    });

    test('an unknown gateway or an agency outside the partnership is refused, and nothing is written', async () => {
      const grace = await actorFor(app.deps.db, 'grace.obi@northshire.example');
      const before = await counts();
      await assert.rejects(
        createRequest(deps, grace, { ...samTaylor('red'), gatewayId: 'NOT-A-LAW' }),
        (e: unknown) => {
          assert.ok(e instanceof DomainError);
          assert.deepEqual(
            e.fields?.map((f) => f.field),
            ['gatewayId'],
          );
          return true;
        },
      );
      await assert.rejects(
        createRequest(deps, grace, {
          ...samTaylor('red'),
          partnerChecks: [{ organisationId: org.police }, { organisationId: southvaleSchoolId }],
        }),
        (e: unknown) => {
          assert.ok(e instanceof DomainError);
          assert.deepEqual(
            e.fields?.map((f) => f.field),
            ['partnerChecks.1.organisationId'],
          );
          return true;
        },
      );
      assert.deepEqual(await counts(), before);
    });

    test('a role that may not make requests is answered not found, and the refusal is audited', async () => {
      const dana = await actorFor(app.deps.db, 'dana.okafor@northshire.example');
      const before = await app.count('information_request');
      await assert.rejects(createRequest(deps, dana, samTaylor('red')), { code: 'not_found' });
      assert.equal(await app.count('information_request'), before);
      const [denied] = await queryRows<{ n: number }>(
        app.deps.db,
        sql`select count(*)::int as n from audit_event where action = 'access.denied' and details->>'attempted' = 'request.create'`,
      );
      assert.equal(denied?.n, 1);
    });
  });
}
