import type { Clock } from '../shared/clock.ts';

export interface RateLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Counts failed sign-ins per account and per network address in a sliding window. It is checked
 * before any password hashing, so a flood of guesses costs us a map lookup, not argon2.
 * It lives in process memory: behind a load balancer, each instance limits on its own (see
 * ARCHITECTURE.md).
 */
export class SignInRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly perAccount: RateLimitRule = { limit: 5, windowMs: 15 * 60_000 },
    private readonly perAddress: RateLimitRule = { limit: 30, windowMs: 15 * 60_000 },
  ) {}

  isLimited(account: string, address: string): boolean {
    return (
      this.count(`account:${account}`, this.perAccount) >= this.perAccount.limit ||
      this.count(`address:${address}`, this.perAddress) >= this.perAddress.limit
    );
  }

  /** Whether the account alone has reached its limit: it is locked, whatever the address. */
  isAccountLimited(account: string): boolean {
    return this.count(`account:${account}`, this.perAccount) >= this.perAccount.limit;
  }

  /** How long an account stays locked after its last counted failure, in whole minutes. */
  get accountLockMinutes(): number {
    return Math.round(this.perAccount.windowMs / 60_000);
  }

  recordFailure(account: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const key of [`account:${account}`, `address:${address}`]) {
      const list = this.failures.get(key) ?? [];
      list.push(now);
      this.failures.set(key, list);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private count(key: string, rule: RateLimitRule): number {
    const list = this.failures.get(key);
    if (!list) return 0;
    const since = this.clock.now().getTime() - rule.windowMs;
    const recent = list.filter((t) => t > since);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    return recent.length;
  }
}

/**
 * At most `limit` acts per key in a sliding window, for acts that are allowed but must not be
 * automated: person searches, which would otherwise let one account enumerate who is known to
 * the partnership by trying names and dates of birth. In process memory, as the sign-in limiter.
 */
export class SlidingWindowLimiter {
  private readonly acts = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly rule: RateLimitRule,
  ) {}

  /** Counts the act and says whether it is within the limit; a refused act is not counted. */
  tryAcquire(key: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.acts.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (recent.length >= this.rule.limit) {
      this.acts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.acts.set(key, recent);
    return true;
  }

  /**
   * How long until `key` may act again: 0 while within the limit, else until the oldest act
   * counted leaves the window. What a refusal tells the caller to wait (Retry-After).
   */
  retryAfterMs(key: string): number {
    const now = this.clock.now().getTime();
    const recent = (this.acts.get(key) ?? []).filter((t) => t > now - this.rule.windowMs);
    if (recent.length < this.rule.limit) return 0;
    return recent[recent.length - this.rule.limit]! + this.rule.windowMs - now;
  }
}
