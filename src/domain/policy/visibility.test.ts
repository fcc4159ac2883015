import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import {
  flowInForce,
  northshireFlows,
  northshirePartnershipId,
  org,
} from '../../../test/support/northshire-flows.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { subjectRecord } from '../records/schema.ts';
import { queryRows } from '../shared/database.ts';
import type { OrganisationId } from '../shared/ids.ts';
import { recordConsent, type RecordConsentInput } from '../consent/record-consent.ts';
import { withdrawConsent } from '../consent/withdraw-consent.ts';
import { liftAccessLimit, recordAccessGrant, recordAccessLimit, revokeAccessGrant } from './access-grants.ts';
import type { FieldGroup } from './field-groups.ts';
import { staticFlowsInForce } from './flows-in-force-source.ts';
import { createScopedReader } from './scoped-reader.ts';
import {
  decideRecordVisibility,
  liveGrantsAndLimitsColumn,
  parseLiveGrantsAndLimits,
  textArray,
  visibleRecordFilter,
  type Visibility,
} from './visibility.ts';

// The test app's clock stands at 2026-11-02T09:00Z.
const yesterday = new Date('2026-11-01T09:00:00Z');
const tomorrow = new Date('2026-11-03T09:00:00Z');
const anHourAgo = new Date('2026-11-02T08:00:00Z');

// A flow resting on consent alone (UK GDPR Art 6(1)(a)): the trust shares physical health with
// the school for early help only because the family agreed.
const consentFlow = flowInForce({
  reference: 'T2-090',
  title: 'Health information for early help, with consent',
  flow: 'F1',
  from: org.trust,
  to: org.school,
  purposes: ['early_help'],
  fieldGroups: ['physical_health'],
  gatewayIds: ['UKGDPR-6-1-a'],
});

