import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import {
  flowInForce,
  northshireFlows,
  northshirePartnershipId,
  org,
} from '../../../test/support/northshire-flows.ts';
import { insertAgencyRelationships, insertEvidenceItems } from '../../../test/support/agency-persons.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { staticFlowsInForce } from '../policy/flows-in-force-source.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { chronologyCsv } from './chronology-csv.ts';
import type { FamilyNetworkSource } from './family-network-source.ts';
import { peopleFamilyNetwork } from './people-family-network.ts';
import { findChronology } from './find-chronology.ts';
import { getChildView } from './get-child-view.ts';

// CP-IS: the council tells the hospital trust which children are on a plan (status only).
const cpis = flowInForce({
  reference: 'T2-050',
  title: 'Child protection status to health services',
  flow: 'F1',
  from: org.childrensServices,
  to: org.trust,
  purposes: ['child_protection_conference'],
  fieldGroups: ['identity', 'child_protection_status'],
  gatewayIds: ['CA2004-S11'],
});

for (const kind of testDatabaseKinds()) {
  describe(`the single view of a child, through the policy (${kind})`, () => {
    let app: TestApp;
    let samPatel: UserActor;
    let dcJones: UserActor;
    let nurseWalsh: UserActor;
    let ids: Map<string, string>;
    before(async () => {
      app = await createTestApp(kind, { flowsInForce: staticFlowsInForce([...northshireFlows, cpis]) });
      const persona = (email: string) => actorByEmail(app.database.db, email);
      samPatel = await persona('sam.patel@northshire.example');
      dcJones = await persona('dc.jones@northshire.example');
      nurseWalsh = await persona('nurse.walsh@northshire.example');
      ids = await insertPeople(app.database.db);
    });
    after(() => app.close());

    const viewedEvents = async () =>
      queryRows<{
        subject_id: string;
        disclosed: string[];
        details: Record<string, unknown>;
        purpose: string;
      }>(
        app.database.db,
        sql`select subject_id, disclosed, details, purpose from audit_event
            where action = 'subject.viewed' order by id`,
      );

    test("a social worker on a s47 enquiry sees the police, trust and school records the agreements allow, with each link's confidence", async () => {
      const before = (await viewedEvents()).length;
      const view = await getChildView(app.deps, samPatel, {
        personId: people.samTaylor,
        purpose: 's47_enquiry',
      });
      const entries = view.chronology.map(
        (e) => `${e.eventDate} ${e.holderName}: ${e.summary} (${e.linkConfidence})`,
      );
      assert.deepEqual(entries, [
        '2026-10-20 Riverside Primary School: 82% attendance in Autumn 2026: Attendance 82% this term (0.999)',
        "2026-10-05 Northshire County Council Children's Services: Child protection plan from 5 Oct 2026 (1)",
        "2026-09-25 Northshire County Council Children's Services: Child in need from 25 Sep 2026: Child in need plan opened (1)",
        '2026-09-20 Northshire Hospitals NHS Foundation Trust: Emergency department attendance: Emergency department: bruising to the forearm (0.962)',
        '2026-09-16 Northshire Police: =HYPERLINK("http://evil.example") (0.9987)',
        '2026-09-14 Northshire Police: Domestic abuse incident: Domestic incident at the home address; Sam present (0.9987)',
      ]);
      assert.ok(!entries.some((e) => e.includes('Northshire Homes')), 'housing (T2-040) has not started');
      assert.deepEqual(
        view.flags.map((f) => [f.label, f.startDate]),
        [['Child protection plan', '2026-10-05']],
      );
      const firstName = view.identity.find((i) => i.field === 'firstName')!;
      assert.deepEqual(
        firstName.values.map((v) => v.value),
        ['Sam', 'Samuel'],
      );
      assert.deepEqual(view.agencies[0]?.leadPractitioner, {
        name: 'Sam Patel',
        phone: '01632 960 101',
        email: 'sam.patel@northshire.example',
        role: 'Social worker',
      });
      assert.equal(view.agencies[0]?.lastContactDate, '2026-10-28');
      assert.ok(
        view.shownBecause.some(
          (s) => s.decision.agreement?.reference === 'T2-014' && s.fieldGroup === 'police_incidents',
        ),
      );
      const events = (await viewedEvents()).slice(before);
      assert.equal(events.length, 1, 'one read, one audit event');
      assert.equal(events[0]!.subject_id, people.samTaylor);
      assert.equal(events[0]!.details.view, 'single_view');
      assert.deepEqual(events[0]!.disclosed, [
        'attendance_exclusions',
        'child_protection_status',
        'identity',
        'lead_contact',
        'physical_health',
        'police_incidents',
        'social_care_involvement',
      ]);
      // The event is written by the read's own statement: what it says must match what was shown.
      const details = events[0]!.details as {
        records: number;
        ownRecords: boolean;
        agreements: { reference: string; version: number; flowId: string }[];
      };
      assert.equal(
        details.records,
        view.shownBecause.reduce((n, s) => n + s.records, 0),
      );
      assert.equal(details.ownRecords, true, "the council's own records were among those shown");
      const relied = view.shownBecause.flatMap((s) =>
        s.decision.agreement
          ? [
              `${s.decision.agreement.reference} v${s.decision.agreement.version} ${s.decision.agreement.flowId}`,
            ]
          : [],
      );
      assert.deepEqual(
        details.agreements.map((a) => `${a.reference} v${a.version} ${a.flowId}`),
        [...new Set(relied)].sort(),
      );
    });

    test('a police officer sees the council records T2-014 shares with the police, and no health or school records', async () => {
      const view = await getChildView(app.deps, dcJones, {
        personId: people.samTaylor,
        purpose: 's47_enquiry',
      });
      const holders = new Set(view.chronology.map((e) => e.holderName));
      assert.deepEqual([...holders].sort(), [
        "Northshire County Council Children's Services",
        'Northshire Police',
      ]);
      assert.deepEqual(
        view.flags.map((f) => f.type),
        ['child_protection_plan'],
      );
      assert.equal(
        view.identity.find((i) => i.field === 'upn'),
        undefined,
        'the school holds the pupil number',
      );
    });

    test('a nurse told of the plan by CP-IS sees that it exists and when it started, and nothing else of the council', async () => {
      const view = await getChildView(app.deps, nurseWalsh, {
        personId: people.samTaylor,
        purpose: 'child_protection_conference',
      });
      assert.deepEqual(
        view.flags.map((f) => [f.type, f.startDate, f.holderName]),
        [['child_protection_plan', '2026-10-05', "Northshire County Council Children's Services"]],
      );
      const council = view.agencies.find((a) => a.organisationId === org.childrensServices)!;
      assert.equal(council.leadPractitioner, null);
      assert.ok(!JSON.stringify(view).includes('neglect'), 'the plan category is not a status');
      assert.ok(!JSON.stringify(view).includes('Child in need'), 'no social care involvement');
    });

    test('a person nobody knows and a person the viewer may not see answer the same not found, audited with different reasons', async () => {
      const attempt = async (personId: string) => {
        try {
          await getChildView(app.deps, dcJones, { personId, purpose: 's47_enquiry' });
          return 'shown';
        } catch (error) {
          assert.ok(error instanceof DomainError);
          return `${error.code}: ${error.message}`;
        }
      };
      assert.equal(await attempt(people.miaHughes), await attempt(people.nobody));
      assert.equal(await attempt('not-a-uuid'), await attempt(people.nobody));
      const reasons = await queryRows<{ reason: string }>(
        app.database.db,
        sql`select details->>'reason' as reason from audit_event where action = 'access.denied' order by id desc limit 4`,
      );
      assert.deepEqual(
        reasons.map((r) => r.reason),
        ['no_such_subject', 'no_such_subject', 'no_such_subject', 'nothing_disclosable'],
      );
    });

    test('the family network keeps only edges on evidence the viewer may see, named from identity the viewer may see', async () => {
      // Real facts: the police record Jordan as Sam's parent (a family_household item T2-014
      // shares with the council), the trust records Mia as Sam's sibling (an item no flow shares).
      const policeItem = randomUUID();
      const trustItem = randomUUID();
      await insertEvidenceItems(app.database.db, northshirePartnershipId, [
        {
          id: policeItem,
          organisationId: org.police,
          subjectId: ids.get('NP-77812')!,
          fieldGroup: 'family_household',
          kind: 'relationship',
        },
        {
          id: trustItem,
          organisationId: org.trust,
          subjectId: ids.get('MPI-5521')!,
          fieldGroup: 'family_household',
          kind: 'relationship',
        },
      ]);
      await insertAgencyRelationships(app.database.db, northshirePartnershipId, [
        {
          organisationId: org.police,
          agencyPersonId: ids.get('NP-77812')!,
          relatedExternalPersonId: 'NP-77813',
          kind: 'parent_or_carer',
          subjectRecordId: policeItem,
        },
        {
          organisationId: org.trust,
          agencyPersonId: ids.get('MPI-5521')!,
          relatedExternalPersonId: 'MPI-7001',
          kind: 'sibling',
          subjectRecordId: trustItem,
        },
      ]);
      const network: FamilyNetworkSource = peopleFamilyNetwork;
      const deps = { ...app.deps, familyNetwork: network };
      const social = await getChildView(deps, samPatel, {
        personId: people.samTaylor,
        purpose: 's47_enquiry',
      });
      assert.deepEqual(
        social.family.members.map((m) => [m.name, m.relationship, m.dob]),
        [['Jordan Taylor', 'parent_or_carer', '1992-03-02']],
      );
      // The school's DSL may see neither the police's family records nor Jordan's identity.
      const joBaker = await actorByEmail(app.database.db, 'jo.baker@northshire.example');
      const school = await getChildView(deps, joBaker, { personId: people.samTaylor, purpose: 'early_help' });
      assert.deepEqual(school.family.members, []);
    });

    test('the chronology filters by agency, date and fact or opinion, and its CSV neutralises formulas', async () => {
      const chronology = await findChronology(app.deps, samPatel, {
        personId: people.samTaylor,
        purpose: 's47_enquiry',
        organisationIds: [org.police],
        from: '2026-09-15',
        factOrOpinion: 'opinion',
      });
      assert.deepEqual(
        chronology.entries.map((e) => e.eventDate),
        ['2026-09-16'],
      );
      const csv = chronologyCsv(chronology.entries);
      assert.match(csv, /,"'=HYPERLINK\(""http:\/\/evil\.example""\)",/);
      const groups = await findChronology(app.deps, samPatel, {
        personId: people.samTaylor,
        purpose: 's47_enquiry',
        fieldGroups: ['physical_health'],
      });
      assert.deepEqual(
        groups.entries.map((e) => e.fieldGroup),
        ['physical_health'],
      );
      const [last] = (await viewedEvents()).slice(-1);
      assert.deepEqual(last!.disclosed, ['physical_health'], 'a field group filter narrows the read itself');
    });
  });
}
