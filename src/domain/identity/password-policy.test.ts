import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, demoUsers } from '../demo/northshire.ts';
import { passwordProblem } from './password-policy.ts';

const kai = { email: 'kai.thompson@northshire.example', displayName: 'Kai Thompson' };

test('three random words pass', () => {
  assert.equal(passwordProblem('kettle orchard lantern', kai), undefined);
  assert.equal(passwordProblem('purple-otter-lantern', kai), undefined);
});

test('short, common, repeated or personal passwords are refused with a reason', () => {
  assert.match(passwordProblem('tiny', kai)!, /12 characters or more/);
  assert.match(passwordProblem('Password1234', kai)!, /too easy/);
  assert.match(passwordProblem('zzzzzzzzzzzzzz', kai)!, /too easy/);
  assert.match(passwordProblem('i-am-kai.thompson-ok', kai)!, /email/);
  assert.match(passwordProblem('thompson family rules', kai)!, /name/);
  assert.match(passwordProblem('x'.repeat(257), kai)!, /256 characters or fewer/);
});

test('a common password dressed up to meet the length and character rules is too easy to guess', () => {
  // Each is 12 characters or more, with upper case, digits or a symbol: the NCSC rules alone
  // accepted them; the strength estimate (common-password lists, words, dates, keyboard walks) does not.
  for (const password of [
    'Password1234!',
    'P@ssw0rd2026!',
    'Welcome12345',
    'qwertyuiop123',
    'Liverpool2026',
    'Summer2026!!',
    'CorrectHorseBattery',
    '1q2w3e4r5t6y',
    'Northshire2026!',
    'Safeguarding1!',
  ])
    assert.match(passwordProblem(password, kai) ?? 'accepted', /too easy to guess/, password);
});

test('the demo password, quoted in the README, passes for every demo user', () => {
  for (const user of demoUsers) assert.equal(passwordProblem(DEMO_PASSWORD, user), undefined, user.email);
});
