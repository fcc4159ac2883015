import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import {
  generatedAgencyPersons,
  generatedOrganisations,
  insertAgencyPersons,
} from '../../../test/support/agency-persons.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { fixedClock } from '../shared/clock.ts';
import { queryRows } from '../shared/database.ts';
import { silentLogger } from '../shared/deps.ts';
import { randomIds, type PartnershipId } from '../shared/ids.ts';
import { LinkIndexes, type LinkingDeps } from './held-index.ts';
import { linkAgencyPersons } from './link-agency-persons.ts';
import { relinkPartnership } from './relink-partnership.ts';
import { linkReview, personLink } from './schema.ts';

const partnershipId = '5e0c9a1b-2f3d-4e5f-8a9b-0c1d2e3f4a01' as PartnershipId;
const youthClub = '5e0c9a1b-2f3d-4e5f-8a9b-0c1d2e3f4a99';

/** A valid NHS number from nine digits (modulus 11 check digit). */
function nhsNumber(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10) throw new Error(`${nine} has no valid check digit`);
  return `${nine}${check}`;
}

/** Twins: Amelia and Olivia Brook share a birth date, a surname, a home and a phone. */
const twin = (first: string, nhs: string, organisationId: string) => ({
  organisationId,
  firstName: first,
  lastName: 'Brook',
  dob: '2016-04-09',
  sex: 'F',
  nhsNumber: nhs,
  postcode: 'NS4 7QT',
  address: '14 Willow Close',
  city: 'Northshire',
  phone: '01632 960123',
});

