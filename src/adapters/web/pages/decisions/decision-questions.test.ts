import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newPath, type DecisionPathState, type SituationAnswers } from './decision-answers.ts';
import {
  afterQuestion,
  firstUnanswered,
  nextPage,
  pageFieldOf,
  previousQuestion,
  questionOfField,
  questionsFor,
  unansweredProblems,
  type PathContext,
} from './decision-questions.ts';
import { settingOfMembership } from './setting-of-membership.ts';
import { concernsFor } from './situation-labels.ts';

const child: PathContext = {
  start: { kind: 'child', personId: 'p1', purpose: 'early_help' },
  derivedSetting: 'school',
};
const advice: PathContext = { start: { kind: 'advice' }, derivedSetting: 'school' };
const trust: PathContext = { start: { kind: 'advice' }, derivedSetting: '' };

const path = (situation: Partial<SituationAnswers> = {}, setting = 'school'): DecisionPathState => {
  const fresh = newPath('key-1', setting);
  return { ...fresh, situation: { ...fresh.situation, ...situation } };
};
const slugs = (context: PathContext, state: DecisionPathState, part: 'situation' | 'record' = 'situation') =>
  questionsFor(context, state, part).map((q) => q.slug);

describe('which situation question follows which', () => {
  test('a school’s own concern: danger, kind, concern, child, consent, family risk, data', () => {
    assert.deepEqual(slugs(child, path({ kind: 'own_concern' })), [
      'danger',
      'kind',
      'concern',
      'child',
      'consent',
      'family-risk',
      'data',
    ]);
  });

  test('before the kind is answered only the danger and kind pages are known', () => {
    assert.deepEqual(slugs(child, path()), ['danger', 'kind']);
  });

  test('a request asks who is asking and what for, and not the concerns', () => {
    assert.deepEqual(slugs(advice, path({ kind: 'incoming_request' })), [
      'danger',
      'kind',
      'requester',
      'request',
      'child',
      'consent',
      'family-risk',
      'data',
    ]);
  });

  test('the MASH sending partner checks is not asked who is asking, nor for consent', () => {
    assert.deepEqual(slugs(advice, path({ kind: 'partner_check' }, 'mash')), [
      'danger',
      'kind',
      'concern',
      'child',
      'family-risk',
      'data',
    ]);
  });

  test('a partner answering the MASH’s checks is asked who is asking', () => {
    assert.ok(slugs(advice, path({ kind: 'partner_check' }, 'gp')).includes('requester'));
  });

  test('a school transfer asks about the child and the data only', () => {
    assert.deepEqual(slugs(child, path({ kind: 'school_transfer' })), ['danger', 'kind', 'child', 'data']);
  });

  test('the service is asked only when the organisation does not tell it', () => {
    assert.deepEqual(slugs(trust, path({ kind: 'own_concern' }, '')).slice(0, 3), [
      'danger',
      'setting',
      'kind',
    ]);
    assert.equal(settingOfMembership('nhs_trust', 'practitioner'), '');
    assert.equal(settingOfMembership('school', 'designated_safeguarding_lead'), 'school');
    assert.equal(settingOfMembership('police', 'front_door_officer'), 'mash_police');
    assert.equal(settingOfMembership('council_childrens_social_care', 'practitioner'), 'council_csc');
  });

  test('Continue goes to the next page, the last to "check your answers"; Back to the one before', () => {
    const state = path({ kind: 'own_concern', danger: 'no' });
    assert.deepEqual(nextPage(child, state, 'danger'), {
      to: 'question',
      question: questionsFor(child, state, 'situation')[1],
    });
    const last = nextPage(child, state, 'data');
    assert.equal(last.to, 'check');
    assert.equal(previousQuestion(child, state, 'concern')?.slug, 'kind');
    assert.equal(previousQuestion(child, state, 'danger'), null);
  });

  test('only schools and early years are offered a transfer', () => {
    const kindProblems = (setting: string) =>
      unansweredProblems(
        advice,
        path({ danger: 'no', kind: 'school_transfer' }, setting),
        'situation',
      ).filter((p) => p.field === 'kind');
    assert.deepEqual(kindProblems('school'), []);
    assert.equal(kindProblems('gp').length, 1);
  });

  test('the concerns asked depend on the service', () => {
    assert.ok(concernsFor('police').includes('domesticAbuseIncidentChildPresent'));
    assert.ok(!concernsFor('school').includes('domesticAbuseIncidentChildPresent'));
    assert.ok(concernsFor('midwifery').includes('previousChildRemoved'));
    assert.ok(!concernsFor('school').includes('injuryNonMobileBaby'));
    assert.ok(concernsFor('school').includes('disclosureByChild'));
  });
});

describe('immediate danger stops the path at the first page', () => {
  test('yes to danger goes to the stop page, whatever else is answered', () => {
    assert.deepEqual(nextPage(child, path({ danger: 'yes' }), 'danger'), { to: 'stop' });
    assert.deepEqual(nextPage(advice, path({ danger: 'yes', kind: 'own_concern' }), 'danger'), {
      to: 'stop',
    });
  });

  test('no goes on; the stop page’s "continue" goes to the page after danger', () => {
    assert.equal(nextPage(child, path({ danger: 'no' }), 'danger').to, 'question');
    const after = afterQuestion(trust, path({ danger: 'yes' }, ''), 'danger');
    assert.equal(after.to === 'question' && after.question.slug, 'setting');
  });

  test('the danger question must be answered', () => {
    assert.deepEqual(
      unansweredProblems(child, path(), 'situation').map((p) => p.field),
      ['danger', 'kind'],
    );
  });
});

