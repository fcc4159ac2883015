import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import {
  csvFile,
  fileChunks,
  orgId,
  peopleHeader,
  personDetailsMapping,
  northshireSystem,
  policeIncidentMapping,
} from '../../../test/support/feed-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { ingestFeed } from '../feeds/ingest-feed.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { eraseRecord } from './erase-record.ts';

// Children's services hold Riley Stone twice over (a mistaken duplicate, EP-2) beside Casey Stone.
const people = csvFile(
  peopleHeader,
  'EP-1,Casey,Stone,02/02/2018,,,NE2 1AA,',
  'EP-2,Riley,Stone,03/03/2019,,,NE2 1AA,',
);
const incident = JSON.stringify({
  ref: 'INC-E1',
  subject: 'PN-E1',
  type: 'domestic_abuse',
  occurred: '2026-09-03',
});

const isNotFound = (error: unknown) => error instanceof DomainError && error.code === 'not_found';

for (const kind of testDatabaseKinds()) {
  describe(`erasing a record, with its tombstone (${kind})`, () => {
    let app: TestApp;
    let dpo: UserActor;
    let practitioner: UserActor;
    before(async () => {
      app = await createTestApp(kind);
      dpo = await actorByEmail(app.database.db, 'dana.okafor@northshire.example');
      practitioner = await actorByEmail(app.database.db, 'sam.patel@northshire.example');
      await loadPeople();
      await ingestFeed(app.deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policeIncidentMapping(),
        source: fileChunks(incident),
      });
    });
    after(() => app.close());

    const loadPeople = () =>
      ingestFeed(app.deps, northshireSystem, {
        organisationId: orgId('csc'),
        mapping: personDetailsMapping(),
        source: fileChunks(people),
      });
    const recordId = async (externalId: string) =>
      (
        await queryRows<{ id: string }>(
          app.database.db,
          sql`select id::text from subject_record where external_id = ${externalId}`,
        )
      )[0]?.id;
    const identity = async (externalPersonId: string) =>
      (
        await queryRows<{ first_name: string | null; dob: string | null }>(
          app.database.db,
          sql`select first_name, dob::text from agency_person where external_person_id = ${externalPersonId}`,
        )
      )[0];

    test("a practitioner, and another organisation's DPO, are told the record is not found, and the refusal is audited", async () => {
      const riley = (await recordId('csc-people:EP-2'))!;
      const police = (await recordId('police-incidents:INC-E1'))!;
      await assert.rejects(
        eraseRecord(app.deps, practitioner, { recordId: riley, ground: 'inaccurate' }),
        isNotFound,
      );
      await assert.rejects(
        eraseRecord(app.deps, dpo, { recordId: police, ground: 'inaccurate' }),
        isNotFound,
      );
      // A record that does not exist answers the same.
      await assert.rejects(
        eraseRecord(app.deps, dpo, {
          recordId: '6f1d0c1e-0000-4000-8000-000000000000',
          ground: 'inaccurate',
        }),
        isNotFound,
      );
      const denied = await queryRows<{ details: { attempted: string } }>(
        app.database.db,
        sql`select details from audit_event where action = 'access.denied' and details->>'attempted' = 'records.erase'`,
      );
      assert.equal(denied.length, 3);
      assert.ok(await recordId('csc-people:EP-2'));
      assert.ok(await recordId('police-incidents:INC-E1'));
    });

    test('a ground outside UK GDPR Art 17 and a reference that could hold a narrative are refused by field', async () => {
      const riley = (await recordId('csc-people:EP-2'))!;
      await assert.rejects(
        eraseRecord(app.deps, dpo, { recordId: riley, ground: 'because' as 'inaccurate' }),
        (e: unknown) => e instanceof DomainError && e.fields?.[0]?.field === 'ground',
      );
      await assert.rejects(
        eraseRecord(app.deps, dpo, {
          recordId: riley,
          ground: 'inaccurate',
          requestReference: 'Riley was never known to us, mother called',
        }),
        (e: unknown) => e instanceof DomainError && e.fields?.[0]?.field === 'requestReference',
      );
    });

    test("the organisation's DPO erases the record: its versions, its identifiers and its content go, a tombstone stays, audited", async () => {
      const riley = (await recordId('csc-people:EP-2'))!;
      assert.equal((await identity('EP-2'))?.first_name, 'Riley');
      const erased = await eraseRecord(app.deps, dpo, {
        recordId: riley,
        ground: 'inaccurate',
        requestReference: 'DPO-2026/014',
      });
      assert.deepEqual(
        [erased.organisationId, erased.externalId, erased.versions],
        [orgId('csc'), 'csc-people:EP-2', 1],
      );
      assert.equal(await recordId('csc-people:EP-2'), undefined);
      const [left] = await queryRows<{ n: string }>(
        app.database.db,
        sql`select count(*)::text as n from subject_record_version where record_id = ${riley}`,
      );
      assert.equal(left!.n, '0');
      assert.deepEqual(await identity('EP-2'), { first_name: null, dob: null });
      assert.equal((await identity('EP-1'))?.first_name, 'Casey', 'other records are untouched');
      const tombstones = await queryRows<Record<string, unknown>>(
        app.database.db,
        sql`select organisation_id::text, external_id, record_id::text, reason, request_reference, erased_by
            from subject_record_tombstone`,
      );
      assert.deepEqual(tombstones, [
        {
          organisation_id: orgId('csc'),
          external_id: 'csc-people:EP-2',
          record_id: riley,
          reason: 'inaccurate',
          request_reference: 'DPO-2026/014',
          erased_by: dpo.userId,
        },
      ]);
      const [event] = await queryRows<{
        subject_type: string;
        subject_id: string;
        details: Record<string, unknown>;
      }>(
        app.database.db,
        sql`select subject_type, subject_id, details from audit_event where action = 'record.erased'`,
      );
      assert.deepEqual(
        [event!.subject_type, event!.subject_id, event!.details.ground, event!.details.derived],
        ['agency_record', riley, 'inaccurate', { addresses: 0, relationships: 0, identity: true }],
      );
      assert.doesNotMatch(JSON.stringify(event!.details), /Riley|Stone|2019/);
    });

    test('a later feed cannot bring it back: that row alone is refused and counted, the rest load', async () => {
      const again = await loadPeople();
      const t = again.totals;
      assert.deepEqual([t.rows, t.inserted, t.unchanged, t.erasedNotReloaded, t.rejected], [2, 0, 1, 1, 0]);
      assert.equal(await recordId('csc-people:EP-2'), undefined);
      assert.deepEqual(await identity('EP-2'), { first_name: null, dob: null });
      const [run] = await queryRows<{ status: string; erased_not_reloaded: number }>(
        app.database.db,
        sql`select status, erased_not_reloaded from ingest_run where id = ${again.runId}`,
      );
      assert.deepEqual(run, { status: 'completed', erased_not_reloaded: 1 });
    });

    test('a tombstone is kept for good', async () => {
      await assert.rejects(app.database.db.execute(sql`delete from subject_record_tombstone`));
      await assert.rejects(app.database.db.execute(sql`update subject_record_tombstone set reason = 'x'`));
    });
  });
}
