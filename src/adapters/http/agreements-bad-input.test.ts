import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  actorFor,
  agreementDeps,
  healthChecks,
  org,
  policeChecks,
  signatories,
  southvaleSchoolId,
  tier2Content,
} from '../../../test/support/agreement-fixtures.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { createAgreement } from '../../domain/agreements/create-agreement.ts';
import { findAgreements } from '../../domain/agreements/find-agreements.ts';
import { signAgreement } from '../../domain/agreements/sign-agreement.ts';
import { submitAgreement } from '../../domain/agreements/submit-agreement.ts';
import { createOrganisation } from '../../domain/partnership/create-organisation.ts';
import { createPartnership } from '../../domain/partnership/create-partnership.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';

const tables = [
  'agreement',
  'agreement_version',
  'agreement_party',
  'agreement_flow',
  'agreement_signature',
  'agreement_suspension',
  'agreement_reference_counter',
  'audit_event',
];

function sections(parties: string[] = [org.csc, org.police, org.trust]) {
  const { purposes: _p, gatewayIds: _g, dataCategories: _d, ...rest } = tier2Content(parties);
  return rest;
}

for (const kind of testDatabaseKinds()) {
  describe(`bad input to the agreements API is refused, naming the field, and writes nothing (${kind})`, () => {
    let app: TestApp;
    let dana: SignedInSession;
    let tom: SignedInSession;
    let sam: SignedInSession;
    let nina: SignedInSession;
    let police: SignedInSession;
    let tier1Id: string;
    let activeId: string;
    let awaitingId: string;
    let draftId: string;
    let counts: number[];

    before(async () => {
      app = await createTestApp(kind);
      const deps = agreementDeps(app);
      const southvale = systemActor('7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01' as PartnershipId, 'test');
      await createPartnership(app.deps, southvale, {
        id: southvale.partnershipId,
        name: 'Southvale Partnership',
      });
      await createOrganisation(app.deps, southvale, {
        id: southvaleSchoolId,
        name: 'Southvale Academy',
        type: 'school',
      });
      const danaActor = await actorFor(app.database.db, 'dana.okafor@northshire.example');
      const all = await findAgreements(deps, danaActor);
      tier1Id = all[0]!.id;
      activeId = all[1]!.id;
      const make = (title: string, flows = [policeChecks]) =>
        createAgreement(deps, danaActor, {
          tier: 'tier2',
          tier1AgreementId: tier1Id,
          content: { ...tier2Content([org.csc, org.police]), title },
          flows,
        });
      awaitingId = (await make('Awaiting signatures')).id;
      await submitAgreement(deps, danaActor, { agreementId: awaitingId });
      await signAgreement(deps, await actorFor(app.database.db, signatories.csc), {
        agreementId: awaitingId,
        version: 1,
        declaration: true,
      });
      // A draft with a legal gap: health data with no Article 9 condition.
      draftId = (
        await make('Gap', [
          {
            ...healthChecks,
            fromOrganisationIds: [org.police],
            art9ConditionId: null,
            art9Sched1ConditionId: null,
          },
        ])
      ).id;
      dana = await app.signIn('dana.okafor@northshire.example');
      tom = await app.signIn(signatories.csc);
      sam = await app.signIn('sam.patel@northshire.example');
      nina = await app.signIn('nina.brooks@northshire.example');
      police = await app.signIn(signatories.police);
      counts = await Promise.all(tables.map((t) => app.count(t)));
    });
    after(async () => {
      try {
        assert.deepEqual(await Promise.all(tables.map((t) => app.count(t))), counts, 'nothing was written');
      } finally {
        await app.close();
      }
    });

    async function refused(
      path: string,
      body: unknown,
      field: string,
      options: { method?: string; session?: SignedInSession; problem?: RegExp } = {},
    ) {
      const response = await app.request(path, {
        method: options.method ?? 'POST',
        session: options.session ?? dana,
        body: json(body),
      });
      const answer = (await response.json()) as {
        error: { code: string; fields?: { field: string; problem: string }[] };
      };
      assert.equal(response.status, 400, JSON.stringify(answer));
      assert.equal(answer.error.code, 'validation_failed');
      const named = answer.error.fields?.find((f) => f.field === field);
      assert.ok(named, `names ${field}: ${JSON.stringify(answer)}`);
      if (options.problem) assert.match(named.problem, options.problem);
      return answer;
    }
    const create = (overrides: Record<string, unknown>, flow: Record<string, unknown> = {}) => ({
      tier: 'tier2',
      tier1AgreementId: tier1Id,
      ...sections(),
      flows: [{ ...policeChecks, ...flow }],
      ...overrides,
    });

    test('amending an active agreement in place', async () => {
      await refused(`/api/agreements/${activeId}/draft`, sections(), 'status', {
        method: 'PUT',
        problem: /amend the agreement/,
      });
    });

    test('signing twice for the same organisation', async () => {
      await refused(`/api/agreements/${awaitingId}/sign`, { version: 1, declaration: true }, 'signatory', {
        session: tom,
        problem: /already signed/,
      });
    });

    test('signing by a user who is not a signatory of that party', async () => {
      await refused(`/api/agreements/${awaitingId}/sign`, { version: 1, declaration: true }, 'signatory', {
        session: sam,
        problem: /cannot sign/,
      });
      await refused(`/api/agreements/${awaitingId}/sign`, { version: 1, declaration: true }, 'signatory', {
        session: nina,
        problem: /not a party/,
      });
    });

    test('signing without declaring authority to commit the organisation', async () => {
      const path = `/api/agreements/${awaitingId}/sign`;
      const before_ = await Promise.all(tables.map((t) => app.count(t)));
      for (const body of [{ version: 1 }, { version: 1, declaration: false }])
        await refused(path, body, 'declaration', {
          session: police,
          problem: /^Confirm that you have authority to commit your organisation/,
        });
      assert.deepEqual(await Promise.all(tables.map((t) => app.count(t))), before_, 'nothing was written');
    });

    test('signing a version that is not the one awaiting signatures', async () => {
      await refused(`/api/agreements/${awaitingId}/sign`, { version: 2, declaration: true }, 'version', {
        session: police,
      });
    });

    test('an unselected list is named in the words of its question, never as an id', async () => {
      await refused('/api/agreements', create({ tier1AgreementId: '' }), 'tier1AgreementId', {
        problem: /^Select the Tier 1 agreement it comes under$/,
      });
      await refused(
        '/api/agreements',
        create({}, { fromOrganisationIds: [''] }),
        'flows.0.fromOrganisationIds.0',
        {
          problem: /^Select the organisation that shares the information$/,
        },
      );
      await refused(
        `/api/agreements/${draftId}/flows`,
        { ...policeChecks, toOrganisationIds: [''] },
        'toOrganisationIds.0',
        { problem: /^Select the organisation that receives the information$/ },
      );
      await refused(
        '/api/agreements',
        create({ parties: [{ organisationId: '' }] }),
        'parties.0.organisationId',
        {
          problem: /^Select an organisation of the partnership as a party$/,
        },
      );
    });

    test('a flow with no parties', async () => {
      await refused(
        `/api/agreements/${draftId}/flows`,
        { ...policeChecks, fromOrganisationIds: [] },
        'fromOrganisationIds',
      );
      await refused('/api/agreements', create({}, { toOrganisationIds: [] }), 'flows.0.toOrganisationIds');
    });

    test('a flow in which an organisation shares with itself', async () => {
      await refused(
        `/api/agreements/${draftId}/flows`,
        { ...policeChecks, toOrganisationIds: [org.police] },
        'toOrganisationIds.0',
      );
    });

    test('an organisation from another partnership answers exactly like a missing one', async () => {
      const foreign = await refused(
        '/api/agreements',
        create({}, { toOrganisationIds: [southvaleSchoolId] }),
        'flows.0.toOrganisationIds.0',
      );
      const missing = await refused(
        '/api/agreements',
        create({}, { toOrganisationIds: ['00000000-0000-4000-8000-000000000001'] }),
        'flows.0.toOrganisationIds.0',
      );
      assert.deepEqual(foreign, missing);
      await refused(
        '/api/agreements',
        create({ ...sections([org.csc, southvaleSchoolId]) }),
        'parties.1.organisationId',
      );
    });

    test('a gateway id that does not exist, or of the wrong kind', async () => {
      await refused('/api/agreements', create({}, { art6BasisId: 'UKGDPR-6-1-z' }), 'flows.0.art6BasisId', {
        problem: /no gateway/,
      });
      await refused(
        `/api/agreements/${draftId}/flows`,
        { ...policeChecks, art10ConditionId: 'CLDC' },
        'art10ConditionId',
        {
          problem: /not a UK GDPR Article 10/,
        },
      );
      await refused(
        '/api/agreements',
        { tier: 'tier1', ...sections(), gatewayIds: ['NO-SUCH-ACT'] },
        'gatewayIds.0',
      );
    });

    test('an end date before the start date, and a review date after the end', async () => {
      await refused('/api/agreements', create({ endDate: '2026-01-31' }), 'endDate', {
        problem: /on or after the start date/,
      });
      await refused('/api/agreements', create({ endDate: '2026-12-31' }), 'reviewDate');
      await refused('/api/agreements', create({ startDate: '2026-02-30' }), 'startDate');
    });

    test('a Tier 2 under a Tier 1 that is not its partnership’s', async () => {
      await refused('/api/agreements', create({ tier1AgreementId: activeId }), 'tier1AgreementId');
    });

    test('submitting a draft with a legal gap names each gap', async () => {
      await refused(`/api/agreements/${draftId}/submit`, {}, 'flows.0.art9ConditionId', {
        problem: /special category/,
      });
    });

    test('shapes the contract refuses: tier, unknown fields, Tier 2 sections, bad enums', async () => {
      await refused('/api/agreements', create({ tier: 'tier3' }), 'tier');
      await refused('/api/agreements', create({ colour: 'red' }), 'colour');
      await refused('/api/agreements', create({ gatewayIds: ['CLDC'] }), 'gatewayIds');
      await refused('/api/agreements', create({}, { method: 'pigeon' }), 'flows.0.method');
      await refused(`/api/agreements/${activeId}/suspend`, { reason: '  ' }, 'reason');
      await refused(`/api/agreements/${activeId}/amend`, { now: true }, 'now');
    });

    test('coverage with both field groups and data categories, or an unknown organisation', async () => {
      const body = { from: org.police, to: org.csc, purpose: 'front_door_screening' };
      await refused(
        '/api/agreements/coverage',
        { ...body, fieldGroups: ['identity'], dataCategories: ['personal'] },
        'dataCategories',
      );
      await refused('/api/agreements/coverage', { ...body, to: southvaleSchoolId }, 'to', {
        problem: /Select an organisation/,
      });
    });

    test('bad query parameters and ids', async () => {
      for (const [path, field] of [
        ['/api/agreements?status=happy', 'status'],
        ['/api/agreements/due-for-review?withinDays=-1', 'withinDays'],
        ['/api/agreements/not-an-id', 'agreementId'],
        [`/api/agreements/${activeId}/quality?version=0`, 'version'],
      ] as const) {
        const response = await app.request(path, { session: dana });
        assert.equal(response.status, 400, path);
        const body = (await response.json()) as { error: { fields: { field: string }[] } };
        assert.ok(
          body.error.fields.some((f) => f.field === field),
          path,
        );
      }
      const missing = await app.request('/api/agreements/00000000-0000-4000-8000-000000000009', {
        session: dana,
      });
      assert.equal(missing.status, 404);
    });
  });
}
