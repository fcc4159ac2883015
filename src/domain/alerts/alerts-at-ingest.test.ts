import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { actorByEmail } from '../../../test/support/actors.ts';
import { csvFile, northshireSystem, openFeedsDatabase, orgId } from '../../../test/support/feed-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { parseFeedMapping, type FeedMapping } from '../feeds/feed-mapping.ts';
import { ingestFeed, type IngestDeps } from '../feeds/ingest-feed.ts';
import { fixedClock } from '../shared/clock.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { escalateUnacknowledgedAlert } from './escalate-unacknowledged-alert.ts';
import { findAlerts } from './find-alerts.ts';
import type { RaisedAlert } from './on-items-ingested.ts';

/**
 * Sam Taylor, 9, is on a child protection plan with Northshire Children's Services, Sam Patel
 * his lead practitioner; Ava Reed, 7, is looked after, her lead (Hannah Price) not a Tessera
 * user. Both attend Riverside Primary. The hospital and the police see them.
 */
const mapping = (
  organisation: string,
  feed: string,
  recordKind: string,
  fieldGroup: string,
  columns: Record<string, string>,
  eventDateColumn?: string,
): FeedMapping =>
  parseFeedMapping({
    organisation: orgId(organisation),
    feed,
    format: 'csv',
    recordKind,
    fieldGroup,
    dataCategory:
      fieldGroup === 'physical_health'
        ? 'special_category'
        : fieldGroup.includes('police') || fieldGroup.includes('domestic')
          ? 'criminal_offence'
          : 'personal',
    personIdColumn: 'person',
    externalIdColumn: 'id',
    dateFormat: 'iso',
    ...(eventDateColumn ? { eventDateColumn } : {}),
    columns: Object.fromEntries(Object.entries(columns).map(([c, key]) => [c, { key, item: 'fact' }])),
  });

const cpStatus = mapping(
  'csc',
  'cp',
  'involvement',
  'child_protection_status',
  { status: 'involvement', start: 'startDate', end: 'endDate' },
  'start',
);
const leads = mapping('csc', 'leads', 'lead_contact', 'lead_contact', {
  lead: 'leadPractitioner',
  email: 'leadPractitionerEmail',
});
const edVisits = mapping(
  'trust',
  'ed',
  'health_contact',
  'physical_health',
  { type: 'contactType', date: 'contactDate' },
  'date',
);
const enrolments = mapping(
  'school',
  'enrol',
  'school_enrolment',
  'education',
  { school: 'school', start: 'startDate' },
  'start',
);
const encompass = mapping(
  'police',
  'da',
  'police_incident',
  'domestic_abuse_notifications',
  { type: 'incidentType', date: 'incidentDate', present: 'childPresent' },
  'date',
);

