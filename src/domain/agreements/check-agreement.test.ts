import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fakeGatewayDirectory, fakeGatewayIds } from '../../../test/support/fake-gateway-directory.ts';
import { demoOrganisations } from '../demo/northshire.ts';
import type { AgreementContent, FlowContent } from './agreement-terms.ts';
import { checkAgreement, writeTimeErrors } from './check-agreement.ts';
import type { AgreementCheckInput, CheckOrganisation, CheckRule, Tier1Context } from './check-types.ts';
import type { GatewayDescription } from './gateway-directory.ts';
import { consentWarning } from './legal-rules.ts';

const id = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;
const [csc, police, trust, school, charity] = ['csc', 'police', 'trust', 'school', 'charity'].map(id) as [
  string,
  string,
  string,
  string,
  string,
];
const southvaleSchool = '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b02';

const organisations = new Map<string, CheckOrganisation>(
  demoOrganisations.map((o) => [o.id, { name: o.name, type: o.type }]),
);
let gateways: Map<string, GatewayDescription>;
before(async () => {
  gateways = await fakeGatewayDirectory.describe(fakeGatewayIds);
});

const content: AgreementContent = {
  title: 'Front door partner checks',
  summary: 'Partner agencies share what they know with the front door',
  purposes: ['front_door_screening'],
  parties: [csc, police, trust, school, charity].map((organisationId) => ({ organisationId, contact: null })),
  startDate: '2026-04-01',
  reviewDate: '2027-04-01',
  endDate: null,
  security: 'Shared through Tessera only',
  retention: 'As each party’s schedule',
  rights: 'Each party answers requests for what it holds',
  gatewayIds: [],
  dataCategories: [],
};

const policeFlow: FlowContent = {
  name: 'Police checks',
  fromOrganisationIds: [police],
  toOrganisationIds: [csc],
  purposes: ['front_door_screening'],
  fieldGroups: ['identity', 'police_incidents'],
  art6BasisId: 'UKGDPR-6-1-e',
  art9ConditionId: null,
  art9Sched1ConditionId: null,
  art10ConditionId: 'UKGDPR-10',
  art10Sched1ConditionId: 'DPA-S1-P18',
  statutoryGatewayIds: ['CA2004-S16E'],
  confidentialityGatewayId: null,
  confidentialityGround: null,
  otherGatewayIds: [],
  method: 'tessera',
  methodDetail: null,
  frequency: 'per_case',
  retention: 'On the child’s social care record',
  dpiaReference: 'DPIA-2026-01',
};

const healthFlow: FlowContent = {
  ...policeFlow,
  name: 'Health checks',
  fromOrganisationIds: [trust],
  fieldGroups: ['identity', 'physical_health'],
  art9ConditionId: 'UKGDPR-9-2-g',
  art9Sched1ConditionId: 'DPA-S1-P18',
  art10ConditionId: null,
  art10Sched1ConditionId: null,
  confidentialityGatewayId: 'CLDC',
  confidentialityGround: 'overriding_public_interest',
};

const tier1: Tier1Context = {
  reference: 'T1-001',
  status: 'active',
  partyIds: [csc, police, trust, school, charity],
  purposes: ['front_door_screening', 'early_help'],
  dataCategories: ['personal', 'special_category', 'criminal_offence'],
  gatewayIds: [
    'CA2004-S16E',
    'UKGDPR-6-1-e',
    'UKGDPR-6-1-a',
    'UKGDPR-9-2-g',
    'DPA-S1-P18',
    'UKGDPR-10',
    'CLDC',
  ],
};

function check(flows: FlowContent[], overrides: Partial<AgreementCheckInput> = {}) {
  return checkAgreement({
    tier: 'tier2',
    content,
    flows,
    organisations,
    gateways,
    tier1,
    today: '2026-11-02',
    ...overrides,
  });
}

const rulesOf = (problems: readonly { rule: CheckRule }[]) => problems.map((p) => p.rule);
const fieldsOf = (problems: readonly { field: string }[]) => problems.map((p) => p.field);

