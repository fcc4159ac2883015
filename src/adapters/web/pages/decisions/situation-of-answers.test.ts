import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateSituation } from '../../../../domain/decisions/evaluate-situation.ts';
import { SituationSchema } from '../../../../domain/decisions/situation.ts';
import { newPath, type DecisionPathState, type SituationAnswers } from './decision-answers.ts';
import type { PathContext } from './decision-questions.ts';
import { situationOf } from './situation-of-answers.ts';

const context: PathContext = { start: { kind: 'advice' }, derivedSetting: 'school' };
const path = (situation: Partial<SituationAnswers>, setting = 'school'): DecisionPathState => {
  const fresh = newPath('k', setting);
  return { ...fresh, situation: { ...fresh.situation, ...situation } };
};

describe('the situation built from the answers', () => {
  test('a school DSL’s own concern: a disclosure, consent not sought as unsafe', () => {
    const situation = situationOf(
      context,
      path({
        danger: 'no',
        kind: 'own_concern',
        concerns: ['disclosureByChild'],
        age: '9',
        childFacts: [],
        consent: 'not_sought',
        seekingWouldIncreaseRisk: 'yes',
        familyRisk: 'not_sure',
      }),
    );
    assert.deepEqual(situation, {
      setting: 'school',
      kind: 'own_concern',
      child: { age: 9 },
      concern: { disclosureByChild: true },
      consent: { status: 'not_sought', seekingWouldIncreaseRisk: true },
      dataCategories: ['personal'],
    });
    // The edge's own strict schema takes it, and the engine answers as the guidance does.
    const answer = evaluateSituation(SituationSchema.parse(situation), '2024');
    assert.equal(answer.outcome, 'share_without_consent');
    assert.ok(answer.advice.includes('refer_csc_now'));
  });

  test('immediate danger is a concern whatever page follows', () => {
    const situation = situationOf(context, path({ danger: 'yes', kind: 'own_concern' }));
    assert.deepEqual(situation.concern, { immediateDanger: true });
    assert.ok(evaluateSituation(SituationSchema.parse(situation), '2024').advice.includes('call_999'));
  });

  test('answers on pages no longer asked are left out', () => {
    const situation = situationOf(
      context,
      path({
        kind: 'school_transfer',
        concerns: ['radicalisation'],
        consent: 'refused',
        requesterOrgType: 'police',
        familyRisk: 'yes',
        childFacts: ['onChildProtectionPlan'],
      }),
    );
    assert.deepEqual(situation, {
      setting: 'school',
      kind: 'school_transfer',
      child: { onChildProtectionPlan: true },
      dataCategories: ['personal'],
    });
  });

  test('a concern the service is not asked about (changed service) is dropped', () => {
    const situation = situationOf(
      context,
      path({ kind: 'own_concern', concerns: ['domesticAbuseIncidentChildPresent', 'neglectIndicators'] }),
    );
    assert.deepEqual(situation.concern, { neglectIndicators: true });
  });

  test('a parent asking by phone for the whole record', () => {
    const situation = situationOf(
      context,
      path({
        kind: 'incoming_request',
        requesterOrgType: 'member_of_public',
        relationship: 'parent_with_pr',
        allegedAbuser: 'no',
        identityVerified: 'no',
        requestPurpose: 'other',
        requestForm: 'phone',
        wholeRecord: 'yes',
        consent: 'given',
        seekingWouldIncreaseRisk: 'yes',
        familyRisk: 'no',
        dataCategories: ['special_category'],
      }),
    );
    assert.deepEqual(situation, {
      setting: 'school',
      kind: 'incoming_request',
      requester: {
        orgType: 'member_of_public',
        identityVerified: false,
        purpose: 'other',
        form: 'phone',
        asksForWholeRecord: true,
        relationship: 'parent_with_pr',
        allegedAbuser: false,
      },
      consent: { status: 'given' },
      informingFamilyWouldIncreaseRisk: false,
      dataCategories: ['personal', 'special_category'],
    });
    assert.ok(SituationSchema.safeParse(situation).success);
  });

  test('an unborn baby has no age', () => {
    const situation = situationOf(
      context,
      path(
        { kind: 'own_concern', age: '0', childFacts: ['unborn'], concerns: ['previousChildRemoved'] },
        'midwifery',
      ),
    );
    assert.deepEqual(situation.child, { unborn: true });
    assert.deepEqual(situation.concern, { previousChildRemoved: true });
  });
});
