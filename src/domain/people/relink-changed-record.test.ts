import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  generatedAgencyPersons,
  insertAgencyPersons,
  openLinkedDatabase,
  type AgencyPersonSpec,
} from '../../../test/support/agency-persons.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { queryRows } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { LinkingDeps } from './held-index.ts';
import { linkAgencyPersons } from './link-agency-persons.ts';

const partnershipId = '5e0c9a1b-2f3d-4e5f-8a9b-0c1d2e3f4b02' as PartnershipId;
const youthClub = '5e0c9a1b-2f3d-4e5f-8a9b-0c1d2e3f4b99';
const stranger = {
  firstName: 'Zebedee',
  lastName: 'Quillfeather',
  dob: '2012-02-29',
  postcode: 'ZZ9 9ZZ',
  address: '1 Nowhere Lane',
} as const;

for (const kind of testDatabaseKinds()) {
  describe(`a linked record that ingest changes is linked again (${kind})`, () => {
    let database: DatabaseHandle;
    let deps: LinkingDeps;
    const population = generatedAgencyPersons(400, 12);
    const linkOf = async (id: string) =>
      (
        await queryRows<{ person_id: string; n: number }>(
          deps.db,
          sql`select l.person_id::text, (select count(*)::int from person_link m
                where m.partnership_id = l.partnership_id and m.person_id = l.person_id) as n
              from person_link l where l.partnership_id = ${partnershipId} and l.agency_person_id = ${id}`,
        )
      )[0]!;
    /** What ingest does to a record whose content hash changed: the identifiers in place. */
    const correct = async (id: string, fields: Partial<AgencyPersonSpec>, hash: string) => {
      const value = (v: string | undefined) => v ?? null;
      await deps.db.execute(
        sql`update agency_person set first_name = ${value(fields.firstName)}, last_name = ${value(fields.lastName)},
              dob = ${value(fields.dob)}::date, nhs_number = ${value(fields.nhsNumber)}, upn = ${value(fields.upn)},
              postcode = ${value(fields.postcode)}, address = ${value(fields.address)}, city = ${value(fields.city)},
              phone = ${value(fields.phone)}, email = ${value(fields.email)}, content_hash = ${hash}
            where partnership_id = ${partnershipId} and id = ${id}`,
      );
    };

    before(async () => {
      ({ database, deps } = await openLinkedDatabase(
        kind,
        partnershipId,
        population.specs,
        new Date('2026-11-03T09:00:00Z'),
      ));
    });
    after(() => database.close());

    test('a record linked only to itself, corrected to a held child, joins that child', async () => {
      const held = population.specs.find((s) => s.nhsNumber && s.dob && s.lastName)!;
      const [id] = await insertAgencyPersons(deps.db, partnershipId, [
        { organisationId: youthClub, ...stranger },
      ]);
      const [first] = await linkAgencyPersons(deps, partnershipId, [id!]);
      assert.equal(first!.linkedBy, 'first');
      await correct(id!, { ...held, organisationId: youthClub }, 'corrected-1');
      const [again] = await linkAgencyPersons(deps, partnershipId, [id!]);
      assert.equal(again!.linkedBy, 'auto');
      assert.equal(again!.personId, (await linkOf(held.id)).person_id);
      const [event] = await queryRows<{ details: { previousPersonId?: string } }>(
        deps.db,
        sql`select details from audit_event where action = 'person.linked' and subject_id = ${id}
            order by id desc limit 1`,
      );
      assert.equal(event!.details.previousPersonId, first!.personId);
      const [unchanged] = await linkAgencyPersons(deps, partnershipId, [id!]);
      assert.equal(unchanged!.linkedBy, 'already_linked', 'asked again unchanged, nothing happens');
    });

    test("a record corrected to another child's NHS number leaves its person, and a reviewer is asked", async () => {
      const [row] = await queryRows<{ id: string; person_id: string }>(
        deps.db,
        sql`select l.agency_person_id::text as id, l.person_id::text from person_link l
            join agency_person ap on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
            where l.partnership_id = ${partnershipId} and ap.nhs_number is not null
              and (select count(*) from person_link m where m.partnership_id = l.partnership_id
                     and m.person_id = l.person_id) >= 3
            order by l.agency_person_id limit 1`,
      );
      const spec = population.specs.find((s) => s.id === row!.id)!;
      // Another child's identity, keyed in by mistake on this record and now "corrected" to it.
      const other = population.specs.find(
        (s) => s.nhsNumber && s.nhsNumber !== spec.nhsNumber && s.dob !== spec.dob,
      )!;
      await correct(row!.id, { ...stranger, nhsNumber: other.nhsNumber }, 'corrected-2');
      const [outcome] = await linkAgencyPersons(deps, partnershipId, [row!.id]);
      assert.equal(outcome!.linkedBy, 'first');
      assert.notEqual(outcome!.personId, row!.person_id);
      assert.equal((await linkOf(row!.id)).n, 1, 'held apart as a person of its own');
      const reviews = await queryRows<{ reason: string; candidate: string }>(
        deps.db,
        sql`select reason, candidate_agency_person_id::text as candidate from link_review
            where partnership_id = ${partnershipId} and agency_person_id = ${row!.id} and status = 'pending'`,
      );
      assert.ok(reviews.length >= 1);
      for (const r of reviews) {
        assert.equal(r.reason, 'changed_no_longer_matches');
        assert.equal(
          (await linkOf(r.candidate)).person_id,
          row!.person_id,
          "the pair names its former person's records",
        );
      }
    });

    test('a record corrected in a way that still agrees with its person stays, and the evaluation is audited', async () => {
      // A record that agrees with another of its person's on every identifier (names, date of
      // birth, NHS number), so it belongs there on its own evidence. Any auto-linked record would
      // not do: one joined through a chain of weaker pairs may not reach the threshold alone,
      // and which one the ids picked varied from run to run.
      const [row] = await queryRows<{ id: string; person_id: string }>(
        deps.db,
        sql`select l.agency_person_id::text as id, l.person_id::text from person_link l
            join agency_person ap on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
            where l.partnership_id = ${partnershipId} and l.linked_by = 'auto' and ap.nhs_number is not null
              and (select count(*) from person_link m where m.partnership_id = l.partnership_id
                     and m.person_id = l.person_id) >= 3
              and exists (select 1 from person_link m
                          join agency_person twin on twin.partnership_id = m.partnership_id
                               and twin.id = m.agency_person_id
                          where m.partnership_id = l.partnership_id and m.person_id = l.person_id
                            and twin.id <> ap.id and twin.nhs_number = ap.nhs_number and twin.dob = ap.dob
                            and twin.first_name = ap.first_name and twin.last_name = ap.last_name)
            order by l.agency_person_id desc limit 1`,
      );
      const spec = population.specs.find((s) => s.id === row!.id)!;
      // A phone number added: the same child.
      await correct(row!.id, { ...spec, phone: '01632 960999' }, 'corrected-3');
      const [outcome] = await linkAgencyPersons(deps, partnershipId, [row!.id]);
      assert.equal(outcome!.linkedBy, 'kept');
      assert.equal(outcome!.personId, row!.person_id);
      const [decision] = await queryRows<{ kind: string; moves: number }>(
        deps.db,
        sql`select d.kind, (select count(*)::int from link_move m where m.partnership_id = d.partnership_id
              and m.decision_id = d.id) as moves
            from link_decision d join audit_event e on e.details->>'decisionId' = d.id::text
            where e.subject_id = ${row!.id} and e.action = 'person.linked'`,
      );
      assert.deepEqual(decision, { kind: 'kept', moves: 0 });
    });
  });
}
