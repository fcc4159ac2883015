import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { builtInCatalogue } from '../gateways/builtin-catalogue.ts';
import { outcomes } from './answer.ts';
import { evaluateSituation } from './evaluate-situation.ts';
import { RULE_ORDER } from './rule-order.ts';
import {
  concernFlags,
  consentStatuses,
  dataCategories,
  editions,
  requestForms,
  requestPurposes,
  requesterOrgTypes,
  requesterRelationships,
  settings,
  situationKinds,
  SituationSchema,
  type Situation,
} from './situation.ts';

const catalogueIds = new Set(builtInCatalogue.map((g) => g.id));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const situationArb: fc.Arbitrary<Situation> = fc.record(
  {
    setting: fc.constantFrom(...settings),
    kind: fc.constantFrom(...situationKinds),
    child: maybe(
      fc.record(
        {
          age: maybe(fc.integer({ min: 0, max: 17 })),
          unborn: maybe(fc.boolean()),
          competent: maybe(fc.boolean()),
          onChildProtectionPlan: maybe(fc.boolean()),
        },
        { requiredKeys: [] },
      ),
    ),
    concern: maybe(
      fc.record(Object.fromEntries(concernFlags.map((f) => [f, fc.boolean()])), { requiredKeys: [] }),
    ),
    requester: maybe(
      fc.record(
        {
          orgType: fc.constantFrom(...requesterOrgTypes),
          identityVerified: fc.boolean(),
          purpose: fc.constantFrom(...requestPurposes),
          asksForWholeRecord: fc.boolean(),
          form: fc.constantFrom(...requestForms),
          relationship: fc.constantFrom(...requesterRelationships),
          allegedAbuser: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    consent: maybe(
      fc.record(
        { status: fc.constantFrom(...consentStatuses), seekingWouldIncreaseRisk: fc.boolean() },
        { requiredKeys: [] },
      ),
    ),
    informingFamilyWouldIncreaseRisk: maybe(fc.boolean()),
    sharerIsPublicAuthority: maybe(fc.boolean()),
    dataCategories: maybe(fc.uniqueArray(fc.constantFrom(...dataCategories))),
  },
  { requiredKeys: ['setting', 'kind'] },
) as fc.Arbitrary<Situation>;

describe('the guidance engine', () => {
  test('every rule has a unique id, at least one edition and a citation for each edition it belongs to', () => {
    const ids = RULE_ORDER.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULE_ORDER) {
      assert.ok(rule.editions.length > 0, rule.id);
      for (const edition of rule.editions) {
        const citation = typeof rule.citation === 'string' ? rule.citation : rule.citation[edition];
        assert.ok(citation.length > 10, `${rule.id} cites its source for ${edition}`);
      }
    }
  });

  test('any valid situation, contradictory or not, gets an answer whose bases all exist in the gateway catalogue', () => {
    fc.assert(
      fc.property(situationArb, fc.constantFrom(...editions), (situation, edition) => {
        SituationSchema.parse(situation);
        const answer = evaluateSituation(situation, edition);
        assert.ok(outcomes.includes(answer.outcome));
        for (const id of answer.lawfulBasis) assert.ok(catalogueIds.has(id), `${id} is in the catalogue`);
        assert.ok(answer.steps.length > 0);
        assert.ok(
          answer.mustRecord.includes('decision'),
          'every answer is recorded either way (golden rule 7)',
        );
      }),
      { numRuns: 2000 },
    );
  });

  test('immediate danger always decides first, whatever else is said', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const answer = evaluateSituation(
          { ...situation, concern: { ...situation.concern, immediateDanger: true } },
          '2024',
        );
        assert.equal(answer.outcome, 'share_without_consent');
        assert.equal(answer.urgency, 'immediate');
        assert.equal(answer.steps[0]?.rule, 'urgent.immediate_danger');
        assert.ok(answer.advice.includes('call_999'));
      }),
      { numRuns: 500 },
    );
  });

  test('a sharing answer always names an Article 6 basis, and Article 9 where the data is special category or health', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const answer = evaluateSituation(situation, '2024');
        if (!['share', 'share_without_consent', 'share_limited'].includes(answer.outcome)) return;
        assert.ok(
          answer.lawfulBasis.some((id) => id.startsWith('UKGDPR-6-1-')),
          'Art 6',
        );
        const special =
          situation.dataCategories?.includes('special_category') ||
          situation.dataCategories?.includes('health_confidential');
        if (special)
          assert.ok(
            answer.lawfulBasis.some((id) => id.startsWith('UKGDPR-9-2-')),
            'Art 9',
          );
        if (situation.dataCategories?.includes('criminal_offence'))
          assert.ok(answer.lawfulBasis.includes('UKGDPR-10'), 'Art 10');
        if (situation.dataCategories?.includes('health_confidential'))
          assert.ok(answer.lawfulBasis.includes('CLDC'), 'CLDC');
      }),
      { numRuns: 1000 },
    );
  });

  test('evaluating is pure: the same situation gives the same answer and is not changed', () => {
    const situation: Situation = {
      setting: 'gp',
      kind: 'own_concern',
      concern: { significantHarmSuspected: true },
    };
    const copy = structuredClone(situation);
    assert.deepEqual(evaluateSituation(situation, '2024'), evaluateSituation(situation, '2024'));
    assert.deepEqual(situation, copy);
  });

  test('only the 2024 edition asks a refusal to be explained and reconsidered (2024 golden rule 7)', () => {
    const request: Situation = {
      setting: 'housing',
      kind: 'incoming_request',
      requester: { orgType: 'member_of_public', identityVerified: true },
    };
    assert.ok(evaluateSituation(request, '2024').mustRecord.includes('reconsider_if_new_information'));
    assert.ok(!evaluateSituation(request, '2018').mustRecord.includes('reconsider_if_new_information'));
  });

  test('the deadline hint is kept and decides nothing', () => {
    const base: Situation = { setting: 'school', kind: 'own_concern', concern: { thresholdUnclear: true } };
    const hinted = evaluateSituation({ ...base, deadlineHint: 'before Friday' }, '2024');
    assert.equal(hinted.deadlineHint, 'before Friday');
    assert.deepEqual({ ...hinted, deadlineHint: null }, evaluateSituation(base, '2024'));
  });
});

