import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../shared/clock.ts';
import { SignInRateLimiter, SlidingWindowLimiter } from './rate-limiter.ts';

test('an account is limited after five failures in fifteen minutes, and freed as they age out', () => {
  const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
  const limiter = new SignInRateLimiter(clock);
  for (let i = 0; i < 4; i++) limiter.recordFailure('sam@x.example', `10.0.0.${i}`);
  assert.equal(limiter.isLimited('sam@x.example', '10.9.9.9'), false);
  limiter.recordFailure('sam@x.example', '10.0.0.9');
  assert.equal(limiter.isLimited('sam@x.example', '10.9.9.9'), true);
  assert.equal(limiter.isLimited('jo@x.example', '10.9.9.9'), false, 'other accounts are not affected');
  clock.advance(15 * 60_000 + 1);
  assert.equal(limiter.isLimited('sam@x.example', '10.9.9.9'), false);
});

test('a success clears the account count but not the address count', () => {
  const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
  const limiter = new SignInRateLimiter(
    clock,
    { limit: 2, windowMs: 60_000 },
    { limit: 3, windowMs: 60_000 },
  );
  limiter.recordFailure('a@x.example', '192.0.2.1');
  limiter.recordFailure('a@x.example', '192.0.2.1');
  limiter.recordSuccess('a@x.example');
  assert.equal(limiter.isLimited('a@x.example', '192.0.2.2'), false);
  limiter.recordFailure('b@x.example', '192.0.2.1');
  assert.equal(limiter.isLimited('c@x.example', '192.0.2.1'), true, 'three failures from one address');
});

test('a sliding window allows the limit per key, refuses the next, and frees each act as it ages out', () => {
  const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
  const limiter = new SlidingWindowLimiter(clock, { limit: 3, windowMs: 60_000 });
  assert.deepEqual(
    [1, 2, 3, 4].map(() => limiter.tryAcquire('user-a')),
    [true, true, true, false],
  );
  assert.equal(limiter.tryAcquire('user-b'), true, 'another user is not affected');
  clock.advance(60_001);
  assert.equal(limiter.tryAcquire('user-a'), true);
});

test('a refused key is told to wait until its oldest counted act leaves the window, and no longer', () => {
  const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
  const limiter = new SlidingWindowLimiter(clock, { limit: 2, windowMs: 60_000 });
  assert.equal(limiter.retryAfterMs('user-a'), 0, 'within the limit, no wait');
  limiter.tryAcquire('user-a');
  clock.advance(10_000);
  limiter.tryAcquire('user-a');
  assert.equal(limiter.tryAcquire('user-a'), false);
  assert.equal(limiter.retryAfterMs('user-a'), 50_000, 'the first act ages out 60 s after it was made');
  assert.equal(limiter.retryAfterMs('user-b'), 0);
  clock.advance(49_999);
  assert.equal(limiter.tryAcquire('user-a'), false, 'a millisecond early is still refused');
  clock.advance(1);
  assert.equal(limiter.tryAcquire('user-a'), true, 'on time is allowed');
});
