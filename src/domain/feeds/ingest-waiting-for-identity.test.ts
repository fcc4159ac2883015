import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { generatedAgencyPersons, insertAgencyPersons } from '../../../test/support/agency-persons.ts';
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
import { LinkIndexes } from '../people/held-index.ts';
import { personLinker } from '../people/person-linker.ts';
import { relinkPartnership } from '../people/relink-partnership.ts';
import { queryRows } from '../shared/database.ts';
import { checkNhsNumber, checkPostcode } from './field-checks.ts';
import { getIngestRun } from './find-ingest-runs.ts';
import { findRecordsWaitingForIdentity } from './find-records-waiting-for-identity.ts';
import { ingestFeed, type IngestDeps } from './ingest-feed.ts';

/**
 * Issue 14, point 1: the police sent a child's details with the date of birth 31/02/2015, which
 * was refused, and an incident about the same child. The incident must not vanish: it is kept,
 * counted in its run's report, listed as waiting for identity, and joins the child's person when
 * the corrected details arrive.
 */
for (const kind of testDatabaseKinds()) {
  describe(`a record whose person's details were refused waits for them (${kind})`, () => {
    let database: DatabaseHandle;
    let deps: IngestDeps;
    const population = generatedAgencyPersons(300, 14);
    // A child the partnership already holds in two records that agree on every identifier.
    const child = (() => {
      const byTruth = new Map<string, typeof population.specs>();
      for (const s of population.specs) {
        const truth = population.truth.get(s.id)!;
        byTruth.set(truth, [...(byTruth.get(truth) ?? []), s]);
      }
      for (const records of byTruth.values()) {
        const [first] = records;
        if (!first || records.length < 2) continue;
        const { firstName, lastName, dob, nhsNumber, postcode } = first;
        if (!firstName || !lastName || !dob || !nhsNumber || !postcode) continue;
        if (!checkNhsNumber(nhsNumber).ok || !checkPostcode(postcode).ok) continue;
        if (
          records.every(
            (r) =>
              r.firstName === firstName &&
              r.lastName === lastName &&
              r.dob === dob &&
              r.nhsNumber === nhsNumber,
          )
        )
          return { ...first, firstName, lastName, dob, nhsNumber, postcode };
      }
      throw new Error('the generated population has no child held twice with the same identifiers');
    })();
    const [y, m, d] = child.dob.split('-');
    const detailsRow = (birthDate: string) =>
      csvFile(
        peopleHeader,
        `PN-77,${child.firstName},${child.lastName},${birthDate},${child.nhsNumber},,${child.postcode},`,
      );
    const policePeople = personDetailsMapping({ organisation: orgId('police'), feed: 'police-people' });
    const incident =
      '{"ref":"NP-0042","subject":"PN-77","type":"domestic_abuse","occurred":"2026-10-01","summary":"Child present"}\n';
    const personOf = async (externalPersonId: string) =>
      (
        await queryRows<{ personId: string }>(
          database.db,
          sql`select pl.person_id::text as "personId" from person_link pl
              join agency_person ap on ap.partnership_id = pl.partnership_id and ap.id = pl.agency_person_id
              where ap.external_person_id = ${externalPersonId}`,
        )
      )[0]?.personId;

    before(async () => {
      ({ database, deps } = await openFeedsDatabase(kind));
      const linking = { ...deps, linkIndexes: new LinkIndexes() };
      await insertAgencyPersons(database.db, northshireSystem.partnershipId, population.specs);
      await relinkPartnership(linking, northshireSystem.partnershipId);
      deps = { ...deps, ...personLinker(linking) };
    });
    after(() => database.close());

    test('the refused details row is reported; the incident is kept, counted and listed as waiting', async () => {
      const refused = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policePeople,
        source: fileChunks(detailsRow('31/02/2015')),
      });
      assert.equal(refused.totals.rejected, 1);
      const incidents = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policeIncidentMapping(),
        source: fileChunks(incident),
      });
      assert.deepEqual([incidents.totals.inserted, incidents.totals.rejected], [1, 0]);
      assert.equal(incidents.totals.waitingForIdentity, 1);
      const { run } = await getIngestRun(deps, northshireSystem, incidents.runId);
      assert.equal(run.waitingForIdentity, 1, 'the run report says one record waits for identity');

      const waiting = await findRecordsWaitingForIdentity(deps, northshireSystem);
      assert.equal(waiting.total, 1);
      assert.deepEqual(waiting.byFeed, [
        { organisationId: orgId('police'), feed: 'police-incidents', records: 1, persons: 1 },
      ]);
      assert.deepEqual(
        waiting.records.map((r) => [r.organisationId, r.externalPersonId, r.sourceReference, r.runId]),
        [[orgId('police'), 'PN-77', 'police-incidents NP-0042', incidents.runId]],
      );
      const [listed] = await queryRows<{ details: string }>(
        database.db,
        sql`select details::text from audit_event where action = 'ingest.waiting_listed'`,
      );
      assert.match(listed!.details, /"returned": ?1/);
      // A replay of the incident file writes nothing but still reports what waits.
      const replay = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policeIncidentMapping(),
        source: fileChunks(incident),
      });
      assert.deepEqual([replay.totals.unchanged, replay.totals.waitingForIdentity], [1, 1]);
    });

    test('a data manager of another organisation is not shown the police records that wait', async () => {
      const { actorByEmail } = await import('../../../test/support/actors.ts');
      const cscAdmin = await actorByEmail(database.db, 'alex.morgan@northshire.example');
      assert.deepEqual(await findRecordsWaitingForIdentity(deps, cscAdmin), {
        records: [],
        total: 0,
        byFeed: [],
      });
    });

    test("when the corrected details arrive, the waiting incident joins the child's person", async () => {
      const heldPerson = await personOf(child.externalPersonId!);
      assert.ok(heldPerson);
      assert.notEqual(await personOf('PN-77'), heldPerson, 'while waiting, the incident is its own');
      const corrected = await ingestFeed(deps, northshireSystem, {
        organisationId: orgId('police'),
        mapping: policePeople,
        source: fileChunks(detailsRow(`${d}/${m}/${y}`)),
      });
      assert.deepEqual([corrected.totals.inserted, corrected.totals.rejected], [1, 0]);
      assert.equal(await personOf('PN-77'), heldPerson);
      const [record] = await queryRows<{ personId: string }>(
        database.db,
        sql`select pl.person_id::text as "personId" from subject_record r
            join person_link pl on pl.partnership_id = r.partnership_id and pl.agency_person_id::text = r.subject_id
            where r.external_id = 'police-incidents:NP-0042'`,
      );
      assert.equal(record!.personId, heldPerson);
      assert.equal((await findRecordsWaitingForIdentity(deps, northshireSystem)).total, 0);
    });
  });
}