describe('the situation schema', () => {
  const problems = (input: unknown) => {
    const result = SituationSchema.safeParse(input);
    assert.equal(result.success, false);
    return result.error!.issues.map((i) => [...i.path, ...('keys' in i ? i.keys : [])].join('.'));
  };

  test('refuses an unknown key, naming it', () => {
    assert.deepEqual(problems({ setting: 'gp', kind: 'own_concern', hunch: 1 }), ['hunch']);
    assert.deepEqual(problems({ setting: 'gp', kind: 'own_concern', child: { age: 3, shoeSize: 5 } }), [
      'child.shoeSize',
    ]);
  });

  test('refuses an unknown value, naming the field', () => {
    assert.deepEqual(problems({ setting: 'dentist', kind: 'own_concern' }), ['setting']);
    assert.deepEqual(problems({ setting: 'gp', kind: 'own_concern', consent: { status: 'maybe' } }), [
      'consent.status',
    ]);
    assert.deepEqual(problems({ setting: 'gp', kind: 'own_concern', dataCategories: ['gossip'] }), [
      'dataCategories.0',
    ]);
    assert.deepEqual(problems({ setting: 'gp', kind: 'own_concern', edition: '2015' }), ['edition']);
    assert.deepEqual(problems({ setting: 'gp', kind: 'own_concern', child: { age: -1 } }), ['child.age']);
  });

  test('says what to do in words a person can act on', () => {
    const result = SituationSchema.safeParse({ setting: 'dentist', kind: 'own_concern' });
    assert.equal(result.error?.issues[0]?.message, 'Select your service from the list');
  });

  test('requires the setting and the kind', () => {
    assert.deepEqual(problems({}).sort(), ['kind', 'setting']);
  });
});
