import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  insertAgencyAddresses,
  insertAgencyPersons,
  insertAgencyRelationships,
  insertEvidenceItems,
  insertPersonLinks,
} from '../../../test/support/agency-persons.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import type { FamilyNetwork, FamilyRelationship } from './family-network.ts';
import { findFamilyNetwork, periodsOverlap, relationshipToPerson } from './find-family-network.ts';

describe('family network rules', () => {
  test('a move-out day is not shared with the family moving in; open-ended periods are ongoing', () => {
    const left = { fromDate: '2015-01-01', toDate: '2020-06-01' };
    assert.equal(periodsOverlap(left, { fromDate: '2020-06-01', toDate: null }), false);
    assert.equal(periodsOverlap(left, { fromDate: '2020-05-31', toDate: null }), true);
    // Undated: lives there now, so shares a home with whoever lives there now.
    assert.equal(
      periodsOverlap({ fromDate: null, toDate: null }, { fromDate: '1990-01-01', toDate: '1990-01-02' }),
      false,
    );
    assert.equal(
      periodsOverlap({ fromDate: null, toDate: null }, { fromDate: '1990-01-01', toDate: null }),
      true,
    );
    // Only an end date: there just before it.
    assert.equal(periodsOverlap({ fromDate: null, toDate: '2020-06-01' }, left), true);
    assert.equal(periodsOverlap(left, { fromDate: '2010-01-01', toDate: '2015-01-01' }), false);
  });

  test('a relationship recorded about the other person reads backwards', () => {
    assert.equal(relationshipToPerson('parent_or_carer', true), 'parent_or_carer');
    assert.equal(relationshipToPerson('parent_or_carer', false), 'child');
    assert.equal(relationshipToPerson('partner_of_parent', false), 'child');
    assert.equal(relationshipToPerson('sibling', false), 'sibling');
    assert.equal(relationshipToPerson('neighbour', true), undefined);
  });
});

const partnershipId = '3b7e2c10-5a4d-4f3e-9c21-7d8e9f0a1b01';
const council = '3b7e2c10-5a4d-4f3e-9c21-7d8e9f0a1b02';
const school = '3b7e2c10-5a4d-4f3e-9c21-7d8e9f0a1b03';
/** The Brook family: twins Amy and Ben, their mother, and Steve, her partner since 2021. */
const person = {
  amy: randomUUID(),
  ben: randomUUID(),
  mum: randomUUID(),
  steve: randomUUID(),
  lena: randomUUID(),
  nora: randomUUID(),
  olly: randomUUID(),
};
const OLD = '1 OLD ROAD NS11AA';
const NEW = '2 NEW STREET NS22BB';

const relationshipsOf = (network: FamilyNetwork, personId: string): FamilyRelationship[] =>
  (network.members.find((m) => m.personId === personId)?.edges ?? []).map((e) => e.relationship).sort();

