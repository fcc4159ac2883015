import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { org } from '../../../test/support/northshire-flows.ts';
import {
  children,
  insertSubjectRecords,
  northshireRecords,
} from '../../../test/support/northshire-records.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { createPartnership } from '../partnership/create-partnership.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { Purpose } from './purposes.ts';
import { createScopedReader } from './scoped-reader.ts';

const southvaleId = '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01' as PartnershipId;

for (const kind of testDatabaseKinds()) {
  describe(`the scoped reader: the only way to subject data (${kind})`, () => {
    let app: TestApp;
    let samPatel: UserActor;
    let graceObi: UserActor;
    let joBaker: UserActor;
    let alexMorgan: UserActor;
    before(async () => {
      app = await createTestApp(kind);
      const persona = (email: string) => actorByEmail(app.database.db, email);
      samPatel = await persona('sam.patel@northshire.example');
      graceObi = await persona('grace.obi@northshire.example');
      joBaker = await persona('jo.baker@northshire.example');
      alexMorgan = await persona('alex.morgan@northshire.example');
      await insertSubjectRecords(app.database.db, northshireRecords);
      // Southvale holds something about a child with the same key, under an organisation id that
      // happens to equal Northshire's council: neither may ever surface in Northshire.
      await createPartnership(app.deps, systemActor(southvaleId, 'test'), {
        id: southvaleId,
        name: 'Southvale',
      });
      await insertSubjectRecords(app.database.db, [
        {
          subjectId: children.samTaylor,
          holder: org.childrensServices,
          fieldGroup: 'social_care_involvement',
          kind: 'cp_plan',
          summary: 'Southvale child protection plan',
          eventDate: '2026-10-30',
          partnershipId: southvaleId,
        },
      ]);
    });
    after(() => app.close());

    const reader = (actor: UserActor, purpose: Purpose) => createScopedReader(app.deps, actor, purpose);
    const lastEvent = async (action: string) => {
      const [row] = await queryRows<{
        actor_id: string;
        outcome: string;
        subject_id: string;
        purpose: string;
        agreement_id: string | null;
        disclosed: string[] | null;
        details: Record<string, unknown>;
      }>(
        app.database.db,
        sql`select actor_id, outcome, subject_id, purpose, agreement_id, disclosed, details
            from audit_event where action = ${action} order by id desc limit 1`,
      );
      return row!;
    };

    test("a social worker on a s47 enquiry sees what T2-014, T2-031 and the council's own records allow, and nothing else", async () => {
      const view = await reader(samPatel, 's47_enquiry').readSubjectRecords(children.samTaylor);
      const pairs = view.records.map((r) => `${r.holderName}: ${r.fieldGroup}`).sort();
      assert.deepEqual(pairs, [
        "Northshire County Council Children's Services: social_care_involvement",
        'Northshire Hospitals NHS Foundation Trust: mental_health',
        'Northshire Hospitals NHS Foundation Trust: physical_health',
        'Northshire Police: domestic_abuse_notifications',
        'Northshire Police: identity',
        'Northshire Police: police_incidents',
        'Riverside Primary School: attendance_exclusions',
        'Riverside Primary School: education',
      ]);
      const camhs = view.records.find((r) => r.kind === 'camhs_referral')!;
      assert.deepEqual(
        [camhs.eventDate, camhs.recordedAt.toISOString(), camhs.payload, camhs.factOrOpinion],
        ['2026-10-01', '2026-10-01T12:00:00.000Z', { summary: 'Referred to CAMHS: low mood' }, 'opinion'],
      );
      const dates = view.records.map((r) => r.eventDate!);
      assert.deepEqual(dates, [...dates].sort().reverse(), 'newest event first');
      assert.ok(!JSON.stringify(view).includes('temporary accommodation'), 'housing has not started sharing');
      assert.ok(!JSON.stringify(view).includes('Southvale'), 'another partnership never shows');
      const police = view.disclosures.find((d) => d.fieldGroup === 'police_incidents')!;
      assert.equal(police.decision.agreement?.reference, 'T2-014');
      assert.match(
        police.explanation,
        /^Shown because agreement T2-014 \(s47 enquiries, Northshire Police →/,
      );
      const own = view.disclosures.find((d) => d.fieldGroup === 'social_care_involvement')!;
      assert.deepEqual([own.decision.reason, own.decision.agreement], ['own_organisation', null]);
    });

    test('the read is audited with the field groups disclosed, the purpose and the agreements relied on', async () => {
      await reader(samPatel, 's47_enquiry').readSubjectRecords(children.samTaylor);
      const event = await lastEvent('subject.viewed');
      assert.equal(event.actor_id, samPatel.userId);
      assert.deepEqual(
        [event.outcome, event.subject_id, event.purpose],
        ['success', children.samTaylor, 's47_enquiry'],
      );
      assert.deepEqual(event.disclosed, [
        'attendance_exclusions',
        'domestic_abuse_notifications',
        'education',
        'identity',
        'mental_health',
        'physical_health',
        'police_incidents',
        'social_care_involvement',
      ]);
      const agreements = event.details.agreements as { reference: string; flowId: string; version: number }[];
      assert.deepEqual(
        agreements.map((a) => `${a.reference} v${a.version} ${a.flowId}`),
        ['T2-014 v2 T2-014-F1', 'T2-014 v2 T2-014-F2', 'T2-031 v1 T2-031-F2'],
      );
      assert.equal(event.agreement_id, null, 'two agreements: the column holds one, the details hold all');
      assert.equal(event.details.records, 8);
    });

    test('asking for some field groups reads and discloses only those', async () => {
      const view = await reader(samPatel, 's47_enquiry').readSubjectRecords(children.samTaylor, {
        fieldGroups: ['police_incidents'],
      });
      assert.deepEqual(
        view.records.map((r) => r.fieldGroup),
        ['police_incidents'],
      );
      assert.deepEqual((await lastEvent('subject.viewed')).disclosed, ['police_incidents']);
      assert.equal((await lastEvent('subject.viewed')).agreement_id, 'agreement-T2-014');
    });

    test("a school's safeguarding lead on early help sees her own records and what T2-031 shares, never the trust's", async () => {
      const view = await reader(joBaker, 'early_help').readSubjectRecords(children.samTaylor);
      assert.deepEqual(
        view.records
          .map((r) => `${r.holderOrganisationId === org.school ? 'school' : 'council'}: ${r.fieldGroup}`)
          .sort(),
        ['council: social_care_involvement', 'school: attendance_exclusions', 'school: education'],
      );
      const text = JSON.stringify(view);
      for (const hidden of [org.trust, org.police, 'CAMHS', 'mental_health', 'Domestic incident'])
        assert.ok(!text.includes(hidden), `nothing hints at ${hidden}`);
    });

    test('no such child and a child that is not yours answer the same not found, each audited with its reason', async () => {
      const school = reader(joBaker, 'early_help');
      const notYours = await school.readSubjectRecords(children.miaHughes).catch((e: unknown) => e);
      const reasonOf = async () => (await lastEvent('access.denied')).details.reason;
      assert.equal(await reasonOf(), 'nothing_disclosable');
      const missing = await school.readSubjectRecords(children.nobody).catch((e: unknown) => e);
      assert.equal(await reasonOf(), 'no_such_subject');
      for (const error of [notYours, missing]) assert.equal((error as { code: string }).code, 'not_found');
      assert.deepEqual(
        [(notYours as Error).message, (notYours as Error).name],
        [(missing as Error).message, (missing as Error).name],
      );
      const denied = await lastEvent('access.denied');
      assert.deepEqual(
        [denied.outcome, denied.subject_id, denied.purpose],
        ['denied', children.nobody, 'early_help'],
      );
    });

    test('an administrator reads nothing, whatever the purpose, and the refusal is audited', async () => {
      for (const purpose of ['s47_enquiry', 'early_help'] as const) {
        await assert.rejects(reader(alexMorgan, purpose).readSubjectRecords(children.samTaylor), {
          code: 'not_found',
        });
        assert.equal((await lastEvent('access.denied')).details.reason, 'role_not_permitted');
      }
    });

    test('the system has no role and no purpose: it reaches subject data only by an unsafe* path', async () => {
      const system = systemActor(samPatel.partnershipId, 'test');
      await assert.rejects(
        createScopedReader(app.deps, system, 's47_enquiry').readSubjectRecords(children.samTaylor),
        { code: 'not_found' },
      );
      assert.equal((await lastEvent('access.denied')).details.reason, 'system_actor');
    });

    test('an agreement stops disclosing at the instant it expires', async () => {
      const screening = reader(graceObi, 'front_door_screening');
      const now = app.clock.now();
      try {
        app.clock.set(new Date('2026-03-31T22:59:59Z'));
        const before_ = await screening.readSubjectRecords(children.samTaylor, {
          fieldGroups: ['police_incidents'],
        });
        assert.equal(before_.disclosures[0]?.decision.agreement?.reference, 'T2-007');
        app.clock.set(new Date('2026-03-31T23:00:00Z'));
        await assert.rejects(
          screening.readSubjectRecords(children.samTaylor, { fieldGroups: ['police_incidents'] }),
          { code: 'not_found' },
        );
      } finally {
        app.clock.set(now);
      }
    });

    test('if the audit event cannot be written, the read fails and returns nothing', async () => {
      const db = app.database.db;
      await db.execute(
        sql.raw(`create function test_fail_view() returns trigger language plpgsql as $$
          begin raise exception 'audit store unavailable'; end $$`),
      );
      await db.execute(
        sql.raw(`create trigger test_fail_view before insert on audit_event for each row
                 when (new.action = 'subject.viewed') execute function test_fail_view()`),
      );
      try {
        const before_ = await app.count('audit_event');
        await assert.rejects(reader(samPatel, 's47_enquiry').readSubjectRecords(children.samTaylor));
        assert.equal(await app.count('audit_event'), before_);
      } finally {
        await db.execute(sql.raw('drop trigger test_fail_view on audit_event'));
        await db.execute(sql.raw('drop function test_fail_view()'));
      }
    });
  });
}
