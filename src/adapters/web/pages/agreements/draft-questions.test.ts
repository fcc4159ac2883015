import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyDraft, FORM_FIELDS, type DraftForm } from './draft-form.ts';
import {
  nextQuestion,
  previousQuestion,
  QUESTIONS,
  questionOfField,
  questionsFor,
  unansweredProblems,
  type DraftJourney,
} from './draft-questions.ts';
import { draftKey, forgetAgreementDrafts, readDraft, writeDraft } from './draft-storage.ts';

const newTier2: DraftJourney = { kind: 'new', tier: 'tier2' };
const newTier1: DraftJourney = { kind: 'new', tier: 'tier1' };
const editTier2: DraftJourney = { kind: 'edit', tier: 'tier2', id: 'a1' };

const slugs = (journey: DraftJourney, form: DraftForm = emptyDraft) =>
  questionsFor(journey, form).map((q) => q.slug);

const answered: DraftForm = {
  ...emptyDraft,
  tier1AgreementId: 't1',
  title: 'Strategy discussions',
  parties: ['csc', 'police'],
  startDate: '2026-04-01',
  reviewDate: '2026-10-01',
  flow: {
    ...emptyDraft.flow,
    name: 'Council checks',
    fromOrganisationIds: ['csc'],
    toOrganisationIds: ['police'],
    purposes: ['strategy_discussion'],
    fieldGroups: ['identity'],
    art6BasisId: 'UKGDPR-6-1-e',
    method: 'tessera',
    frequency: 'per_case',
  },
};

/** Session storage as the browser gives it, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

describe('the agreement draft as question pages', () => {
  test('a new Tier 2 asks its Tier 1 and its first flow; a Tier 1 its framework; an edit the sections only', () => {
    const tier2 = slugs(newTier2);
    assert.equal(tier2[0], 'framework');
    assert.ok(tier2.includes('flow-basis') && !tier2.includes('gateways'));
    const tier1 = slugs(newTier1);
    assert.ok(tier1.includes('gateways') && !tier1.includes('framework') && !tier1.includes('flow-name'));
    const edit = slugs(editTier2, answered);
    assert.ok(!edit.includes('framework') && !edit.some((s) => s.startsWith('flow-')));
  });

  test('whom to contact at each party is asked only once there are parties', () => {
    assert.ok(!slugs(newTier2).includes('contacts'));
    assert.equal(nextQuestion(newTier2, emptyDraft, 'parties')?.slug, 'dates');
    assert.equal(nextQuestion(newTier2, answered, 'parties')?.slug, 'contacts');
    assert.equal(previousQuestion(newTier2, answered, 'dates')?.slug, 'contacts');
    assert.equal(previousQuestion(newTier2, answered, 'framework'), null);
    assert.equal(nextQuestion(newTier2, answered, 'flow-method'), null, 'the last page leads to the answers');
  });

  test('every problem names its field in plain words, on the page that holds it', () => {
    const problems = unansweredProblems(newTier2, emptyDraft);
    assert.deepEqual(
      problems.map((p) => p.problem),
      [
        'Select the Tier 1 agreement it comes under',
        'Enter a title',
        'Select every organisation that shares or receives information',
        'Enter the start date, like 2026-04-01',
        'Enter the review date, like 2026-04-01',
        'Enter a name for the flow',
        'Select at least one organisation that shares',
        'Select at least one organisation that receives',
        'Select at least one purpose',
        'Select the information shared',
        'Select the UK GDPR Article 6 lawful basis',
        'Select how the information is shared',
        'Select how often it is shared',
      ],
    );
    for (const p of problems) {
      assert.doesNotMatch(p.problem, /valid id|Invalid|expected/i);
      assert.ok(
        questionOfField(p.field)
          ?.problems(emptyDraft)
          .some((q) => q.field === p.field),
        p.field,
      );
    }
    assert.deepEqual(unansweredProblems(newTier2, answered), []);
  });

  test('an impossible date and an over-long contact are refused by name', () => {
    const form = { ...answered, reviewDate: '2027-02-30', contacts: { police: 'x'.repeat(201) } };
    assert.deepEqual(unansweredProblems(newTier2, form), [
      { field: 'contact-police', problem: 'A contact must be 200 characters or fewer' },
      {
        field: 'reviewDate',
        problem: 'Enter the review date as a real date in the format YYYY-MM-DD, like 2026-04-01',
      },
    ]);
  });

  test("a server problem about any of the form's fields finds the page that holds it", () => {
    for (const field of FORM_FIELDS) assert.ok(questionOfField(field), field);
    assert.equal(questionOfField('contact-police')?.slug, 'contacts');
    assert.equal(questionOfField('(body)'), undefined);
    const held = QUESTIONS.flatMap((q) => q.fields).filter((f) => f !== 'contacts');
    assert.equal(new Set(held).size, held.length, 'each field is on one page');
  });

  test('answers wait per user and journey, come back whole after a refresh, and go at sign-out', () => {
    const store = memoryStorage();
    const key = draftKey('u1', newTier2);
    assert.notEqual(key, draftKey('u2', newTier2));
    assert.notEqual(draftKey('u1', editTier2, 1), draftKey('u1', editTier2, 2));
    assert.equal(readDraft(key, store), null);
    writeDraft(key, answered, store);
    assert.deepEqual(readDraft(key, store), answered);
    store.setItem(draftKey('u1', newTier1), '{"title":"Framework"}');
    assert.deepEqual(readDraft(draftKey('u1', newTier1), store), { ...emptyDraft, title: 'Framework' });
    store.setItem('other', 'kept');
    forgetAgreementDrafts(store);
    assert.equal(readDraft(key, store), null);
    assert.equal(store.getItem('other'), 'kept');
    store.setItem(key, 'not json');
    assert.equal(readDraft(key, store), null);
  });
});
