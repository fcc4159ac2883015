import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import {
  fileChunks,
  northshireSystem,
  orgId,
  policeIncidentMapping,
} from '../../../test/support/feed-fixtures.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { ingestFeed } from '../feeds/ingest-feed.ts';
import { queryRows } from '../shared/database.ts';
import { createScopedReader } from '../policy/scoped-reader.ts';
import { getChildView } from '../view/get-child-view.ts';

// Sam Taylor, 9, is NP-77812 to Northshire Police (test/support/northshire-people.ts).
const incident = (summary: string) =>
  JSON.stringify({
    ref: 'INC-V1',
    subject: 'NP-77812',
    type: 'domestic_abuse',
    occurred: '2026-09-03',
    summary,
  });

for (const kind of testDatabaseKinds()) {
  describe(`record versions (${kind})`, () => {
    let app: TestApp;
    let dcJones: UserActor;
    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      dcJones = await actorByEmail(app.database.db, 'dc.jones@northshire.example');
    });
    after(() => app.close());

    const ingest = (line: string) =>
      ingestFeed(app.deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policeIncidentMapping(),
        source: fileChunks(line),
      });
    const current = async () =>
      (
        await queryRows<{ id: string; version: number; summary: string }>(
          app.database.db,
          sql`select id::text, version, payload->>'summary' as summary from subject_record
              where external_id = 'police-incidents:INC-V1'`,
        )
      )[0]!;
    const versions = async (recordId: string) =>
      queryRows<{ version: number; summary: string; tx: string }>(
        app.database.db,
        sql`select version, payload->>'summary' as summary, xmin::text as tx from subject_record_version
            where record_id = ${recordId} order by version`,
      );

    test('a changed feed row appends version 2 beside version 1, in the transaction of its audit event', async () => {
      const first = await ingest(incident('Police called to the home; Sam present'));
      assert.equal(first.totals.inserted, 1);
      const changed = await ingest(incident('Police called to the home; Sam and a sibling present'));
      assert.deepEqual(
        [changed.totals.inserted, changed.totals.updated, changed.totals.unchanged],
        [0, 1, 0],
      );
      const record = await current();
      assert.equal(record.version, 2);
      assert.equal(record.summary, 'Police called to the home; Sam and a sibling present');
      const kept = await versions(record.id);
      assert.deepEqual(
        kept.map((v) => [v.version, v.summary]),
        [
          [1, 'Police called to the home; Sam present'],
          [2, 'Police called to the home; Sam and a sibling present'],
        ],
      );
      const [batch] = await queryRows<{ tx: string }>(
        app.database.db,
        sql`select tx_id::text as tx from audit_event
            where action = 'ingest.batch_written' and details->>'runId' = ${changed.runId}`,
      );
      assert.equal(kept[1]!.tx, batch!.tx, 'version 2 and its batch event commit together');
    });

    test('the same row again changes nothing: no version, no new content', async () => {
      const before = await current();
      const again = await ingest(incident('Police called to the home; Sam and a sibling present'));
      assert.deepEqual([again.totals.inserted, again.totals.updated, again.totals.unchanged], [0, 0, 1]);
      assert.deepEqual(await current(), before);
      assert.equal((await versions(before.id)).length, 2);
    });

    test('the single view shows version 2, and its audit event names each record shown with its version', async () => {
      const record = await current();
      const view = await getChildView(app.deps, dcJones, {
        personId: people.samTaylor,
        purpose: 's47_enquiry',
      });
      const entry = view.chronology.find((e) => e.id === record.id);
      assert.equal(entry?.version, 2);
      assert.match(entry?.summary ?? '', /sibling/);
      const [event] = await queryRows<{ details: { shown: [string, number][]; records: number } }>(
        app.database.db,
        sql`select details from audit_event where action = 'subject.viewed' order by id desc limit 1`,
      );
      assert.deepEqual(
        event!.details.shown.find(([id]) => id === record.id),
        [record.id, 2],
      );
      assert.equal(event!.details.shown.length, event!.details.records);
      // Every entry of the chronology is named with the version it showed.
      const shown = new Map(event!.details.shown);
      for (const e of view.chronology) assert.equal(shown.get(e.id), e.version, e.id);
    });

    test("the agency person's records name version 2, and so does their audit event", async () => {
      const record = await current();
      const [{ subject_id: agencyPersonId }] = (await queryRows<{ subject_id: string }>(
        app.database.db,
        sql`select subject_id from subject_record where id = ${record.id}`,
      )) as [{ subject_id: string }];
      const read = await createScopedReader(app.deps, dcJones, 's47_enquiry').readSubjectRecords(
        agencyPersonId,
      );
      assert.equal(read.records.find((r) => r.id === record.id)?.version, 2);
      const [event] = await queryRows<{ details: { view: string; shown: [string, number][] } }>(
        app.database.db,
        sql`select details from audit_event where action = 'subject.viewed' order by id desc limit 1`,
      );
      assert.equal(event!.details.view, 'records');
      assert.deepEqual(
        event!.details.shown,
        read.records.map((r) => [r.id, r.version]),
      );
    });

    test('the version table refuses UPDATE and DELETE, and a record is never changed in place or deleted', async () => {
      const { id } = await current();
      const refused = async (statement: ReturnType<typeof sql>, message: RegExp) =>
        assert.rejects(
          () => app.database.db.execute(statement),
          (error: Error) =>
            message.test(`${error.message} ${String((error.cause as Error | undefined)?.message)}`),
        );
      await refused(
        sql`update subject_record_version set payload = '{}'::jsonb where record_id = ${id}`,
        /insert-only/,
      );
      await refused(sql`delete from subject_record_version where record_id = ${id}`, /insert-only/);
      await refused(
        sql`update subject_record set payload = '{}'::jsonb where id = ${id}`,
        /never changed in place/,
      );
      await refused(sql`delete from subject_record where id = ${id}`, /tombstone/);
      assert.equal((await versions(id)).length, 2);
      assert.equal((await current()).version, 2);
    });
  });
}
