import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem } from './password-policy.ts';

const kai = { email: 'kai.thompson@northshire.example', displayName: 'Kai Thompson' };

test('three random words pass', () => {
  assert.equal(passwordProblem('kettle orchard lantern', kai), undefined);
});

test('short, common, repeated or personal passwords are refused with a reason', () => {
  assert.match(passwordProblem('tiny', kai)!, /12 characters or more/);
  assert.match(passwordProblem('Password1234', kai)!, /too easy/);
  assert.match(passwordProblem('zzzzzzzzzzzzzz', kai)!, /too easy/);
  assert.match(passwordProblem('i-am-kai.thompson-ok', kai)!, /email/);
  assert.match(passwordProblem('thompson family rules', kai)!, /name/);
  assert.match(passwordProblem('x'.repeat(257), kai)!, /256 characters or fewer/);
});
