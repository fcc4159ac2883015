import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newPath, type DecisionPathState, type RecordAnswers } from './decision-answers.ts';
import { decisionBodyOf, followProblems, recordSeededFrom, sharedAtOf } from './decision-body.ts';
import type { PathContext } from './decision-questions.ts';
import { forgetDecisionPaths, pathKey, readPath, writePath } from './decision-storage.ts';

const child: PathContext = {
  start: { kind: 'child', personId: '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a01', purpose: 'early_help' },
  derivedSetting: 'school',
};
const recipient = '5e0f5a1c-8d2b-4a6e-9b3f-1c2d3e4f5a01';

function path(
  record: Partial<RecordAnswers>,
  follow: 'yes' | 'no' = 'yes',
  departureReason = '',
): DecisionPathState {
  const fresh = newPath('idem-1', 'school');
  return {
    ...fresh,
    situation: {
      ...fresh.situation,
      danger: 'no',
      kind: 'own_concern',
      concerns: ['disclosureByChild'],
      age: '9',
      consent: 'not_sought',
      seekingWouldIncreaseRisk: 'yes',
      familyRisk: 'yes',
    },
    follow,
    departureReason,
    record: { ...fresh.record, ...record },
  };
}

const sharing: Partial<RecordAnswers> = {
  decision: 'share',
  reasons: ' The child told me of abuse at home. ',
  recipientOrganisationId: recipient,
  fieldGroups: ['education', 'attendance_exclusions'],
  justifications: {
    education: 'Who the child is at school',
    attendance_exclusions: 'Absences since the disclosure',
  },
  lawfulBasis: ['UKGDPR-6-1-e', 'EA2002-S175'],
  method: 'phone',
  familyTold: 'no',
  familyNotToldReason: 'Telling them would put the child at risk',
  advisedBy: 'Jo Baker, DSL',
  expiresOn: '2027-03-01',
};

describe('the body of POST /api/decisions', () => {
  test('a share following the recommendation, with the situation for the server to evaluate', () => {
    assert.deepEqual(decisionBodyOf(child, path(sharing)), {
      personId: '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a01',
      purpose: 'early_help',
      decision: 'share',
      situation: {
        setting: 'school',
        kind: 'own_concern',
        child: { age: 9 },
        concern: { disclosureByChild: true },
        consent: { status: 'not_sought', seekingWouldIncreaseRisk: true },
        informingFamilyWouldIncreaseRisk: true,
        dataCategories: ['personal'],
      },
      followedRecommendation: true,
      recipientOrganisationId: recipient,
      fieldGroups: [
        { group: 'education', justification: 'Who the child is at school' },
        { group: 'attendance_exclusions', justification: 'Absences since the disclosure' },
      ],
      lawfulBasis: ['UKGDPR-6-1-e', 'EA2002-S175'],
      method: 'phone',
      reasons: 'The child told me of abuse at home.',
      familyTold: 'no',
      familyNotToldReason: 'Telling them would put the child at risk',
      advisedBy: 'Jo Baker, DSL',
      disclosureExpiresAt: '2027-03-01',
    });
  });

  test('a departure carries its reason; not sharing carries no information, basis or expiry', () => {
    const body = decisionBodyOf(
      child,
      path(
        { ...sharing, decision: 'not_share', recipientOrganisationId: '', familyTold: 'yes' },
        'no',
        'The police already hold this',
      ),
    );
    assert.equal(body?.decision, 'not_share');
    assert.equal(body?.followedRecommendation, false);
    assert.equal(body?.departureReason, 'The police already hold this');
    assert.deepEqual(body?.lawfulBasis, []);
    for (const absent of [
      'fieldGroups',
      'recipientOrganisationId',
      'disclosureExpiresAt',
      'familyNotToldReason',
    ])
      assert.equal(absent in (body ?? {}), false, absent);
  });

  test('a share recorded after an emergency says when it happened', () => {
    const body = decisionBodyOf(child, path({ ...sharing, sharedOn: '2026-12-07', sharedTime: '14:30' }));
    assert.equal(body?.sharedAt, new Date('2026-12-07T14:30:00').toISOString());
    assert.equal(sharedAtOf('', '14:30'), undefined);
    assert.equal('sharedAt' in (decisionBodyOf(child, path(sharing)) ?? {}), false, 'now, by default');
  });

  test('guidance without a child records nothing', () => {
    assert.equal(
      decisionBodyOf({ start: { kind: 'advice' }, derivedSetting: 'school' }, path(sharing)),
      null,
    );
  });

  test('the idempotency key is made once per path and kept with the answers', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      key: (i: number) => [...store.keys()][i] ?? null,
      get length() {
        return store.size;
      },
      clear: () => store.clear(),
    } as Storage;
    const key = pathKey('user-1', child.start);
    writePath(key, path(sharing), storage);
    assert.equal(readPath(key, storage)?.idempotencyKey, 'idem-1');
    assert.deepEqual(readPath(key, storage)?.record.fieldGroups, sharing.fieldGroups);
    forgetDecisionPaths(storage);
    assert.equal(readPath(key, storage), null);
  });
});

describe('following or departing from the recommendation', () => {
  test('a departure needs a reason', () => {
    assert.deepEqual(
      followProblems(path({}, 'no')).map((p) => p.field),
      ['departureReason'],
    );
    assert.deepEqual(followProblems(path({}, 'no', 'Because')), []);
    assert.deepEqual(
      followProblems({ ...path({}), follow: '' }).map((p) => p.field),
      ['follow'],
    );
  });

  test('following fills in the decision the outcome implies and the basis it found', () => {
    const seeded = recordSeededFrom(path({}), {
      outcome: 'share_without_consent',
      lawfulBasis: ['UKGDPR-6-1-e'],
    });
    assert.equal(seeded.record.decision, 'share');
    assert.deepEqual(seeded.record.lawfulBasis, ['UKGDPR-6-1-e']);
    assert.equal(seeded.record.familyTold, '', 'what happened is never filled in');
    const departing = recordSeededFrom(path({}, 'no', 'x'), { outcome: 'share', lawfulBasis: [] });
    assert.equal(departing.record.decision, '');
    const asked = recordSeededFrom(path({}), { outcome: 'seek_consent_first', lawfulBasis: [] });
    assert.equal(asked.record.decision, '', 'no decision follows from "ask first"');
  });
});
