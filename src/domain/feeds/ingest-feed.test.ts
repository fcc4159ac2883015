import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { actorByEmail } from '../../../test/support/actors.ts';
import {
  csvFile,
  fileChunks,
  northshireSystem,
  openFeedsDatabase,
  orgId,
  peopleHeader,
  personDetailsMapping,
  policeIncidentMapping,
} from '../../../test/support/feed-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { getIngestRun } from './find-ingest-runs.ts';
import { ingestFeed, type IngestDeps } from './ingest-feed.ts';

const people = csvFile(
  peopleHeader,
  'P1,Sam,Taylor,14/03/2017,9434765919,,NE1 4ST,',
  'P2,Jo,Taylor,31/02/2015,,,NE1 4ST,',
  'P3,Alex,Reed,03/04/2016,9434765918,,,',
  'P4,Ria,Reed,15/05/2016,٩٤٣٤٧٦٥٩١٩,,,',
  'P5,Kai,Reed,16/05/2016,,B801234526001,,',
  'P6,Lee,Reed,17/05/2016,,,NE1 4SC,',
  'P7,=SUM(A1:A9),Reed,04/05/2016,,,,seems withdrawn',
  'P8,Too,Few',
);

for (const kind of testDatabaseKinds()) {
  describe(`ingesting agency feeds (${kind})`, () => {
    let database: DatabaseHandle;
    let deps: IngestDeps;
    const linked: string[][] = [];
    before(async () => {
      ({ database, deps } = await openFeedsDatabase(kind));
      deps = { ...deps, linkPeople: async (_p, ids) => void linked.push([...ids]) };
    });
    after(() => database.close());
    const count = async (table: string) =>
      Number(
        (await queryRows<{ n: string }>(database.db, sql.raw(`select count(*)::text as n from ${table}`)))[0]!
          .n,
      );

    test('good rows are kept, bad rows are reported by line and reason, and nothing repeats a value', async () => {
      const result = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('csc'),
        mapping: personDetailsMapping(),
        source: fileChunks(people),
        fileName: 'people.csv',
        batchSize: 3,
      });
      assert.deepEqual(
        { ...result.totals, issuesStored: undefined },
        {
          rows: 8,
          inserted: 2,
          updated: 0,
          unchanged: 0,
          rejected: 6,
          flagged: 1,
          waitingForIdentity: 0,
          erasedNotReloaded: 0,
          duplicates: 0,
          batches: 3,
          issuesStored: undefined,
        },
      );
      const { run, issues } = await getIngestRun(deps, northshireSystem, result.runId);
      assert.equal(run.status, 'completed');
      assert.deepEqual(
        issues.map((i) => [i.line, i.severity, i.column, i.reason]),
        [
          [3, 'rejected', 'birth_date', 'The date does not exist'],
          [4, 'rejected', 'nhs_no', 'The NHS number check digit is wrong'],
          [5, 'rejected', 'nhs_no', 'The NHS number has digits that are not 0 to 9'],
          [6, 'rejected', 'upn', 'The pupil number (UPN) check letter is wrong'],
          [7, 'rejected', 'postcode', 'The postcode is not in a UK format'],
          [8, 'flagged', 'forename', 'The cell looks like a spreadsheet formula: kept as text'],
          [8, 'flagged', 'birth_date', 'The day and month could be swapped'],
          [9, 'rejected', null, 'The row has 3 fields; the header has 8'],
        ],
      );
      const persons = await queryRows<{
        external_person_id: string;
        nhs_number: string | null;
        dob: string;
        first_name: string;
      }>(
        database.db,
        sql`select external_person_id, nhs_number, dob::text, first_name from agency_person order by external_person_id`,
      );
      assert.deepEqual(persons, [
        { external_person_id: 'P1', nhs_number: '9434765919', dob: '2017-03-14', first_name: 'Sam' },
        // Stored as text, never run; the report flags it.
        { external_person_id: 'P7', nhs_number: null, dob: '2016-05-04', first_name: '=SUM(A1:A9)' },
      ]);
      const [record] = await queryRows<{ fact_or_opinion: string; payload: Record<string, unknown> }>(
        database.db,
        sql`select fact_or_opinion, payload from subject_record where external_id = 'csc-people:P7'`,
      );
      assert.equal(record!.fact_or_opinion, 'opinion');
      assert.deepEqual(record!.payload.opinionFields, ['notes']);
      assert.equal(linked.flat().length, 2);
      const details = await queryRows<{ details: string }>(
        database.db,
        sql`select details::text from audit_event where action like 'ingest.%'`,
      );
      assert.ok(details.length >= 5);
      for (const d of details) assert.doesNotMatch(d.details, /Taylor|Reed|Sam|9434765919|NE1/);
    });

    test('running the same file again writes nothing new, and a changed row replaces its item in place', async () => {
      const before = await queryRows<{ id: string }>(
        database.db,
        sql`select id::text from subject_record where external_id = 'csc-people:P1'`,
      );
      const events = await count('audit_event');
      linked.length = 0;
      const again = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('csc'),
        mapping: personDetailsMapping(),
        source: fileChunks(people),
        batchSize: 3,
      });
      assert.equal(again.totals.inserted + again.totals.updated, 0);
      assert.equal(again.totals.unchanged, 2);
      assert.deepEqual(again.changedPersonIds, []);
      assert.deepEqual(linked, []);
      // One started, one per batch, one finished: the audit records the replay, the records do not change.
      assert.equal((await count('audit_event')) - events, 5);
      const changed = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('csc'),
        mapping: personDetailsMapping(),
        source: fileChunks(csvFile(peopleHeader, 'P1,Samuel,Taylor,14/03/2017,9434765919,,NE1 4ST,')),
      });
      assert.deepEqual(
        [changed.totals.inserted, changed.totals.updated, changed.totals.unchanged],
        [0, 1, 0],
      );
      const after = await queryRows<{ id: string; first: string }>(
        database.db,
        sql`select r.id::text, r.payload->>'firstName' as first from subject_record r where external_id = 'csc-people:P1'`,
      );
      assert.deepEqual(after, [{ id: before[0]!.id, first: 'Samuel' }]);
      assert.equal(changed.changedPersonIds.length, 1);
    });

    test("a police incident before the person's details makes a stub person, which the details fill in later", async () => {
      const incidents = [
        '{"ref":"INC-1","subject":"PN-9","type":"domestic_abuse","occurred":"2026-10-01","summary":"Child present"}',
        '{"ref":"INC-2","subject":"PN-9","type":"missing_episode","occurred":"2026-10-05"}',
      ].join('\n');
      const result = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policeIncidentMapping(),
        source: fileChunks(incidents),
      });
      assert.equal(result.totals.inserted, 2);
      assert.equal(result.changedPersonIds.length, 1);
      const [stub] = await queryRows<{ id: string; first_name: string | null }>(
        database.db,
        sql`select id::text, first_name from agency_person where external_person_id = 'PN-9'`,
      );
      assert.equal(stub!.first_name, null);
      const records = await queryRows<{ subject_id: string; event_date: string; fact_or_opinion: string }>(
        database.db,
        sql`select subject_id, event_date::text, fact_or_opinion from subject_record where organisation_id = ${orgId('police')} order by external_id`,
      );
      assert.deepEqual(records, [
        { subject_id: stub!.id, event_date: '2026-10-01', fact_or_opinion: 'opinion' },
        { subject_id: stub!.id, event_date: '2026-10-05', fact_or_opinion: 'fact' },
      ]);
      const details = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: personDetailsMapping({ organisation: orgId('police'), feed: 'police-people' }),
        source: fileChunks(csvFile(peopleHeader, 'PN-9,Kai,Reed,16/05/2016,,,,')),
      });
      assert.deepEqual(details.changedPersonIds, [stub!.id]);
      const [filled] = await queryRows<{ first_name: string }>(
        database.db,
        sql`select first_name from agency_person where id = ${stub!.id}`,
      );
      assert.equal(filled!.first_name, 'Kai');
    });

    test('address feeds fill agency_address with a normalised key; relationship feeds fill agency_relationship', async () => {
      const base = {
        organisation: orgId('housing'),
        format: 'csv',
        personIdColumn: 'tenant',
        externalIdColumn: 'ref',
        dateFormat: 'iso',
      };
      const { parseFeedMapping } = await import('./feed-mapping.ts');
      await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('housing'),
        mapping: parseFeedMapping({
          ...base,
          feed: 'housing-addresses',
          recordKind: 'address',
          fieldGroup: 'contact',
          dataCategory: 'personal',
          columns: {
            line: { key: 'address', item: 'fact' },
            pc: { key: 'postcode', item: 'fact' },
            from: { key: 'fromDate', item: 'fact' },
          },
        }),
        source: fileChunks(csvFile('ref,tenant,line,pc,from', 'A1,T1,"12, Mill  Lane.",ne14st,2024-01-01')),
      });
      const [address] = await queryRows<{ address_key: string; postcode: string; from_date: string }>(
        database.db,
        sql`select address_key, postcode, from_date::text from agency_address`,
      );
      assert.deepEqual(address, {
        address_key: '12 MILL LANE NE14ST',
        postcode: 'NE1 4ST',
        from_date: '2024-01-01',
      });
      const relationships = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('housing'),
        mapping: parseFeedMapping({
          ...base,
          feed: 'housing-household',
          recordKind: 'relationship',
          fieldGroup: 'family_household',
          dataCategory: 'personal',
          columns: {
            other: { key: 'relatedPersonId', item: 'fact' },
            rel: { key: 'relationship', item: 'fact' },
          },
        }),
        source: fileChunks(csvFile('ref,tenant,other,rel', 'R1,T2,T1,parent_or_carer', 'R2,T3,T1,aunt')),
      });
      assert.equal(relationships.totals.rejected, 1);
      const rows = await queryRows<{ related_external_person_id: string; kind: string }>(
        database.db,
        sql`select related_external_person_id, kind from agency_relationship`,
      );
      assert.deepEqual(rows, [{ related_external_person_id: 'T1', kind: 'parent_or_carer' }]);
    });

    test('refused: no capability, another organisation, another partnership, a mapping for another organisation, a missing column', async () => {
      const records = await count('subject_record');
      const runs = await count('ingest_run');
      const attempt = (
        actor: typeof northshireSystem,
        organisationId: string,
        mapping = personDetailsMapping(),
        file = people,
      ) => ingestFeed(deps, actor, { organisationId, mapping, source: fileChunks(file) });
      const practitioner = await actorByEmail(database.db, 'sam.patel@northshire.example');
      await assert.rejects(attempt(practitioner, orgId('csc')), (e: DomainError) => e.code === 'not_found');
      const admin = await actorByEmail(database.db, 'alex.morgan@northshire.example');
      await assert.rejects(
        attempt(admin, orgId('police'), personDetailsMapping({ organisation: orgId('police') })),
        (e: DomainError) => e.code === 'not_found',
      );
      const elsewhere = '11111111-2222-4333-8444-555555555555';
      await assert.rejects(
        attempt(northshireSystem, elsewhere, personDetailsMapping({ organisation: elsewhere })),
        (e: DomainError) => e.code === 'not_found' && e.message === 'The organisation was not found',
      );
      await assert.rejects(
        attempt(northshireSystem, orgId('csc'), personDetailsMapping({ organisation: orgId('police') })),
        (e: DomainError) => e.fields?.[0]?.field === 'mapping.organisation',
      );
      await assert.rejects(
        attempt(admin, orgId('csc'), personDetailsMapping(), csvFile('person_ref,forename', 'P1,Sam')),
        (e: DomainError) => e.fields?.some((f) => f.field === 'mapping.columns.surname') === true,
      );
      assert.equal(await count('subject_record'), records);
      assert.equal(await count('ingest_run'), runs);
    });

    test('a file that stops half-way fails its run, keeps the batches committed before, and says why', async () => {
      async function* cutShort() {
        yield Buffer.from(csvFile(peopleHeader, 'Q1,Ann,Lee,01/01/2015,,,,', 'Q2,Bea,Lee,01/01/2016,,,,'));
        throw new DomainError('payload_too_large', 'The file is larger than 100 MB');
      }
      await assert.rejects(
        ingestFeed(deps, northshireSystem, {
          organisationId: orgId('csc'),
          mapping: personDetailsMapping({ feed: 'csc-cut' }),
          source: cutShort(),
          batchSize: 1,
        }),
        (e: DomainError) => e.code === 'payload_too_large',
      );
      const [run] = await queryRows<{ status: string; failure: string; inserted: number }>(
        database.db,
        sql`select status, failure, inserted from ingest_run where feed = 'csc-cut'`,
      );
      assert.deepEqual(run, { status: 'failed', failure: 'The file is larger than 100 MB', inserted: 2 });
    });
  });
}