for (const kind of testDatabaseKinds()) {
  describe(`linking agency persons in the database (${kind})`, () => {
    let database: DatabaseHandle;
    let deps: LinkingDeps;
    const population = generatedAgencyPersons(400, 11);
    const twins = { amelia: [] as string[], olivia: [] as string[] };
    const personOf = async (agencyPersonId: string) =>
      (
        await deps.db
          .select({ personId: personLink.personId, linkedBy: personLink.linkedBy })
          .from(personLink)
          .where(
            and(eq(personLink.partnershipId, partnershipId), eq(personLink.agencyPersonId, agencyPersonId)),
          )
      )[0];

    before(async () => {
      database = await openTestDatabase(kind);
      deps = {
        db: database.db,
        clock: fixedClock(new Date('2026-11-02T09:00:00Z')),
        ids: randomIds,
        logger: silentLogger,
        linkIndexes: new LinkIndexes(),
      };
      await insertAgencyPersons(deps.db, partnershipId, population.specs);
      twins.amelia = await insertAgencyPersons(deps.db, partnershipId, [
        twin('Amelia', nhsNumber('943476591'), generatedOrganisations.nhs),
        twin('Amelia', nhsNumber('943476591'), generatedOrganisations.council),
      ]);
      twins.olivia = await insertAgencyPersons(deps.db, partnershipId, [
        twin('Olivia', nhsNumber('943476592'), generatedOrganisations.nhs),
        twin('Olivia', nhsNumber('943476592'), generatedOrganisations.council),
      ]);
    });
    after(() => database.close());

    test('the initial load links every held record in one batch, and its persons are true', async () => {
      const summary = await relinkPartnership(deps, partnershipId);
      assert.equal(summary.records, population.specs.length + 4);
      const links = await deps.db
        .select()
        .from(personLink)
        .where(eq(personLink.partnershipId, partnershipId));
      assert.equal(links.length, population.specs.length + 4);
      for (const id of twins.amelia) population.truth.set(id, 'amelia');
      for (const id of twins.olivia) population.truth.set(id, 'olivia');
      // Precision of the persons formed: no person holds records of two true people.
      const truthOf = new Map<string, Set<string>>();
      for (const l of links) {
        const set = truthOf.get(l.personId) ?? new Set<string>();
        set.add(population.truth.get(l.agencyPersonId)!);
        truthOf.set(l.personId, set);
      }
      const mixed = [...truthOf.values()].filter((s) => s.size > 1).length;
      assert.ok(mixed <= truthOf.size * 0.005, `${mixed} persons mix two people`);
      await assert.rejects(relinkPartnership(deps, partnershipId), /already has linked records/);
    });

    test("another agency's record of a held child joins that child's person automatically", async () => {
      const held = population.specs.find((s) => s.nhsNumber && s.upn && s.dob)!;
      const [id] = await insertAgencyPersons(deps.db, partnershipId, [
        { ...held, id: undefined, organisationId: youthClub, externalPersonId: 'YC-1' },
      ]);
      const [outcome] = await linkAgencyPersons(deps, partnershipId, [id!]);
      assert.equal(outcome!.linkedBy, 'auto');
      assert.equal(outcome!.personId, (await personOf(held.id))!.personId);
      assert.ok(outcome!.probability > 0.5);
    });

    test("a school's record of one twin joins her, never her sister", async () => {
      const amelia = (await personOf(twins.amelia[0]!))!.personId;
      const olivia = (await personOf(twins.olivia[0]!))!.personId;
      assert.notEqual(amelia, olivia);
      assert.equal((await personOf(twins.amelia[1]!))!.personId, amelia);
      // No NHS number at the school: only the given name tells the twins apart.
      const { nhsNumber: _none, ...noNhs } = twin('Amelia', '', generatedOrganisations.school);
      const [id] = await insertAgencyPersons(deps.db, partnershipId, [{ ...noNhs, upn: 'A123456789012' }]);
      const [outcome] = await linkAgencyPersons(deps, partnershipId, [id!]);
      assert.notEqual(outcome!.personId, olivia);
      assert.equal(outcome!.linkedBy, 'auto');
      assert.equal(outcome!.personId, amelia);
    });

    test('someone never seen before becomes a new person', async () => {
      const [id] = await insertAgencyPersons(deps.db, partnershipId, [
        {
          organisationId: youthClub,
          firstName: 'Zebedee',
          lastName: 'Quillfeather',
          dob: '2012-02-29',
          postcode: 'ZZ9 9ZZ',
        },
      ]);
      const [outcome] = await linkAgencyPersons(deps, partnershipId, [id!]);
      assert.equal(outcome!.linkedBy, 'first');
      assert.equal((await personOf(id!))!.linkedBy, 'first');
    });

    test('a record matching two persons already distinct is not merged: it stays apart and goes to review', async () => {
      // Split one held person in two, as a reviewer's rejection would leave it.
      const [row] = await queryRows<{ person_id: string }>(
        deps.db,
        sql`select person_id from person_link where partnership_id = ${partnershipId}
              group by person_id having count(*) >= 2 order by person_id limit 1`,
      );
      const members = await deps.db
        .select()
        .from(personLink)
        .where(and(eq(personLink.partnershipId, partnershipId), eq(personLink.personId, row!.person_id)));
      const moved = members[0]!.agencyPersonId;
      await deps.db
        .update(personLink)
        .set({ personId: randomIds.uuid() })
        .where(and(eq(personLink.partnershipId, partnershipId), eq(personLink.agencyPersonId, moved)));
      const original = population.specs.find((s) => s.id === moved)!;
      const [id] = await insertAgencyPersons(deps.db, partnershipId, [
        { ...original, id: undefined, organisationId: youthClub, externalPersonId: 'YC-2' },
      ]);
      const [outcome] = await linkAgencyPersons(deps, partnershipId, [id!]);
      const reviews = await deps.db
        .select()
        .from(linkReview)
        .where(and(eq(linkReview.partnershipId, partnershipId), eq(linkReview.agencyPersonId, id!)));
      assert.equal(outcome!.linkedBy, 'first');
      assert.equal(reviews.filter((r) => r.reason === 'joins_two_persons').length, 2);
      assert.ok(members.every((m) => m.personId !== outcome!.personId));
    });

    test('every link is audited in its transaction, with ids and figures only', async () => {
      const events = await queryRows<{ details: Record<string, unknown> }>(
        deps.db,
        sql`select details from audit_event where partnership_id = ${partnershipId} and action = 'person.linked'`,
      );
      assert.equal(events.length, 4);
      const text = JSON.stringify(events);
      assert.doesNotMatch(text, /Zebedee|Quillfeather|ZZ9/);
    });

    test('the fitted model survives a restart: a new process links with it, fitting nothing', async () => {
      const restarted: LinkingDeps = { ...deps, linkIndexes: new LinkIndexes() };
      const [before] = await queryRows<{ n: number }>(
        deps.db,
        sql`select count(*)::int as n from linkage_model`,
      );
      const held = population.specs.find((s) => s.nhsNumber && s.dob && s.lastName)!;
      const [id] = await insertAgencyPersons(deps.db, partnershipId, [
        { ...held, id: undefined, organisationId: generatedOrganisations.police, externalPersonId: 'P-NEW' },
      ]);
      const [outcome] = await linkAgencyPersons(restarted, partnershipId, [id!]);
      const [afterwards] = await queryRows<{ n: number }>(
        deps.db,
        sql`select count(*)::int as n from linkage_model`,
      );
      assert.equal(afterwards!.n, before!.n);
      assert.equal(outcome!.personId, (await personOf(held.id))!.personId);
      const [again] = await linkAgencyPersons(restarted, partnershipId, [id!]);
      assert.equal(again!.linkedBy, 'already_linked');
    });
  });
}
