import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { org } from '../../../test/support/northshire-flows.ts';
import { insertPeople, northshirePeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { createPartnership } from '../../domain/partnership/create-partnership.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import { queryRows } from '../../domain/shared/database.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';

interface ErrorBody {
  error: { code: string; fields?: { field: string; problem: string }[] };
}
interface Recorded {
  id: string;
  version: number;
  decision: string;
  recommendation: string | null;
  disclosure: { grantId: string; expiresAt: string } | null;
  outsideAgreements: boolean;
}

const southvaleId = '5a0e0000-0000-4000-8000-000000000002' as PartnershipId;
const southvaleChild = '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a09';

const share = {
  personId: people.samTaylor as string,
  purpose: 'child_protection_conference',
  decision: 'share',
  recipientOrganisationId: org.trust,
  fieldGroups: [
    { group: 'social_care_involvement', justification: 'The health visitor attends the conference' },
  ],
  lawfulBasis: ['UKGDPR-6-1-e'],
  method: 'secure_portal',
  reasons: 'Every agency involved brings its history to the conference',
  familyTold: 'after',
  familyNotToldReason: 'The family is told at the conference itself',
};

for (const kind of testDatabaseKinds()) {
  describe(`decision records over HTTP (${kind})`, () => {
    let app: TestApp;
    let sam: SignedInSession;
    let nurse: SignedInSession;
    let dana: SignedInSession;
    let ben: SignedInSession;

    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      await createPartnership(app.deps, systemActor(southvaleId, 'test'), {
        id: southvaleId,
        name: 'Southvale',
      });
      const samAtCouncil = northshirePeople.find(
        (p) => p.personId === people.samTaylor && p.holder === org.childrensServices,
      )!;
      await insertPeople(app.database.db, [{ ...samAtCouncil, personId: southvaleChild }], southvaleId);
      sam = await app.signIn('sam.patel@northshire.example');
      nurse = await app.signIn('nurse.walsh@northshire.example');
      dana = await app.signIn('dana.okafor@northshire.example');
      ben = await app.signIn('ben.carter@northshire.example');
    });
    after(() => app.close());

    const post = (body: unknown, session: SignedInSession = sam, headers: Record<string, string> = {}) =>
      app.request('/api/decisions', { method: 'POST', session, body: JSON.stringify(body), headers });
    const get = (path: string, session: SignedInSession) => app.request(path, { session });
    const written = async () => ({
      decisions: await app.count('decision_record'),
      grants: await app.count('access_grant'),
      alerts: await app.count('alert'),
      recorded: Number(
        (
          await queryRows<{ n: string }>(
            app.database.db,
            sql`select count(*)::text as n from audit_event where action = 'decision.recorded'`,
          )
        )[0]!.n,
      ),
    });
    const viewKeys = async (session: SignedInSession) => {
      const response = await get(
        `/api/persons/${people.samTaylor}/view?purpose=child_protection_conference`,
        session,
      );
      if (response.status !== 200) return new Set<string>();
      const body = (await response.json()) as {
        chronology: { holderOrganisationId: string; fieldGroup: string }[];
      };
      return new Set(body.chronology.map((e) => `${e.holderOrganisationId}|${e.fieldGroup}`));
    };

    test('a share outside agreements: 201, the recipient sees exactly the chosen group, both DPOs are alerted', async () => {
      const key = `${org.childrensServices}|social_care_involvement`;
      assert.ok(!(await viewKeys(nurse)).has(key));
      const before_ = await written();
      const response = await post(share);
      assert.equal(response.status, 201);
      const body = (await response.json()) as Recorded;
      assert.equal(body.version, 1);
      assert.equal(body.decision, 'share');
      assert.equal(body.outsideAgreements, true);
      assert.ok(body.disclosure?.grantId);
      assert.deepEqual(await written(), {
        decisions: before_.decisions + 1,
        grants: before_.grants + 1,
        alerts: before_.alerts + 2,
        recorded: before_.recorded + 1,
      });
      const seen = await viewKeys(nurse);
      assert.ok(seen.has(key), 'the recipient sees the chosen group through the single view');
      assert.ok(
        ![...seen].some((k) => k.startsWith(org.childrensServices) && k !== key),
        'and nothing else of the council’s',
      );

      // Both organisations read it; no one else does.
      assert.equal((await get(`/api/decisions/${body.id}`, nurse)).status, 200);
      const asDpo = (await (await get(`/api/decisions/${body.id}`, dana)).json()) as {
        summary: string;
        reasons: string;
      };
      assert.equal(asDpo.reasons, share.reasons);
      assert.match(
        asDpo.summary,
        /^Shared children's social care involvement with .+ \(decision recorded by .+\)$/,
      );
      assert.equal((await get(`/api/decisions/${body.id}`, ben)).status, 404);

      // Who has this child's information been shared with.
      const disclosures = (await (
        await get(`/api/persons/${people.samTaylor}/disclosures`, dana)
      ).json()) as {
        disclosures: { decisionId: string; state: string; fieldGroups: { group: string }[] }[];
      };
      const mine = disclosures.disclosures.find((d) => d.decisionId === body.id)!;
      assert.equal(mine.state, 'live');
      assert.deepEqual(
        mine.fieldGroups.map((g) => g.group),
        ['social_care_involvement'],
      );
      // Housing holds Sam but is party to no decision: an empty list. The charity holds nothing of
      // Sam and received nothing: not found.
      const housing = (await (await get(`/api/persons/${people.samTaylor}/disclosures`, ben)).json()) as {
        disclosures: unknown[];
      };
      assert.deepEqual(housing.disclosures, []);
      const ruth = await app.signIn('ruth.ali@northshire.example');
      assert.equal((await get(`/api/persons/${people.samTaylor}/disclosures`, ruth)).status, 404);

      // The chronology shows the decision as a sentence, to both parties.
      const chronology = (await (
        await get(`/api/persons/${people.samTaylor}/chronology?purpose=child_protection_conference`, nurse)
      ).json()) as { decisions: { decisionId: string; summary: string }[] };
      assert.ok(
        chronology.decisions.some((d) => d.decisionId === body.id && d.summary.startsWith('Shared ')),
      );

      const list = (await (
        await get(`/api/persons/${people.samTaylor}/decisions?purpose=child_protection_conference`, sam)
      ).json()) as { decisions: { id: string }[] };
      assert.ok(list.decisions.some((d) => d.id === body.id));
    });

    test('a double submission with the same Idempotency-Key makes one record and one audit event', async () => {
      const before_ = await written();
      const first = await post(share, sam, { 'idempotency-key': 'submit-1' });
      const second = await post(share, sam, { 'idempotency-key': 'submit-1' });
      assert.equal(first.status, 201);
      assert.equal(second.status, 200);
      assert.equal(((await first.json()) as Recorded).id, ((await second.json()) as Recorded).id);
      const after_ = await written();
      assert.equal(after_.decisions, before_.decisions + 1);
      assert.equal(after_.recorded, before_.recorded + 1);
    });

    test('a share naming no lawful basis is refused, naming what is missing, and nothing is written', async () => {
      const before_ = await written();
      const response = await post({ ...share, lawfulBasis: [] });
      assert.equal(response.status, 400);
      const body = (await response.json()) as ErrorBody;
      assert.ok(body.error.fields?.some((f) => f.field === 'lawfulBasis' && f.problem.includes('Article 6')));
      const police = await post(
        {
          ...share,
          recipientOrganisationId: org.childrensServices,
          purpose: 'strategy_discussion',
          fieldGroups: [{ group: 'police_incidents', justification: 'Incidents at the home' }],
        },
        await app.signIn('dc.jones@northshire.example'),
      );
      assert.equal(police.status, 400);
      const problems = ((await police.json()) as ErrorBody).error.fields!.map((f) => f.problem).join(' ');
      assert.match(problems, /Article 10/);
      assert.match(problems, /Schedule 1/);
      const strange = await post({ ...share, extra: true });
      assert.equal(strange.status, 400);
      assert.ok(((await strange.json()) as ErrorBody).error.fields?.some((f) => f.field === 'extra'));
      assert.deepEqual(await written(), before_);
    });

    test('a decision not to share appears among who was refused, with the request it answers checked', async () => {
      const badRequest = await post({ ...share, requestId: '00000000-0000-4000-8000-00000000abcd' });
      assert.equal(badRequest.status, 400);
      assert.ok(((await badRequest.json()) as ErrorBody).error.fields?.some((f) => f.field === 'requestId'));
      const refused = (await (
        await post({
          ...share,
          decision: 'not_share',
          recipientOrganisationId: org.police,
          fieldGroups: undefined,
          lawfulBasis: [],
          reasons: 'The police asked for the whole file without saying why',
        })
      ).json()) as Recorded;
      const listed = (await (await get(`/api/persons/${people.samTaylor}/disclosures`, dana)).json()) as {
        notShared: { decisionId: string; summary: string }[];
      };
      const entry = listed.notShared.find((d) => d.decisionId === refused.id)!;
      assert.match(entry.summary, /^Decided not to share with /);
    });

    test('a child of another partnership, or one the decider cannot see, is not found', async () => {
      for (const personId of [southvaleChild, people.miaHughes]) {
        const response = await post({ ...share, personId });
        assert.equal(response.status, 404, personId);
        assert.equal(((await response.json()) as ErrorBody).error.code, 'not_found');
        assert.equal((await get(`/api/persons/${personId}/decisions`, sam)).status, 404);
      }
      assert.equal((await get('/api/decisions/00000000-0000-4000-8000-000000000000', sam)).status, 404);
    });

    test('a decision not to share is reopened on new information as a new version', async () => {
      const refused = (await (
        await post({
          ...share,
          decision: 'not_share',
          fieldGroups: undefined,
          lawfulBasis: [],
          reasons: 'The request gave no reason the records are needed',
        })
      ).json()) as Recorded;
      const { personId: _child, ...rest } = share;
      const reopened = await app.request(`/api/decisions/${refused.id}/reopen`, {
        method: 'POST',
        session: sam,
        body: JSON.stringify({ ...rest, newInformation: 'The trust now reports an unexplained injury' }),
      });
      assert.equal(reopened.status, 201);
      const body = (await reopened.json()) as Recorded & { kind: string; previousId: string };
      assert.equal(body.version, 2);
      assert.equal(body.kind, 'reopening');
      assert.equal(body.previousId, refused.id);
      const again = await app.request(`/api/decisions/${refused.id}/reopen`, {
        method: 'POST',
        session: sam,
        body: JSON.stringify({ ...rest, newInformation: 'Again' }),
      });
      assert.equal(again.status, 409, 'only the latest version is reopened or corrected');
      // The refusal stays listed with its reasons until reopened; the reopened share is a disclosure.
      const listed = (await (await get(`/api/persons/${people.samTaylor}/disclosures`, sam)).json()) as {
        disclosures: { decisionId: string }[];
        notShared: { decisionId: string }[];
      };
      assert.ok(!listed.notShared.some((d) => d.decisionId === refused.id), 'reopened: no longer a refusal');
      assert.ok(listed.disclosures.some((d) => d.decisionId === body.id));
    });

    test('the routes are in the OpenAPI document', async () => {
      const doc = (await (await app.request('/api/openapi.json', { session: sam })).json()) as {
        paths: Record<string, unknown>;
      };
      for (const path of [
        '/api/decisions',
        '/api/decisions/{id}',
        '/api/decisions/{id}/reopen',
        '/api/persons/{personId}/decisions',
        '/api/persons/{personId}/disclosures',
      ])
        assert.ok(doc.paths[path], path);
    });
  });
}