for (const kind of testDatabaseKinds()) {
  describe(`grants minus limits, through the scoped reader (${kind})`, () => {
    let app: TestApp;
    let samPatel: UserActor;
    let dcJones: UserActor;
    let nurseWalsh: UserActor;
    let joBaker: UserActor;
    /** Sam's agency person at each holder. */
    let sam: Map<string, string>;

    before(async () => {
      app = await createTestApp(kind, {
        flowsInForce: staticFlowsInForce([...northshireFlows, consentFlow]),
      });
      const persona = (email: string) => actorByEmail(app.database.db, email);
      samPatel = await persona('sam.patel@northshire.example');
      dcJones = await persona('dc.jones@northshire.example');
      nurseWalsh = await persona('nurse.walsh@northshire.example');
      joBaker = await persona('jo.baker@northshire.example');
      await insertPeople(app.database.db);
      const rows = await queryRows<{ id: string; organisation_id: string }>(
        app.database.db,
        sql`select ap.id, ap.organisation_id from person_link l
            join agency_person ap on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
            where l.person_id = ${people.samTaylor}`,
      );
      sam = new Map(rows.map((r) => [r.organisation_id, r.id]));
    });
    after(() => app.close());

    const groupsSeen = async (actor: UserActor, purpose: Parameters<typeof createScopedReader>[2]) => {
      try {
        const read = await createScopedReader(app.deps, actor, purpose).readPersonRecords(people.samTaylor);
        return new Set(read.records.map((r) => `${r.holderOrganisationId}|${r.fieldGroup}`));
      } catch {
        return new Set<string>();
      }
    };
    const lastViewed = async () =>
      (
        await queryRows<{ details: { grants?: { grantId: string; setAsideLimitIds: string[] }[] } }>(
          app.database.db,
          sql`select details from audit_event where action = 'subject.viewed' order by id desc limit 1`,
        )
      )[0]!.details;
    const inTx = <T>(fn: (tx: TestApp['database']['db']) => Promise<T>) => app.database.db.transaction(fn);

    test('a disclosure shows the recipient the chosen field groups of that one child, until it ends', async () => {
      const key = `${org.childrensServices}|social_care_involvement`;
      assert.ok(!(await groupsSeen(nurseWalsh, 'child_protection_conference')).has(key));
      const grantId = await inTx((tx) =>
        recordAccessGrant(tx, samPatel, {
          kind: 'disclosure',
          granteeOrganisationId: org.trust,
          purpose: 'child_protection_conference',
          holderOrganisationId: org.childrensServices,
          subjectIds: [sam.get(org.childrensServices)!],
          fieldGroups: ['social_care_involvement'],
          basisGatewayIds: ['UKGDPR-6-1-e', 'DPA2018-S1-P18'],
          reason: 'Health visitor to attend the conference',
          startsAt: yesterday,
          expiresAt: tomorrow,
        }),
      );
      const seen = await groupsSeen(nurseWalsh, 'child_protection_conference');
      assert.ok(seen.has(key), 'the disclosed group is shown');
      assert.ok(!seen.has(`${org.childrensServices}|mental_health`), 'nothing beyond the chosen groups');
      assert.deepEqual(
        (await lastViewed()).grants?.map((g) => g.grantId),
        [grantId],
        'the view names the grant it relied on',
      );
      // Not for another purpose, nor another child.
      assert.ok(!(await groupsSeen(nurseWalsh, 'early_help')).has(key));
      await inTx((tx) => revokeAccessGrant(tx, samPatel, grantId, app.deps.clock.now()));
      assert.ok(!(await groupsSeen(nurseWalsh, 'child_protection_conference')).has(key), 'revoked');
    });

    test('an expired grant shows nothing', async () => {
      const key = `${org.childrensServices}|social_care_involvement`;
      await inTx((tx) =>
        recordAccessGrant(tx, samPatel, {
          kind: 'disclosure',
          granteeOrganisationId: org.trust,
          holderOrganisationId: org.childrensServices,
          subjectIds: [sam.get(org.childrensServices)!],
          fieldGroups: ['social_care_involvement'],
          basisGatewayIds: ['UKGDPR-6-1-e'],
          reason: 'Expired disclosure',
          startsAt: yesterday,
          expiresAt: anHourAgo,
        }),
      );
      assert.ok(!(await groupsSeen(nurseWalsh, 'child_protection_conference')).has(key));
    });

    test('a restriction hides the holder’s records from everyone else, and the holder keeps seeing them', async () => {
      const key = `${org.police}|police_incidents`;
      assert.ok((await groupsSeen(samPatel, 's47_enquiry')).has(key));
      const limitId = await inTx((tx) =>
        recordAccessLimit(tx, dcJones, {
          kind: 'restriction',
          holderOrganisationId: org.police,
          subjectId: sam.get(org.police)!,
          reason: 'Accuracy contested (UK GDPR Art 18(1)(a))',
          startsAt: yesterday,
        }),
      );
      assert.ok(!(await groupsSeen(samPatel, 's47_enquiry')).has(key), 'restricted for the council');
      assert.ok((await groupsSeen(dcJones, 's47_enquiry')).has(key), 'the holder still sees its own');
      // The records endpoint and "why can I see this" read through the same filter.
      const reader = createScopedReader(app.deps, samPatel, 's47_enquiry');
      const records = await reader.readSubjectRecords(sam.get(org.police)!).catch(() => undefined);
      assert.equal(records, undefined, 'nothing of the police record for the council: not found');
      await inTx((tx) => liftAccessLimit(tx, dcJones, limitId, app.deps.clock.now()));
      assert.ok((await groupsSeen(samPatel, 's47_enquiry')).has(key), 'lifted');
    });

    // A consent the trust records for Sam (consent/record-consent.ts), `over` its usual scope.
    const trustConsent = (over: Partial<RecordConsentInput> = {}) =>
      recordConsent(app.deps, nurseWalsh, {
        personId: people.samTaylor,
        givenBy: 'person_with_parental_responsibility',
        giver: { name: 'Kelly Taylor', relationship: 'Mother', parentalResponsibility: 'mother' },
        organisationIds: [org.school],
        purposes: ['early_help'],
        fieldGroups: ['physical_health'],
        evidence: { form: 'written', reference: 'EH-CONSENT-1' },
        givenAt: yesterday,
        expiresAt: tomorrow,
        ...over,
      });
    const withdraw = (consentId: string) =>
      withdrawConsent(app.deps, nurseWalsh, {
        consentId,
        withdrawnBy: 'person_with_parental_responsibility',
        form: 'verbal',
      });

    test('a share resting on consent alone needs a consent in force for that child, organisation, purpose and category', async () => {
      const key = `${org.trust}|physical_health`;
      assert.ok(!(await groupsSeen(joBaker, 'early_help')).has(key), 'no consent: not seen');
      assert.ok((await groupsSeen(samPatel, 's47_enquiry')).has(key), 'the public-task share needs none');
      const { consent } = await trustConsent();
      const seen = await groupsSeen(joBaker, 'early_help');
      assert.ok(seen.has(key), 'consent given: seen');
      await withdraw(consent.id);
      assert.ok(!(await groupsSeen(joBaker, 'early_help')).has(key), 'withdrawn: not seen, at once');
      assert.ok((await groupsSeen(samPatel, 's47_enquiry')).has(key), 'the public-task share goes on');
    });

    test('a consent expired, or naming another organisation, purpose or category, does not cover the share', async () => {
      const key = `${org.trust}|physical_health`;
      const consents = [
        await trustConsent({ expiresAt: anHourAgo }),
        await trustConsent({ organisationIds: [org.police] }),
        await trustConsent({ purposes: ['child_in_need_assessment'] }),
        await trustConsent({ fieldGroups: ['mental_health'] }),
      ];
      assert.ok(!(await groupsSeen(joBaker, 'early_help')).has(key));
      for (const { consent } of consents.slice(1)) await withdraw(consent.id);
    });

    test('a disclosure resting on consent needs one too; withdrawal tells its recipient’s data protection officer', async () => {
      // The council holds Sam's child protection status; no agreement gives it to the school.
      const key = `${org.childrensServices}|child_protection_status`;
      await inTx((tx) =>
        recordAccessGrant(tx, samPatel, {
          kind: 'disclosure',
          granteeOrganisationId: org.school,
          purpose: 'early_help',
          holderOrganisationId: org.childrensServices,
          subjectIds: [sam.get(org.childrensServices)!],
          fieldGroups: ['child_protection_status'],
          basisGatewayIds: ['UKGDPR-6-1-a'],
          reason: 'Mother agreed the school may know the plan has ended',
          startsAt: yesterday,
          expiresAt: tomorrow,
        }),
      );
      assert.ok(!(await groupsSeen(joBaker, 'early_help')).has(key), 'no consent: not seen');
      const { consent } = await recordConsent(app.deps, samPatel, {
        personId: people.samTaylor,
        givenBy: 'child',
        competence: { assessedBy: 'Sam Patel, social worker', assessedAt: yesterday, test: 'gillick' },
        organisationIds: [org.school],
        purposes: ['early_help'],
        fieldGroups: ['child_protection_status'],
        evidence: { form: 'verbal', reference: 'Case note 2026-11-01' },
        givenAt: yesterday,
        expiresAt: tomorrow,
      });
      assert.ok((await groupsSeen(joBaker, 'early_help')).has(key), 'with consent: seen');
      const withdrawn = await withdrawConsent(app.deps, samPatel, {
        consentId: consent.id,
        withdrawnBy: 'child',
        form: 'verbal',
      });
      assert.deepEqual(withdrawn.notifiedOrganisationIds, [org.school]);
      assert.ok(!(await groupsSeen(joBaker, 'early_help')).has(key), 'withdrawn: not seen');
      const alerts = await queryRows<{ recipient_role: string; content: { consentId: string } }>(
        app.database.db,
        sql`select recipient_role, content from alert
            where kind = 'consent_withdrawn' and recipient_organisation_id = ${org.school}
              and source_id = ${consent.id}`,
      );
      assert.deepEqual(
        alerts.map((a) => [a.recipient_role, a.content.consentId]),
        [['data_protection_officer', consent.id]],
      );
    });

    test('a break-glass is bound to its user, sets limits aside and names them in the audit', async () => {
      const key = `${org.school}|attendance_exclusions`;
      const limitId = await inTx((tx) =>
        recordAccessLimit(tx, joBaker, {
          kind: 'restriction',
          holderOrganisationId: org.school,
          subjectId: sam.get(org.school)!,
          fieldGroups: ['attendance_exclusions'],
          reason: 'Objection under consideration (Art 18(1)(d))',
          startsAt: yesterday,
        }),
      );
      assert.ok(!(await groupsSeen(dcJones, 's47_enquiry')).has(key));
      const grantId = await inTx((tx) =>
        recordAccessGrant(tx, dcJones, {
          kind: 'break_glass',
          granteeOrganisationId: org.police,
          granteeUserId: dcJones.userId,
          subjectIds: [...sam.values()],
          basisGatewayIds: ['UKGDPR-6-1-d'],
          reason: 'Child missing, risk to life',
          startsAt: anHourAgo,
          expiresAt: new Date(anHourAgo.getTime() + 60 * 60 * 1000 + 1),
        }),
      );
      assert.ok((await groupsSeen(dcJones, 's47_enquiry')).has(key), 'the break-glass shows it');
      const grants = (await lastViewed()).grants ?? [];
      assert.deepEqual(
        grants.map((g) => [g.grantId, g.setAsideLimitIds]),
        [[grantId, [limitId]]],
      );
      // Another user of the same organisation is not covered.
      assert.ok(!(await groupsSeen(samPatel, 's47_enquiry')).has(`${org.school}|mental_health`));
      await inTx((tx) => liftAccessLimit(tx, joBaker, limitId, app.deps.clock.now()));
      await inTx((tx) => revokeAccessGrant(tx, dcJones, grantId, app.deps.clock.now()));
    });

    test('a grant that is wider than it says, or ends before it starts, is refused and writes nothing', async () => {
      const before = await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from access_grant`,
      );
      await assert.rejects(
        inTx((tx) =>
          recordAccessGrant(tx, samPatel, {
            kind: 'disclosure',
            granteeOrganisationId: org.trust,
            subjectIds: [sam.get(org.childrensServices)!],
            basisGatewayIds: [],
            reason: 'no holder, no groups',
            startsAt: yesterday,
            expiresAt: tomorrow,
          }),
        ),
        /organisation disclosing/,
      );
      await assert.rejects(
        inTx((tx) =>
          recordAccessGrant(tx, dcJones, {
            kind: 'break_glass',
            granteeOrganisationId: org.police,
            granteeUserId: dcJones.userId,
            subjectIds: [sam.get(org.police)!],
            basisGatewayIds: [],
            reason: 'backwards',
            startsAt: tomorrow,
            expiresAt: yesterday,
          }),
        ),
        /end after it starts/,
      );
      const afterCount = await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from access_grant`,
      );
      assert.equal(afterCount[0]!.n, before[0]!.n);
    });

    test('the SQL filter and the second layer agree on generated grants, limits, consents and scopes', async () => {
      const holders = [org.childrensServices, org.police, org.trust] as OrganisationId[];
      const groups: FieldGroup[] = ['identity', 'police_incidents', 'physical_health'];
      const atMs = new Date('2026-11-02T09:00:00Z').getTime();
      const time = fc.constantFrom(atMs - 3_600_000, atMs - 1, atMs, atMs + 1, atMs + 3_600_000);
      const scenario = fc.record({
        viewer: fc.constantFrom(...holders),
        viewerUser: fc.constantFrom(samPatel.userId, dcJones.userId),
        standing: fc.array(fc.tuple(fc.constantFrom(...holders), fc.constantFrom(...groups)), {
          maxLength: 6,
        }),
        consentOnly: fc.array(fc.tuple(fc.constantFrom(...holders), fc.constantFrom(...groups)), {
          maxLength: 3,
        }),
        requested: fc.subarray(groups, { minLength: 1 }),
        purpose: fc.constantFrom('s47_enquiry' as const, 'early_help' as const),
        grants: fc.array(
          fc.record({
            kind: fc.constantFrom('disclosure' as const, 'break_glass' as const),
            grantee: fc.constantFrom(...holders),
            user: fc.option(fc.constantFrom(samPatel.userId, dcJones.userId), { nil: null }),
            purpose: fc.option(fc.constantFrom('s47_enquiry' as const, 'early_help' as const), { nil: null }),
            holder: fc.constantFrom(...holders),
            subjects: fc.subarray([0, 1], { minLength: 1 }),
            groups: fc.subarray(groups, { minLength: 1 }),
            consent: fc.boolean(),
            starts: time,
            lasts: fc.constantFrom(1, 3_600_000),
            revoked: fc.option(time, { nil: null }),
          }),
          { maxLength: 3 },
        ),
        limits: fc.array(
          fc.record({
            kind: fc.constant('restriction' as const),
            holder: fc.constantFrom(...holders),
            subject: fc.constantFrom(0, 1),
            oneRecord: fc.boolean(),
            groups: fc.option(fc.subarray(groups, { minLength: 1 }), { nil: null }),
            starts: time,
            lifted: fc.option(time, { nil: null }),
          }),
          { maxLength: 3 },
        ),
        consents: fc.array(
          fc.record({
            holder: fc.constantFrom(...holders),
            subjects: fc.subarray([0, 1], { minLength: 1 }),
            organisations: fc.subarray(holders, { minLength: 1 }),
            purposes: fc.subarray(['s47_enquiry', 'early_help'], { minLength: 1 }),
            groups: fc.subarray(groups, { minLength: 1 }),
            given: time,
            lasts: fc.constantFrom(1, 3_600_000),
            withdrawn: fc.option(time, { nil: null }),
          }),
          { maxLength: 3 },
        ),
      });
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const run = randomUUID();
          const subjects = [`${run}-a`, `${run}-b`];
          const records = subjects.flatMap((subjectId) =>
            holders.flatMap((holder) =>
              groups.map((fieldGroup) => ({
                id: randomUUID(),
                subjectId,
                holderOrganisationId: holder,
                fieldGroup,
              })),
            ),
          );
          await app.database.db.insert(subjectRecord).values(
            records.map((r) => ({
              partnershipId: northshirePartnershipId,
              id: r.id,
              subjectId: r.subjectId,
              organisationId: r.holderOrganisationId,
              fieldGroup: r.fieldGroup,
              kind: 'test',
              payload: {},
              recordedAt: new Date(atMs),
              factOrOpinion: 'fact',
              sourceReference: `visibility:${r.id}`,
            })),
          );
          for (const g of s.grants) {
            await app.database.db.execute(sql`insert into access_grant (partnership_id, id, kind,
                grantee_organisation_id, grantee_user_id, purpose, holder_organisation_id, subject_ids,
                field_groups, basis_gateway_ids, reason, created_by_user_id, starts_at, expires_at, revoked_at)
              values (${northshirePartnershipId}, ${randomUUID()}, ${g.kind}, ${g.grantee},
                ${g.kind === 'break_glass' ? (g.user ?? samPatel.userId) : g.user}, ${g.purpose},
                ${g.holder}, ${textArray(g.subjects.map((i) => subjects[i]!))}::text[],
                ${textArray(g.groups)}::text[],
                ${textArray(g.consent ? ['UKGDPR-6-1-a'] : ['UKGDPR-6-1-e'])}::text[], 'generated',
                ${samPatel.userId}, ${new Date(g.starts).toISOString()}::timestamptz,
                ${new Date(g.starts + g.lasts).toISOString()}::timestamptz,
                ${g.revoked === null ? null : new Date(g.revoked).toISOString()}::timestamptz)`);
          }
          for (const x of s.limits) {
            const subjectId = subjects[x.subject]!;
            const record = records.find(
              (r) => r.subjectId === subjectId && r.holderOrganisationId === x.holder,
            )!;
            await app.database.db.execute(sql`insert into access_limit (partnership_id, id, kind,
                holder_organisation_id, subject_id, record_id, field_groups, reason, created_by_user_id,
                starts_at, lifted_at)
              values (${northshirePartnershipId}, ${randomUUID()}, ${x.kind}, ${x.holder}, ${subjectId},
                ${x.oneRecord ? record.id : null},
                ${x.groups === null ? null : textArray(x.groups)}::text[], 'generated', ${samPatel.userId},
                ${new Date(x.starts).toISOString()}::timestamptz,
                ${x.lifted === null ? null : new Date(x.lifted).toISOString()}::timestamptz)`);
          }
          for (const c of s.consents) {
            await app.database.db.execute(sql`insert into consent (partnership_id, id, holder_organisation_id,
                subject_ids, given_by, competence_assessed_by, competence_assessed_at, competence_test,
                organisation_ids, purposes, field_groups, evidence_form, evidence_reference, lawful_basis,
                given_at, expires_at, recorded_at, withdrawn_at, withdrawn_by, withdrawal_form)
              values (${northshirePartnershipId}, ${randomUUID()}, ${c.holder},
                ${textArray(c.subjects.map((i) => subjects[i]!))}::text[], 'child', 'generated',
                ${new Date(c.given).toISOString()}::timestamptz, 'gillick',
                ${textArray(c.organisations)}::uuid[], ${textArray(c.purposes)}::text[],
                ${textArray(c.groups)}::text[], 'written', 'generated', 'consent',
                ${new Date(c.given).toISOString()}::timestamptz,
                ${new Date(c.given + c.lasts).toISOString()}::timestamptz,
                ${new Date(c.given).toISOString()}::timestamptz,
                ${c.withdrawn === null ? null : new Date(c.withdrawn).toISOString()}::timestamptz,
                ${c.withdrawn === null ? null : 'child'}, ${c.withdrawn === null ? null : 'verbal'})`);
          }
          const holdersMap = new Map<OrganisationId, FieldGroup[]>();
          for (const [h, g] of s.standing) holdersMap.set(h, [...new Set([...(holdersMap.get(h) ?? []), g])]);
          const v: Visibility = {
            partnershipId: northshirePartnershipId,
            viewerOrganisationId: s.viewer,
            viewerUserId: s.viewerUser,
            purpose: s.purpose,
            atMs,
            requested: s.requested,
            scope: { holders: holdersMap, consentOnly: new Set(s.consentOnly.map(([h, g]) => `${h}|${g}`)) },
          };
          const bySql = await queryRows<{ id: string }>(
            app.database.db,
            sql`select r.id from subject_record r
                where r.partnership_id = ${northshirePartnershipId}
                  and r.subject_id = any(${textArray(subjects)}::text[]) and ${visibleRecordFilter(v)}`,
          );
          const [row] = await queryRows<{ live: unknown }>(
            app.database.db,
            sql`select ${liveGrantsAndLimitsColumn(v, sql`${textArray(subjects)}::text[]`)} as live`,
          );
          const live = parseLiveGrantsAndLimits(row!.live);
          const byRule = records.filter((r) => decideRecordVisibility(v, r, live).visible).map((r) => r.id);
          assert.deepEqual(bySql.map((r) => r.id).sort(), byRule.sort());
          // The rows stay: each run's children are its own, and a record leaves only by erasure.
        }),
        { numRuns: 60 },
      );
    });
  });
}