describe('what each page refuses', () => {
  test('an age that is not whole years, or over 25', () => {
    const problems = (age: string) =>
      unansweredProblems(child, path({ danger: 'no', kind: 'school_transfer', age }), 'situation');
    assert.deepEqual(problems('9'), []);
    assert.deepEqual(problems(''), []);
    assert.equal(problems('nine')[0]?.problem, 'Enter the child’s age in whole years');
    assert.equal(problems('30')[0]?.problem, 'Enter an age of 25 or under');
  });

  test('consent not given asks whether asking would increase the risk', () => {
    const fields = (consent: string) =>
      unansweredProblems(
        child,
        path({ danger: 'no', kind: 'own_concern', consent, familyRisk: 'no' }),
        'situation',
      ).map((p) => p.field);
    assert.deepEqual(fields('given'), []);
    assert.deepEqual(fields('not_sought'), ['seekingWouldIncreaseRisk']);
  });

  test('a member of the public asking: their relationship and whether they are suspected', () => {
    const state = path({ danger: 'no', kind: 'incoming_request', requesterOrgType: 'member_of_public' });
    const fields = unansweredProblems(advice, state, 'situation').map((p) => p.field);
    assert.ok(fields.includes('relationship') && fields.includes('allegedAbuser'));
  });

  test('after a change, the first page left unanswered is asked before returning', () => {
    const state = path({ danger: 'no', kind: 'incoming_request', consent: 'given', familyRisk: 'no' });
    assert.equal(firstUnanswered(advice, state, 'situation')?.slug, 'requester');
    assert.equal(
      firstUnanswered(
        advice,
        { ...state, situation: { ...state.situation, kind: 'school_transfer' } },
        'situation',
      ),
      null,
    );
  });
});

describe('the record’s pages', () => {
  const recording = (record: Partial<DecisionPathState['record']>): DecisionPathState => {
    const state = path({ kind: 'own_concern' });
    return { ...state, record: { ...state.record, ...record } };
  };

  test('a path without a child records nothing: no record pages', () => {
    assert.deepEqual(slugs(advice, recording({ decision: 'share' }), 'record'), []);
  });

  test('sharing asks what, why each, on what basis and until when', () => {
    assert.deepEqual(slugs(child, recording({ decision: 'share', fieldGroups: ['education'] }), 'record'), [
      'decision',
      'recipient',
      'information',
      'justification',
      'basis',
      'method',
      'family',
      'advice',
      'expiry',
    ]);
  });

  test('after an emergency, sharing asks when it was shared (recorded afterwards)', () => {
    const state = recording({ decision: 'share', fieldGroups: ['education'] });
    const afterDanger = { ...state, situation: { ...state.situation, danger: 'yes' as const } };
    assert.ok(slugs(child, afterDanger, 'record').includes('when'));
    assert.ok(!slugs(child, state, 'record').includes('when'));
    const when = questionsFor(child, afterDanger, 'record').find((q) => q.slug === 'when');
    assert.deepEqual(
      when
        ?.problems({
          ...afterDanger,
          record: { ...afterDanger.record, sharedOn: '2026-12-07', sharedTime: '25:00' },
        })
        .map((p) => p.field),
      ['sharedTime'],
    );
  });

  test('not sharing asks none of what is shared', () => {
    assert.deepEqual(slugs(child, recording({ decision: 'not_share' }), 'record'), [
      'decision',
      'recipient',
      'method',
      'family',
      'advice',
    ]);
  });

  test('each information shared needs its own justification; a family not told needs a reason', () => {
    const state = recording({
      decision: 'share',
      reasons: 'Disclosure',
      recipientOrganisationId: 'org',
      fieldGroups: ['education', 'attendance_exclusions'],
      justifications: { education: 'Context' },
      lawfulBasis: ['UKGDPR-6-1-e'],
      method: 'phone',
      familyTold: 'no',
    });
    assert.deepEqual(
      unansweredProblems(child, state, 'record').map((p) => p.field),
      ['justification-attendance_exclusions', 'familyNotToldReason'],
    );
  });

  test('a sharing decision needs a recipient; not sharing does not', () => {
    const fields = (decision: 'share' | 'not_share') =>
      unansweredProblems(
        child,
        recording({ decision, reasons: 'r', method: 'phone', familyTold: 'yes' }),
        'record',
      ).map((p) => p.field);
    assert.ok(fields('share').includes('recipientOrganisationId'));
    assert.deepEqual(fields('not_share'), []);
  });

  test('a field the server names is found on its page', () => {
    const state = recording({ decision: 'share', fieldGroups: ['education', 'housing'] });
    assert.equal(questionOfField('fieldGroups.1.justification', state)?.slug, 'justification');
    assert.equal(questionOfField('lawfulBasis', state)?.slug, 'basis');
    assert.equal(questionOfField('disclosureExpiresAt', state)?.slug, 'expiry');
    assert.equal(questionOfField('lawfulBasis.2', state)?.slug, 'basis');
    assert.equal(questionOfField('fieldGroups.1.group', state)?.slug, 'information');
    assert.equal(pageFieldOf('fieldGroups.1.justification', state), 'justification-housing');
    assert.equal(
      questionOfField('familyNotToldReason', { ...state, record: { ...state.record, familyTold: 'no' } })
        ?.slug,
      'family',
    );
  });
});