describe('checking a Tier 2 agreement as a data protection officer would', () => {
  test('well-formed police and health flows raise no errors', () => {
    const result = check([policeFlow, healthFlow]);
    assert.deepEqual(result.errors, []);
    // School and charity are parties with nothing to share yet.
    assert.deepEqual(rulesOf(result.warnings), ['party_without_flow', 'party_without_flow']);
  });

  test("a flow for 'emergency' is refused on every write: it is reached only by breaking glass", () => {
    const result = check([{ ...policeFlow, purposes: [...policeFlow.purposes, 'emergency'] }, healthFlow]);
    const refused = result.errors.filter((e) => e.rule === 'flow_purpose_grant_only');
    assert.deepEqual(fieldsOf(refused), [`flows.0.purposes.${policeFlow.purposes.length}`]);
    assert.match(refused[0]!.problem, /breaking glass/);
  });

  test('special category data with no Article 9 condition is an error on that field', () => {
    const { errors } = check([
      policeFlow,
      { ...healthFlow, art9ConditionId: null, art9Sched1ConditionId: null },
    ]);
    assert.deepEqual(fieldsOf(errors), ['flows.1.art9ConditionId']);
    assert.match(errors[0]!.problem, /Flow 2 carries special category data \(Physical health\)/);
  });

  test('Article 9(2)(g) and (h) need a Schedule 1 condition from the right Part (DPA 2018 s10)', () => {
    const noSched1 = check([{ ...healthFlow, art9Sched1ConditionId: null }]).errors;
    assert.deepEqual(rulesOf(noSched1), ['art9_needs_sched1']);
    const wrongPart = check([{ ...healthFlow, art9ConditionId: 'UKGDPR-9-2-h' }]).errors;
    assert.deepEqual(rulesOf(wrongPart), ['sched1_wrong_part']);
    assert.match(wrongPart[0]!.problem, /Schedule 1 Part 1 paragraph 2/);
    const rightPart = check([
      { ...healthFlow, art9ConditionId: 'UKGDPR-9-2-h', art9Sched1ConditionId: 'DPA-S1-P2' },
    ]);
    assert.deepEqual(rightPart.errors, []);
    // Explicit consent, 9(2)(a), needs no Schedule 1 condition.
    const consent = check([{ ...healthFlow, art9ConditionId: 'UKGDPR-9-2-a', art9Sched1ConditionId: null }]);
    assert.deepEqual(consent.errors, []);
  });

  test('criminal offence data needs the Article 10 condition and its Schedule 1 condition', () => {
    const { errors } = check([{ ...policeFlow, art10ConditionId: null, art10Sched1ConditionId: null }]);
    assert.deepEqual(fieldsOf(errors), ['flows.0.art10ConditionId', 'flows.0.art10Sched1ConditionId']);
    assert.ok(errors.every((e) => e.rule === 'criminal_offence_needs_art10'));
  });

  test('a public authority may not rely on legitimate interests, (f) or (ea), for its tasks', () => {
    for (const basis of ['UKGDPR-6-1-f', 'UKGDPR-6-1-ea']) {
      const { errors } = check([{ ...policeFlow, art6BasisId: basis }]);
      assert.deepEqual(rulesOf(errors), ['public_authority_legitimate_interests'], basis);
      assert.equal(errors[0]!.field, 'flows.0.art6BasisId');
      assert.match(errors[0]!.problem, /Northshire Police is a public authority/);
    }
    assert.match(
      check([{ ...policeFlow, art6BasisId: 'UKGDPR-6-1-ea' }]).errors[0]!.problem,
      /Data \(Use and Access\) Act 2025 s70\(2\)\(c\)/,
    );
    // A school is treated as a public authority too.
    const schoolFlow = { ...policeFlow, fromOrganisationIds: [school], art6BasisId: 'UKGDPR-6-1-f' };
    assert.deepEqual(rulesOf(check([schoolFlow]).errors), ['public_authority_legitimate_interests']);
  });

  test('a charity may rely on the safeguarding recognised legitimate interest to tell the council', () => {
    const flow = {
      ...policeFlow,
      fromOrganisationIds: [charity],
      art6BasisId: 'UKGDPR-6-1-ea',
      statutoryGatewayIds: [],
    };
    assert.deepEqual(check([flow]).errors, []);
  });

  test('the safeguarding recognised legitimate interest cannot be relied on before it became law', () => {
    const flow = {
      ...policeFlow,
      fromOrganisationIds: [charity],
      art6BasisId: 'UKGDPR-6-1-ea',
      statutoryGatewayIds: [],
    };
    const early = check([flow], { content: { ...content, startDate: '2026-01-01' } }).errors;
    assert.deepEqual(rulesOf(early), ['basis_not_yet_law']);
    assert.match(early[0]!.problem, /law only from 5 February 2026/);
  });

  test('consent as the basis of a safeguarding flow is a warning quoting the guidance', () => {
    const { errors, warnings } = check([{ ...policeFlow, art6BasisId: 'UKGDPR-6-1-a' }]);
    assert.deepEqual(errors, []);
    const warning = warnings.find((w) => w.rule === 'consent_for_safeguarding')!;
    assert.equal(warning.field, 'flows.0.art6BasisId');
    assert.equal(warning.problem, consentWarning);
    assert.match(warning.problem, /golden rule 3/);
    assert.match(warning.problem, /step 8/);
  });

  test('consent for early help is not questioned', () => {
    const flow = { ...policeFlow, purposes: ['early_help' as const], art6BasisId: 'UKGDPR-6-1-a' };
    assert.ok(!rulesOf(check([flow]).warnings).includes('consent_for_safeguarding'));
  });

  test('health data without a common-law confidentiality justification is an error', () => {
    const bare = { ...healthFlow, confidentialityGatewayId: null, confidentialityGround: null };
    const { errors } = check([bare]);
    assert.deepEqual(rulesOf(errors), ['health_data_needs_confidentiality']);
    // Special educational needs describe health needs, so they count as health data.
    const sen = {
      ...bare,
      fromOrganisationIds: [school],
      fieldGroups: ['identity' as const, 'special_educational_needs' as const],
    };
    assert.deepEqual(rulesOf(check([sen]).errors), ['health_data_needs_confidentiality']);
    const half = check([{ ...healthFlow, confidentialityGround: null }]).errors;
    assert.deepEqual(fieldsOf(half), ['flows.0.confidentialityGround']);
  });

  test('a flow needs organisations on both sides, and nobody shares with themselves', () => {
    const empty = check([{ ...policeFlow, fromOrganisationIds: [], toOrganisationIds: [] }]).errors;
    assert.deepEqual(fieldsOf(empty).slice(0, 2), [
      'flows.0.fromOrganisationIds',
      'flows.0.toOrganisationIds',
    ]);
    const self = check([{ ...policeFlow, toOrganisationIds: [csc, police] }]).errors;
    assert.deepEqual(fieldsOf(self), ['flows.0.toOrganisationIds.1']);
    assert.equal(self[0]!.rule, 'flow_shares_with_itself');
  });

  test('an organisation of another partnership reads exactly like one that does not exist', () => {
    const foreign = check([{ ...policeFlow, toOrganisationIds: [southvaleSchool] }]).errors;
    const missing = check([
      { ...policeFlow, toOrganisationIds: ['00000000-0000-4000-8000-000000000000'] },
    ]).errors;
    assert.deepEqual(foreign, missing);
    assert.deepEqual(foreign, [
      {
        rule: 'organisation_unknown',
        field: 'flows.0.toOrganisationIds.0',
        problem: 'Select an organisation from the list',
      },
    ]);
  });

  test('every gateway cited must exist and be of the kind its field needs', () => {
    const unknown = check([{ ...policeFlow, art6BasisId: 'UKGDPR-6-1-z' }]).errors;
    assert.deepEqual(rulesOf(unknown), ['gateway_unknown']);
    const wrong = check([
      { ...policeFlow, art6BasisId: 'CA1989-S47', statutoryGatewayIds: ['UKGDPR-6-1-e'] },
    ]).errors;
    assert.deepEqual(fieldsOf(wrong), ['flows.0.art6BasisId', 'flows.0.statutoryGatewayIds.0']);
    assert.match(wrong[0]!.problem, /CA1989-S47 is a statutory duty, not a UK GDPR Article 6 lawful basis/);
  });

  test('a public authority must name the statute that makes the sharing one of its functions', () => {
    assert.deepEqual(rulesOf(check([{ ...policeFlow, statutoryGatewayIds: [] }]).errors), [
      'public_authority_needs_statute',
    ]);
  });

  test('dates must be in order, and an agreement that has ended cannot be made', () => {
    const endBeforeStart = check([policeFlow], { content: { ...content, endDate: '2026-03-01' } }).errors;
    assert.ok(fieldsOf(endBeforeStart).includes('endDate'));
    const reviewAfterEnd = check([policeFlow], { content: { ...content, endDate: '2026-12-31' } }).errors;
    assert.deepEqual(fieldsOf(reviewAfterEnd), ['reviewDate']);
    const reviewFirst = check([policeFlow], { content: { ...content, reviewDate: '2026-04-01' } }).errors;
    assert.deepEqual(fieldsOf(reviewFirst), ['reviewDate']);
    const ended = check([policeFlow], {
      content: { ...content, reviewDate: '2026-06-01', endDate: '2026-10-31' },
    });
    assert.deepEqual(rulesOf(ended.errors), ['end_date_passed']);
  });

  test('flow organisations must be parties; a flow must say how long its data is kept', () => {
    const notParty = check([policeFlow], {
      content: { ...content, parties: content.parties.slice(0, 1) },
    }).errors;
    assert.deepEqual(rulesOf(notParty), ['parties_too_few', 'flow_organisation_not_party']);
    assert.deepEqual(rulesOf(check([{ ...policeFlow, retention: ' ' }]).errors), ['flow_retention_missing']);
    assert.deepEqual(rulesOf(check([]).errors), ['flows_missing']);
  });

  test('stated data categories must match the field groups', () => {
    const { errors } = check([{ ...policeFlow, dataCategories: ['personal', 'special_category'] }]);
    assert.deepEqual(rulesOf(errors), ['data_categories_mismatch']);
    assert.match(errors[0]!.problem, /criminal offence data/);
    assert.deepEqual(check([{ ...policeFlow, dataCategories: ['personal', 'criminal_offence'] }]).errors, []);
  });

  test('a Tier 2 is checked against its Tier 1: unusable is an error, anything outside it a warning', () => {
    const terminated = check([policeFlow], { tier1: { ...tier1, status: 'terminated' } }).errors;
    assert.deepEqual(rulesOf(terminated), ['tier1_unusable']);
    const narrow = check([policeFlow], { tier1: { ...tier1, purposes: ['early_help'], gatewayIds: [] } });
    assert.deepEqual(fieldsOf(narrow.warnings.filter((w) => w.rule === 'outside_tier1')), [
      'flows.0.purposes.0',
      'flows.0',
    ]);
  });

  test('only write-time errors stop a draft being saved', () => {
    const result = check([{ ...policeFlow, statutoryGatewayIds: [], toOrganisationIds: [southvaleSchool] }]);
    assert.deepEqual(rulesOf(result.errors).sort(), [
      'organisation_unknown',
      'public_authority_needs_statute',
    ]);
    assert.deepEqual(rulesOf(writeTimeErrors(result)), ['organisation_unknown']);
  });
});

