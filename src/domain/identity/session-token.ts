import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid, type PartnershipId } from '../shared/ids.ts';

/**
 * The partnership's id, a dot, then 256 random bits; only its hash is stored, so the session
 * table cannot be replayed. The id is not a secret (it names the tenant, not the person) and
 * lets each request find its session on the partnership's own shard (DESIGN.md section 5).
 */
export function newSessionToken(partnershipId: PartnershipId): string {
  return `${partnershipId}.${randomBytes(32).toString('base64url')}`;
}

/** The partnership a session token names, or undefined for a token not of that shape. */
export function sessionTokenPartnership(token: string): PartnershipId | undefined {
  const dot = token.indexOf('.');
  const id = dot > 0 ? token.slice(0, dot) : '';
  return isUuid(id) ? (id as PartnershipId) : undefined;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensMatch(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Idle and absolute limits: 30 minutes without use, 12 hours in all. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