for (const kind of testDatabaseKinds()) {
  describe(`the family network from the database (${kind})`, () => {
    let database: DatabaseHandle;
    const item = new Map<string, string>();
    const evidence = (key: string, organisationId: string, fieldGroup: string) => {
      const id = randomUUID();
      item.set(key, id);
      return {
        id,
        organisationId,
        subjectId: key,
        fieldGroup,
        kind: fieldGroup === 'contact' ? 'address' : 'relationship',
      };
    };

    before(async () => {
      database = await openTestDatabase(kind);
      const db = database.db;
      const ap = {
        amy: randomUUID(),
        amySchool: randomUUID(),
        ben: randomUUID(),
        mum: randomUUID(),
        steve: randomUUID(),
        lena: randomUUID(),
        nora: randomUUID(),
        olly: randomUUID(),
      };
      const council = (id: string, ext: string) => ({ id, organisationId: councilId, externalPersonId: ext });
      const councilId = councilOrg;
      await insertAgencyPersons(db, partnershipId, [
        council(ap.amy, 'C-AMY'),
        council(ap.ben, 'C-BEN'),
        council(ap.mum, 'C-MUM'),
        council(ap.steve, 'C-STEVE'),
        council(ap.lena, 'C-LENA'),
        council(ap.nora, 'C-NORA'),
        council(ap.olly, 'C-OLLY'),
        { id: ap.amySchool, organisationId: school, externalPersonId: 'S-AMY' },
      ]);
      await insertPersonLinks(db, partnershipId, {
        [ap.amy]: person.amy,
        [ap.amySchool]: person.amy,
        [ap.ben]: person.ben,
        [ap.mum]: person.mum,
        [ap.steve]: person.steve,
        [ap.lena]: person.lena,
        [ap.nora]: person.nora,
        [ap.olly]: person.olly,
      });
      const items = [
        evidence('amy-mum', councilOrg, 'family_household'),
        evidence('amy-steve', councilOrg, 'family_household'),
        evidence('amy-ben', councilOrg, 'family_household'),
        evidence('ben-mum', councilOrg, 'family_household'),
        ...['amy', 'ben', 'mum'].flatMap((p) => [
          evidence(`${p}-old`, councilOrg, 'contact'),
          evidence(`${p}-new`, councilOrg, 'contact'),
        ]),
        evidence('amy-school-new', school, 'contact'),
        evidence('steve-new', councilOrg, 'contact'),
        evidence('lena-old', councilOrg, 'contact'),
        evidence('nora-new', councilOrg, 'contact'),
        evidence('olly-old', councilOrg, 'contact'),
      ];
      await insertEvidenceItems(db, partnershipId, items);
      const rel = (
        key: string,
        from: string,
        to: string,
        kind: 'parent_or_carer' | 'sibling' | 'partner_of_parent',
        fromDate?: string,
      ) => ({
        organisationId: councilOrg,
        agencyPersonId: from,
        relatedExternalPersonId: to,
        kind,
        subjectRecordId: item.get(key)!,
        ...(fromDate ? { fromDate } : {}),
      });
      await insertAgencyRelationships(db, partnershipId, [
        rel('amy-mum', ap.amy, 'C-MUM', 'parent_or_carer'),
        rel('amy-steve', ap.amy, 'C-STEVE', 'partner_of_parent', '2021-01-01'),
        rel('amy-ben', ap.amy, 'C-BEN', 'sibling'),
        rel('ben-mum', ap.ben, 'C-MUM', 'parent_or_carer'),
      ]);
      const at = (
        key: string,
        agencyPersonId: string,
        addressKey: string,
        fromDate: string | undefined,
        toDate: string | undefined,
        organisationId = councilOrg,
      ) => ({
        organisationId,
        agencyPersonId,
        addressKey,
        subjectRecordId: item.get(key)!,
        postcode: addressKey.slice(-6),
        ...(fromDate ? { fromDate } : {}),
        ...(toDate ? { toDate } : {}),
      });
      await insertAgencyAddresses(db, partnershipId, [
        // The family moved house on 1 June 2020; the school only ever knew the new address.
        ...(['amy', 'ben', 'mum'] as const).flatMap((p) => [
          at(`${p}-old`, ap[p], OLD, '2015-01-01', '2020-06-01'),
          at(`${p}-new`, ap[p], NEW, '2020-06-01', undefined),
        ]),
        at('amy-school-new', ap.amySchool, NEW, undefined, undefined, school),
        at('steve-new', ap.steve, NEW, '2021-01-01', undefined),
        // A lodger at the old house while the family lived there.
        at('lena-old', ap.lena, OLD, '2019-01-01', '2019-12-31'),
        // The previous tenant of the new house left the day the family arrived; the next tenant
        // of the old house arrived the day they left. Neither shared a home with them.
        at('nora-new', ap.nora, NEW, '2010-01-01', '2020-06-01'),
        at('olly-old', ap.olly, OLD, '2020-06-01', undefined),
      ]);
    });
    after(() => database.close());

    test("a twin's network: her mother, her twin, her step-father and the household they shared", async () => {
      const network = await findFamilyNetwork(database.db, partnershipId, person.amy);
      // Old house (council) and new house (council; the school's record too).
      assert.deepEqual(relationshipsOf(network, person.mum), [
        'household_member',
        'household_member',
        'household_member',
        'parent_or_carer',
      ]);
      // Recorded as her sibling, and also a sibling through their mother.
      assert.deepEqual(relationshipsOf(network, person.ben), [
        'household_member',
        'household_member',
        'household_member',
        'sibling',
        'sibling',
      ]);
      assert.deepEqual(relationshipsOf(network, person.steve), [
        'household_member',
        'household_member',
        'partner_of_parent',
      ]);
      assert.deepEqual(relationshipsOf(network, person.lena), ['household_member']);
      assert.deepEqual(relationshipsOf(network, person.nora), []);
      assert.deepEqual(relationshipsOf(network, person.olly), []);
      assert.deepEqual(
        network.households.map((h) => h.addressKey),
        [OLD, NEW].sort(),
      );
    });

    test('every edge names the items it came from, with their holder and field group', async () => {
      const network = await findFamilyNetwork(database.db, partnershipId, person.amy);
      const steve = network.members.find((m) => m.personId === person.steve)!;
      const recorded = steve.edges.find((e) => e.source === 'relationship')!;
      assert.deepEqual(recorded.evidence, [
        {
          subjectRecordId: item.get('amy-steve'),
          organisationId: councilOrg,
          fieldGroup: 'family_household',
        },
      ]);
      assert.equal(recorded.fromDate, '2021-01-01');
      // One household edge per pair of address items: the council's and the school's for Amy.
      const shared = steve.edges.filter((e) => e.source === 'household');
      assert.deepEqual(
        shared.map((e) => [e.fromDate, e.toDate, e.addressKey]),
        [
          ['2021-01-01', null, NEW],
          ['2021-01-01', null, NEW],
        ],
      );
      assert.deepEqual(
        shared.map((e) => e.evidence.map((x) => x.subjectRecordId)).sort(),
        [
          [item.get('amy-new'), item.get('steve-new')],
          [item.get('amy-school-new'), item.get('steve-new')],
        ].sort(),
      );
      assert.deepEqual(
        shared.flatMap((e) => e.evidence.map((x) => x.fieldGroup)),
        ['contact', 'contact', 'contact', 'contact'],
      );
      const lena = network.households
        .find((h) => h.addressKey === OLD)!
        .members.find((m) => m.personId === person.lena)!;
      assert.deepEqual([lena.fromDate, lena.toDate], ['2019-01-01', '2019-12-31']);
    });

    test('seen from the mother and the step-father, the twins are their children', async () => {
      const mum = await findFamilyNetwork(database.db, partnershipId, person.mum);
      assert.deepEqual(relationshipsOf(mum, person.amy), [
        'child',
        'household_member',
        'household_member',
        'household_member',
      ]);
      assert.deepEqual(relationshipsOf(mum, person.ben), ['child', 'household_member', 'household_member']);
      const steve = await findFamilyNetwork(database.db, partnershipId, person.steve);
      assert.deepEqual(relationshipsOf(steve, person.amy), ['child', 'household_member', 'household_member']);
      assert.deepEqual(
        steve.households.map((h) => h.addressKey),
        [NEW],
      );
    });

    test("a twin nobody recorded as a sibling is one through their mother, on both mother's items", async () => {
      const network = await findFamilyNetwork(database.db, partnershipId, person.ben);
      const amy = network.members.find((m) => m.personId === person.amy)!;
      const shared = amy.edges.filter((e) => e.source === 'shared_parent');
      assert.deepEqual(
        shared.map((e) => [e.relationship, e.evidence.map((x) => x.subjectRecordId)]),
        [['sibling', [item.get('ben-mum'), item.get('amy-mum')]]],
      );
      // The mother is not her own child's sibling.
      assert.ok(
        !network.members.some(
          (m) => m.personId === person.mum && m.edges.some((e) => e.source === 'shared_parent'),
        ),
      );
    });

    test('a person nobody linked has an empty network', async () => {
      const network = await findFamilyNetwork(database.db, partnershipId, randomUUID());
      assert.deepEqual(network.members, []);
      assert.deepEqual(network.households, []);
    });
  });
}

const councilOrg = council;
