import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../shared/errors.ts';
import { parseCreateRequest, type CreateRequestInput } from './request-input.ts';

const police = '11111111-1111-4111-8111-111111111111';
const school = '22222222-2222-4222-8222-222222222222';

/** The front door asks police and Riverside Primary about Sam Taylor, 9, for s47 enquiries. */
const samTaylor: CreateRequestInput = {
  child: { firstName: 'Sam', lastName: 'Taylor', dob: '2017-03-14', postcode: 'NS1 4AB' },
  purpose: 's47_enquiry',
  gatewayId: 'CA1989-S47',
  rag: 'red',
  question: 'Any incidents at the home address in the last 12 months?',
  partnerChecks: [{ organisationId: police }, { organisationId: school }],
};

function fieldsOf(input: unknown): string[] {
  try {
    parseCreateRequest(input);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation_failed')
      return (e.fields ?? []).map((f) => f.field);
    throw e;
  }
  assert.fail('expected a validation error');
}

test('a request naming the child, purpose, gateway, RAG and two agencies is accepted', () => {
  const draft = parseCreateRequest(samTaylor);
  assert.equal(draft.partnerChecks.length, 2);
  assert.equal(draft.rag, 'red');
});

test('a child named without a date of birth or NHS number is refused: the agencies would have to trawl', () => {
  assert.deepEqual(fieldsOf({ ...samTaylor, child: { firstName: 'Sam', lastName: 'Taylor' } }), [
    'child.dob',
  ]);
  assert.deepEqual(
    fieldsOf({ ...samTaylor, child: { firstName: 'Sam', lastName: 'Taylor', nhsNumber: '1234567890' } }),
    ['child.nhsNumber'],
  );
});

test('an unknown RAG, purpose or key, no agencies, or one agency twice are refused naming the field', () => {
  assert.deepEqual(fieldsOf({ ...samTaylor, rag: 'purple' }), ['rag']);
  assert.deepEqual(fieldsOf({ ...samTaylor, purpose: 'curiosity' }), ['purpose']);
  assert.deepEqual(fieldsOf({ ...samTaylor, partnerChecks: [] }), ['partnerChecks']);
  assert.deepEqual(
    fieldsOf({ ...samTaylor, partnerChecks: [{ organisationId: police }, { organisationId: police }] }),
    ['partnerChecks.1.organisationId'],
  );
  assert.deepEqual(fieldsOf({ ...samTaylor, child: { ...samTaylor.child, religion: 'x' } }), [
    'child.religion',
  ]);
  assert.deepEqual(fieldsOf({ ...samTaylor, child: { ...samTaylor.child, dob: '2017-02-30' } }), [
    'child.dob',
  ]);
});
