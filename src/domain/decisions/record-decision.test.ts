import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { org } from '../../../test/support/northshire-flows.ts';
import { insertPeople, northshirePeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { catalogueGatewayDirectory } from '../agreements/catalogue-gateway-directory.ts';
import { createPartnership } from '../partnership/create-partnership.ts';
import type { Purpose } from '../policy/purposes.ts';
import { createScopedReader } from '../policy/scoped-reader.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { findDecisionsAboutChild, getDecision } from './find-decisions.ts';
import { recordDecision, reopenDecision, type DecisionDeps } from './record-decision.ts';

const southvaleId = '5a0e0000-0000-4000-8000-000000000001' as PartnershipId;
/** A second child the council holds: a disclosure about Sam must show nothing of them. */
const lilyPerson = '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a07';
/** A child known only in Southvale. */
const southvaleChild = '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a08';

const shareWithTrust = {
  personId: people.samTaylor as string,
  purpose: 'child_protection_conference',
  decision: 'share',
  recipientOrganisationId: org.trust,
  fieldGroups: [
    { group: 'social_care_involvement', justification: 'The health visitor attends the conference' },
  ],
  lawfulBasis: ['UKGDPR-6-1-e'],
  method: 'secure_email',
  reasons: 'The conference needs the plan history from every agency involved',
  familyTold: 'yes',
  advisedBy: 'Tom Reid, team manager',
};

for (const kind of testDatabaseKinds()) {
  describe(`recording a decision to share or not to share (${kind})`, () => {
    let app: TestApp;
    let deps: DecisionDeps;
    let samPatel: UserActor;
    let nurseWalsh: UserActor;
    let dcJones: UserActor;
    let danaOkafor: UserActor;
    let benCarter: UserActor;

    before(async () => {
      app = await createTestApp(kind);
      deps = { ...app.deps, gateways: catalogueGatewayDirectory(app.database.db) };
      const persona = (email: string) => actorByEmail(app.database.db, email);
      samPatel = await persona('sam.patel@northshire.example');
      nurseWalsh = await persona('nurse.walsh@northshire.example');
      dcJones = await persona('dc.jones@northshire.example');
      danaOkafor = await persona('dana.okafor@northshire.example');
      benCarter = await persona('ben.carter@northshire.example');
      await insertPeople(app.database.db);
      const samAtCouncil = northshirePeople.find(
        (p) => p.personId === people.samTaylor && p.holder === org.childrensServices,
      )!;
      await insertPeople(app.database.db, [
        {
          ...samAtCouncil,
          personId: lilyPerson,
          externalPersonId: 'CSC-2002',
          identity: { firstName: 'Lily', lastName: 'Stone', dob: '2016-02-01' },
        },
      ]);
      await createPartnership(app.deps, systemActor(southvaleId, 'test'), {
        id: southvaleId,
        name: 'Southvale',
      });
      await insertPeople(app.database.db, [{ ...samAtCouncil, personId: southvaleChild }], southvaleId);
    });
    after(() => app.close());

    const groupsSeen = async (actor: UserActor, personId: string, purpose: Purpose) => {
      try {
        const read = await createScopedReader(app.deps, actor, purpose).readPersonRecords(personId);
        return new Set(read.records.map((r) => `${r.holderOrganisationId}|${r.fieldGroup}`));
      } catch {
        return new Set<string>();
      }
    };
    /** A reopening names no child: it is the reopened decision's. */
    const { personId: _child, ...reopenBody } = shareWithTrust;
    const counts = async () => ({
      decisions: await app.count('decision_record'),
      grants: await app.count('access_grant'),
      alerts: await app.count('alert'),
      events: await app.count('audit_event'),
    });
    const refusedFields = async (actor: UserActor, input: unknown) => {
      const before_ = await counts();
      const error = await recordDecision(deps, actor, input).then(
        () => assert.fail('expected a refusal'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof DomainError && error.code === 'validation_failed', String(error));
      assert.deepEqual(await counts(), before_, 'nothing written');
      return (error.fields ?? []).map((f) => `${f.field}: ${f.problem}`);
    };

    test('a share discloses exactly the chosen groups of that one child, through the reader, until it ends or is corrected', async () => {
      const key = `${org.childrensServices}|social_care_involvement`;
      assert.ok(!(await groupsSeen(nurseWalsh, people.samTaylor, 'child_protection_conference')).has(key));
      const before_ = await counts();
      const { record, created } = await recordDecision(deps, samPatel, shareWithTrust);
      assert.equal(created, true);
      assert.equal(record.version, 1);
      assert.equal(record.outsideAgreements, true, 'no agreement carries the council’s records to the trust');
      assert.ok(record.grantId);
      const after_ = await counts();
      assert.equal(after_.decisions, before_.decisions + 1);
      assert.equal(after_.grants, before_.grants + 1);
      assert.equal(after_.alerts, before_.alerts + 2, 'both organisations’ DPOs are told');

      const seen = await groupsSeen(nurseWalsh, people.samTaylor, 'child_protection_conference');
      assert.ok(seen.has(key), 'the chosen group is shown to the recipient');
      for (const other of ['child_protection_status', 'lead_contact', 'identity'])
        assert.ok(!seen.has(`${org.childrensServices}|${other}`), `nothing of ${other}`);
      assert.ok(
        !(await groupsSeen(nurseWalsh, lilyPerson, 'child_protection_conference')).has(key),
        'nothing of another child the council holds',
      );
      assert.ok(
        !(await groupsSeen(nurseWalsh, people.samTaylor, 'early_help')).has(key),
        'only for its purpose',
      );
      assert.ok(
        !(await groupsSeen(benCarter, people.samTaylor, 'child_protection_conference')).has(key),
        'only for the recipient',
      );

      // The audit: BALP disclosure at source.
      const [event] = await queryRows<{
        purpose: string;
        subject_id: string;
        details: Record<string, unknown>;
      }>(
        app.database.db,
        sql`select purpose, subject_id, details from audit_event where action = 'decision.recorded' order by id desc limit 1`,
      );
      assert.equal(event!.purpose, 'child_protection_conference');
      assert.equal(event!.subject_id, people.samTaylor);
      assert.equal(event!.details.pattern, 'disclosure_at_source');
      assert.deepEqual(event!.details.source, {
        organisationId: org.childrensServices,
        userId: samPatel.userId,
      });
      assert.deepEqual(event!.details.recipient, { organisationId: org.trust });
      assert.deepEqual(event!.details.fieldGroups, ['social_care_involvement']);
      assert.deepEqual(event!.details.lawfulBasis, ['UKGDPR-6-1-e']);

      // After the expiry (90 days by default) the recipient sees nothing.
      const now = app.clock.now();
      app.clock.set(new Date(record.disclosureExpiresAt!.getTime() + 1000));
      assert.ok(
        !(await groupsSeen(nurseWalsh, people.samTaylor, 'child_protection_conference')).has(key),
        'expired',
      );
      app.clock.set(now);
      assert.ok((await groupsSeen(nurseWalsh, people.samTaylor, 'child_protection_conference')).has(key));

      // A correction to "not to share" revokes the disclosure at once.
      const corrected = await recordDecision(deps, samPatel, {
        ...shareWithTrust,
        decision: 'not_share',
        fieldGroups: undefined,
        corrects: record.id,
        reasons: 'Recorded in error: the conference was told verbally, nothing was sent',
      });
      assert.equal(corrected.record.version, 2);
      assert.equal(corrected.record.previousId, record.id);
      assert.equal(corrected.record.grantId, null);
      assert.ok(
        !(await groupsSeen(nurseWalsh, people.samTaylor, 'child_protection_conference')).has(key),
        'revoked',
      );
      const original = await getDecision(deps, samPatel, record.id);
      assert.equal(
        original.supersededById,
        corrected.record.id,
        'the first version stays, linked to its correction',
      );
      await assert.rejects(
        recordDecision(deps, samPatel, { ...shareWithTrust, corrects: record.id }),
        (e: DomainError) => e.code === 'conflict',
        'only the latest version may be corrected',
      );
    });

    test('a share an agreement in force carries is not marked outside agreements, and no DPO is alerted', async () => {
      const alerts = await app.count('alert');
      const { record } = await recordDecision(deps, samPatel, {
        ...shareWithTrust,
        purpose: 's47_enquiry',
        recipientOrganisationId: org.police,
      });
      assert.equal(record.outsideAgreements, false);
      assert.equal(await app.count('alert'), alerts);
    });

    test('a share without a lawful basis from the catalogue is refused, naming what is missing', async () => {
      const problems = await refusedFields(samPatel, { ...shareWithTrust, lawfulBasis: [] });
      assert.ok(
        problems.some((p) => p.startsWith('lawfulBasis: ') && p.includes('Article 6')),
        problems.join(),
      );
      const unknown = await refusedFields(samPatel, {
        ...shareWithTrust,
        lawfulBasis: ['UKGDPR-6-1-e', 'MADE-UP'],
      });
      assert.ok(
        unknown.some((p) => p.startsWith('lawfulBasis.1: ') && p.includes('catalogue')),
        unknown.join(),
      );
    });

    test('special category data needs an Art 9 condition and its Sched 1 condition; criminal offence data Art 10 with Sched 1', async () => {
      const health = {
        ...shareWithTrust,
        purpose: 'child_protection_conference',
        recipientOrganisationId: org.childrensServices,
        fieldGroups: [
          { group: 'physical_health', justification: 'Injuries seen at the emergency department' },
        ],
      };
      const noArt9 = await refusedFields(nurseWalsh, health);
      assert.ok(
        noArt9.some((p) => p.includes('Article 9')),
        noArt9.join(),
      );
      const noSched1 = await refusedFields(nurseWalsh, {
        ...health,
        lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-9-2-h'],
      });
      assert.ok(
        noSched1.some((p) => p.includes('Schedule 1')),
        noSched1.join(),
      );
      const ok = await recordDecision(deps, nurseWalsh, {
        ...health,
        lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-9-2-h', 'DPA-S1-P2'],
      });
      assert.equal(ok.record.decision, 'share');

      const police = {
        ...shareWithTrust,
        purpose: 'strategy_discussion',
        recipientOrganisationId: org.trust,
        fieldGroups: [{ group: 'police_incidents', justification: 'Call-outs to the home' }],
      };
      const noArt10 = await refusedFields(dcJones, police);
      assert.ok(
        noArt10.some((p) => p.includes('Article 10')),
        noArt10.join(),
      );
      assert.ok(
        noArt10.some((p) => p.includes('s10(5)')),
        noArt10.join(),
      );
    });

    test('every cross-field rule is named: recipient, groups, family not told, the recommendation', async () => {
      const problems = await refusedFields(samPatel, {
        ...shareWithTrust,
        recipientOrganisationId: undefined,
        fieldGroups: [],
        familyTold: 'no',
        situation: { setting: 'council_csc', kind: 'own_concern' },
      });
      const fields = problems.map((p) => p.split(':')[0]);
      for (const f of [
        'recipientOrganisationId',
        'fieldGroups',
        'familyNotToldReason',
        'followedRecommendation',
      ])
        assert.ok(fields.includes(f), `${f} named in ${problems.join()}`);
      const departure = await refusedFields(samPatel, {
        ...shareWithTrust,
        situation: { setting: 'council_csc', kind: 'own_concern' },
        followedRecommendation: false,
      });
      assert.ok(
        departure.some((p) => p.startsWith('departureReason')),
        departure.join(),
      );
      const future = await refusedFields(samPatel, { ...shareWithTrust, sharedAt: '2027-01-01T00:00:00Z' });
      assert.ok(
        future.some((p) => p.startsWith('sharedAt')),
        future.join(),
      );
      const unknownKey = await refusedFields(samPatel, { ...shareWithTrust, colour: 'red' });
      assert.ok(
        unknownKey.some((p) => p.startsWith('colour')),
        unknownKey.join(),
      );
    });

    test('the server evaluates the situation itself and keeps its recommendation', async () => {
      const { record } = await recordDecision(deps, samPatel, {
        ...shareWithTrust,
        recipientOrganisationId: org.police,
        purpose: 's47_enquiry',
        situation: {
          setting: 'council_csc',
          kind: 'own_concern',
          concern: { significantHarmSuspected: true },
        },
        followedRecommendation: true,
      });
      assert.ok(record.recommendation, 'a recommendation is stored');
      assert.equal(record.recommendationEdition, '2024');
    });

    test('the same Idempotency-Key twice makes one record and one audit event', async () => {
      const first = await recordDecision(deps, samPatel, shareWithTrust, { idempotencyKey: 'k-1' });
      const before_ = await counts();
      const second = await recordDecision(deps, samPatel, shareWithTrust, { idempotencyKey: 'k-1' });
      assert.equal(second.created, false);
      assert.equal(second.record.id, first.record.id);
      assert.deepEqual(await counts(), before_);
    });

    test('a child the decider’s organisation does not hold, or of another partnership, is not found, and audited', async () => {
      for (const personId of [people.miaHughes, southvaleChild, people.nobody]) {
        const denials = await queryRows<{ n: number }>(
          app.database.db,
          sql`select count(*)::int as n from audit_event where action = 'access.denied'`,
        );
        await assert.rejects(
          recordDecision(deps, samPatel, { ...shareWithTrust, personId }),
          (e: DomainError) => e.code === 'not_found',
        );
        const after_ = await queryRows<{ n: number }>(
          app.database.db,
          sql`select count(*)::int as n from audit_event where action = 'access.denied'`,
        );
        assert.equal(after_[0]!.n, denials[0]!.n + 1, 'the refusal is audited');
      }
      // A DPO advises; they do not decide a child's case.
      await assert.rejects(
        recordDecision(deps, danaOkafor, shareWithTrust),
        (e: DomainError) => e.code === 'not_found',
      );
    });

    test('a decision not to share keeps its reasons and is reopened on new information as a new version', async () => {
      const refused = await recordDecision(deps, samPatel, {
        ...shareWithTrust,
        decision: 'not_share',
        fieldGroups: undefined,
        lawfulBasis: [],
        reasons: 'The request did not say why the records are needed',
        familyTold: 'no',
        familyNotToldReason: 'Nothing was shared',
      });
      assert.equal(refused.record.grantId, null);
      const reopened = await reopenDecision(deps, samPatel, refused.record.id, {
        ...reopenBody,
        newInformation: 'The trust now says the child attended with unexplained bruising',
      });
      assert.equal(reopened.record.kind, 'reopening');
      assert.equal(reopened.record.version, 2);
      assert.equal(reopened.record.previousId, refused.record.id);
      assert.equal(reopened.record.decision, 'share');
      assert.equal((await getDecision(deps, samPatel, refused.record.id)).reasons, refused.record.reasons);
      // A share cannot be reopened, and another organisation cannot reopen.
      await assert.rejects(
        reopenDecision(deps, samPatel, reopened.record.id, { ...reopenBody, newInformation: 'x' }),
        (e: DomainError) => e.code === 'validation_failed',
      );
      await assert.rejects(
        reopenDecision(deps, nurseWalsh, refused.record.id, { ...reopenBody, newInformation: 'x' }),
        (e: DomainError) => e.code === 'not_found',
      );
    });

    test('decisions are read by the two organisations party to them, and no one else', async () => {
      const { record } = await recordDecision(deps, samPatel, shareWithTrust);
      assert.equal((await getDecision(deps, nurseWalsh, record.id)).id, record.id, 'the recipient reads it');
      assert.equal(
        (await getDecision(deps, danaOkafor, record.id)).id,
        record.id,
        'the holder’s DPO reads it',
      );
      await assert.rejects(
        getDecision(deps, benCarter, record.id),
        (e: DomainError) => e.code === 'not_found',
      );
      const shared = await findDecisionsAboutChild(deps, danaOkafor, {
        personId: people.samTaylor,
        shareOnly: true,
      });
      assert.ok(shared.some((d) => d.id === record.id));
      assert.ok(shared.every((d) => d.decision === 'share'));
      const forTrust = await findDecisionsAboutChild(deps, nurseWalsh, { personId: people.samTaylor });
      assert.ok(
        forTrust.every((d) => d.organisationId === org.trust || d.recipientOrganisationId === org.trust),
      );
      await assert.rejects(
        findDecisionsAboutChild(deps, samPatel, { personId: southvaleChild }),
        (e: DomainError) => e.code === 'not_found',
      );
    });

    test('decision records are append-only in the database itself', async () => {
      await assert.rejects(app.database.db.execute(sql`update decision_record set reasons = 'changed'`));
      await assert.rejects(app.database.db.execute(sql`delete from decision_record`));
    });
  });
}