for (const kind of testDatabaseKinds()) {
  describe(`alerts raised at ingest (${kind})`, () => {
    let database: DatabaseHandle;
    let deps: IngestDeps;
    const clock = fixedClock(new Date('2026-11-20T18:00:00Z'));
    const raisedAfterCommit: RaisedAlert[] = [];
    const ingest = (m: FeedMapping, ...lines: string[]) =>
      ingestFeed(deps, northshireSystem, {
        organisationId: m.organisation,
        mapping: m,
        source: [Buffer.from(csvFile(...lines))],
      });
    /** One person known to several agencies, as linkage would place them. */
    const link = async (...agencyPersons: [string, string][]) => {
      const person = randomUUID();
      for (const [org, ext] of agencyPersons)
        await database.db.execute(
          sql`insert into person_link (partnership_id, agency_person_id, person_id, match_probability, linked_by, linked_at)
              select partnership_id, id, ${person}, 1, 'first', now() from agency_person
              where organisation_id = ${orgId(org)} and external_person_id = ${ext}
              on conflict (partnership_id, agency_person_id) do update set person_id = excluded.person_id`,
        );
    };
    const alerts = () =>
      queryRows<{
        kind: string;
        recipient_user_id: string | null;
        recipient_role: string | null;
        recipient_organisation_id: string;
        content: Record<string, unknown>;
        source_id: string;
        acknowledge_by: Date | string | null;
        id: string;
      }>(
        database.db,
        sql`select id::text, kind, recipient_user_id::text, recipient_role, recipient_organisation_id::text, content, source_id, acknowledge_by
            from alert order by kind, raised_at, id`,
      );

    before(async () => {
      ({ database, deps } = await openFeedsDatabase(kind));
      deps = {
        ...deps,
        clock,
        afterAlertsRaised: async (_p, raised) => void raisedAfterCommit.push(...raised),
      };
      await ingest(
        cpStatus,
        'person,id,status,start,end',
        'C1,CP1,child_protection_plan,2026-01-10,',
        'C2,CP2,looked_after,2025-05-01,',
        'C3,CP3,child_protection_plan,2025-01-01,2025-06-30',
      );
      await ingest(
        leads,
        'person,id,lead,email',
        'C1,L1,Sam Patel,Sam.Patel@northshire.example',
        'C2,L2,Hannah Price,hannah.price@northshire.example',
      );
      await ingest(
        enrolments,
        'person,id,school,start',
        'S1,E1,Riverside Primary School,2025-09-03',
        'S2,E2,Riverside Primary School,2025-09-03',
      );
      // The hospital and the police hold the children under their own ids; the contacts come later.
      await ingest(
        edVisits,
        'person,id,type,date',
        'T1,OLD1,health_visitor_contact,2026-01-01',
        'T2,OLD2,health_visitor_contact,2026-01-01',
        'T3,OLD3,health_visitor_contact,2026-01-01',
      );
      await ingest(encompass, 'person,id,type,date,present', 'P1,OLDDA,domestic_abuse,2026-01-01,no');
      await link(['csc', 'C1'], ['trust', 'T1'], ['school', 'S1'], ['police', 'P1']);
      await link(['csc', 'C2'], ['trust', 'T2'], ['school', 'S2']);
      await link(['csc', 'C3'], ['trust', 'T3']);
    });
    after(() => database.close());

    test('an ED attendance of a flagged child alerts the lead practitioner once, with which agency, when and what kind only', async () => {
      const file = [
        'person,id,type,date',
        'T1,V1,ed_attendance,2026-11-19',
        'T1,V2,health_visitor_contact,2026-11-19',
        'T3,V3,ed_attendance,2026-11-19',
      ];
      await ingest(edVisits, ...file);
      await ingest(edVisits, ...file);
      // A corrected item is a changed item, not a new contact: nothing more is raised.
      await ingest(edVisits, 'person,id,type,date', 'T1,V1,ed_attendance,2026-11-18');
      const sam = await actorByEmail(database.db, 'sam.patel@northshire.example');
      const contact = (await alerts()).filter((a) => a.kind === 'contact_with_flagged_child');
      const v1 = contact.filter((a) => a.recipient_user_id === sam.userId);
      assert.equal(
        v1.length,
        1,
        'one alert for V1, to Sam Patel; none for a scheduled visit or an ended plan',
      );
      assert.deepEqual(v1[0]!.content, {
        flag: 'child_protection_plan',
        contactBy: { organisationId: orgId('trust'), name: 'Northshire Hospitals NHS Foundation Trust' },
        contactKind: 'emergency_department_attendance',
        contactAt: '2026-11-19',
      });
      assert.equal(contact.length, 1, 'C3’s plan ended in 2025: no alert');
      assert.ok(
        raisedAfterCommit.some((r) => r.id === v1[0]!.id),
        'handed to the jobs after commit',
      );
    });

    test('a lead practitioner who is not a Tessera user: the flagging council’s team managers are alerted', async () => {
      await ingest(edVisits, 'person,id,type,date', 'T2,V4,ed_attendance,2026-11-19');
      const [alert] = (await alerts()).filter(
        (a) => a.kind === 'contact_with_flagged_child' && a.recipient_role !== null,
      );
      assert.deepEqual(
        [alert?.recipient_role, alert?.recipient_organisation_id, alert?.content.flag],
        ['team_manager', orgId('csc'), 'looked_after'],
      );
      const tom = await actorByEmail(database.db, 'tom.reid@northshire.example');
      const inbox = await findAlerts({ ...deps }, tom);
      assert.ok(inbox.alerts.some((a) => a.id === alert!.id && a.child?.purpose === 'looked_after_care'));
    });

    test('inbox: only the recipient’s; another organisation’s alert is not found, and acknowledgement is audited', async () => {
      const sam = await actorByEmail(database.db, 'sam.patel@northshire.example');
      const jo = await actorByEmail(database.db, 'jo.baker@northshire.example');
      const samInbox = await findAlerts(deps, sam);
      assert.equal(samInbox.unacknowledged, 1);
      const [first] = samInbox.alerts;
      assert.ok(first?.child, 'the child is a link to open through the view');
      assert.equal(JSON.stringify(samInbox).includes('Taylor'), false);
      await assert.rejects(
        acknowledgeAlert(deps, jo, first.id),
        (e: unknown) => e instanceof DomainError && e.code === 'not_found',
      );
      await assert.rejects(
        acknowledgeAlert(deps, sam, 'not-an-id'),
        (e: unknown) => e instanceof DomainError && e.code === 'not_found',
      );
      assert.equal(
        (await findAlerts(deps, jo)).alerts.some((a) => a.id === first.id),
        false,
      );
      await acknowledgeAlert(deps, sam, first.id);
      await acknowledgeAlert(deps, sam, first.id);
      const after = await findAlerts(deps, sam);
      assert.equal(after.unacknowledged, 0);
      assert.equal(after.alerts[0]!.acknowledgedBy, 'Sam Patel');
      const events = await queryRows<{ action: string }>(
        database.db,
        sql`select action from audit_event
            where action = 'alert.acknowledged' or (action = 'access.denied' and details->>'attempted' = 'alert.acknowledge')`,
      );
      assert.equal(
        events.filter((e) => e.action === 'alert.acknowledged').length,
        1,
        'acknowledged once, audited once',
      );
      assert.equal(events.filter((e) => e.action === 'access.denied').length, 2, 'each refusal audited');
    });

    test('Operation Encompass: Friday evening’s notice is due at Riverside’s Monday start, and escalates if unacknowledged', async () => {
      // Friday 20 November 2026, 18:00 GMT.
      await ingest(
        encompass,
        'person,id,type,date,present',
        'P1,DA1,domestic_abuse,2026-11-20,yes',
        'P1,DA2,domestic_abuse,2026-11-20,no',
      );
      const notices = (await alerts()).filter((a) => a.kind === 'operation_encompass');
      assert.equal(notices.length, 1, 'a child present only');
      const notice = notices[0]!;
      assert.equal(notice.recipient_organisation_id, orgId('school'));
      assert.equal(notice.recipient_role, 'designated_safeguarding_lead');
      assert.equal(new Date(notice.acknowledge_by!).toISOString(), '2026-11-23T08:40:00.000Z');
      assert.equal(notice.content.schoolDay, '2026-11-23');
      assert.ok(
        raisedAfterCommit.some(
          (r) => r.id === notice.id && r.acknowledgeBy?.toISOString() === '2026-11-23T08:40:00.000Z',
        ),
      );
      clock.set(new Date('2026-11-23T08:00:00Z'));
      assert.equal(
        await escalateUnacknowledgedAlert(deps, {
          partnershipId: northshireSystem.partnershipId,
          alertId: notice.id,
        }),
        null,
        'not yet due',
      );
      clock.set(new Date('2026-11-23T08:41:00Z'));
      const escalated = await escalateUnacknowledgedAlert(deps, {
        partnershipId: northshireSystem.partnershipId,
        alertId: notice.id,
      });
      assert.ok(escalated);
      assert.equal(
        await escalateUnacknowledgedAlert(deps, {
          partnershipId: northshireSystem.partnershipId,
          alertId: notice.id,
        }),
        null,
        'once',
      );
      const [up] = (await alerts()).filter((a) => a.kind === 'operation_encompass_unacknowledged');
      assert.deepEqual(
        [up?.recipient_organisation_id, up?.recipient_role, up?.content.alertId],
        [orgId('school'), 'team_manager', notice.id],
      );
    });

    test('an acknowledged notice is not escalated; the Christmas break and an INSET day push the deadline on', async () => {
      clock.set(new Date('2026-12-18T19:30:00Z'));
      await ingest(encompass, 'person,id,type,date,present', 'P1,DA3,domestic_abuse,2026-12-18,yes');
      const notice = (await alerts()).find(
        (a) => a.kind === 'operation_encompass' && a.content.incidentAt === '2026-12-18',
      )!;
      // Term ends 18 Dec; 5 Jan is Riverside's INSET day: due at the start of 6 January.
      assert.equal(new Date(notice.acknowledge_by!).toISOString(), '2027-01-06T08:40:00.000Z');
      const jo = await actorByEmail(database.db, 'jo.baker@northshire.example');
      await acknowledgeAlert(deps, jo, notice.id);
      clock.set(new Date('2027-01-06T09:00:00Z'));
      assert.equal(
        await escalateUnacknowledgedAlert(deps, {
          partnershipId: northshireSystem.partnershipId,
          alertId: notice.id,
        }),
        null,
      );
    });
  });
}