describe('checking a Tier 1 agreement', () => {
  const tier1Content: AgreementContent = {
    ...content,
    purposes: ['front_door_screening'],
    gatewayIds: ['UKGDPR-6-1-e', 'UKGDPR-9-2-g', 'DPA-S1-P18', 'UKGDPR-10'],
    dataCategories: ['personal', 'special_category', 'criminal_offence'],
  };
  const checkTier1 = (c: AgreementContent) =>
    checkAgreement({
      tier: 'tier1',
      content: c,
      flows: [],
      organisations,
      gateways,
      tier1: null,
      today: '2026-11-02',
    });

  test('a complete framework has no errors', () => {
    assert.deepEqual(checkTier1(tier1Content).errors, []);
  });

  test('it must list an Article 6 basis, and Article 9, Schedule 1 and Article 10 conditions for what it covers', () => {
    const bare = checkTier1({ ...tier1Content, gatewayIds: ['CA1989-S47'] }).errors;
    assert.deepEqual(rulesOf(bare), [
      'art6_missing',
      'special_category_needs_art9',
      'criminal_offence_needs_art10',
    ]);
    const noSched1 = checkTier1({
      ...tier1Content,
      gatewayIds: ['UKGDPR-6-1-e', 'UKGDPR-9-2-g', 'UKGDPR-10'],
    }).errors;
    assert.deepEqual(rulesOf(noSched1), ['art9_needs_sched1', 'criminal_offence_needs_art10']);
  });

  test('it needs two parties, purposes and data categories, and known gateways', () => {
    const errors = checkTier1({
      ...tier1Content,
      parties: [{ organisationId: csc, contact: null }],
      purposes: [],
      dataCategories: [],
      gatewayIds: [...tier1Content.gatewayIds, 'NOT-A-GATEWAY'],
    }).errors;
    assert.deepEqual(rulesOf(errors), [
      'parties_too_few',
      'purposes_missing',
      'data_categories_missing',
      'gateway_unknown',
    ]);
    assert.equal(errors.at(-1)!.field, 'gatewayIds.4');
  });
});
