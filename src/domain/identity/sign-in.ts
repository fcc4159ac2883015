import { eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findActiveMemberships } from '../partnership/find-memberships.ts';
import { appUser } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError } from '../shared/errors.ts';
import {
  PLATFORM_PARTNERSHIP_ID,
  type MembershipId,
  type OrganisationId,
  type PartnershipId,
  type UserId,
} from '../shared/ids.ts';
import { hashForUnknownAccounts, verifyPassword } from './password-hashing.ts';
import type { SignInRateLimiter } from './rate-limiter.ts';
import { userSession } from './schema.ts';
import { hashSessionToken, newCsrfToken, newSessionToken } from './session-token.ts';

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  /** The client's network address, for the per-address rate limit. */
  readonly address: string;
  readonly requestId?: string;
}

export interface SignedIn {
  readonly token: string;
  readonly actor: Actor & { kind: 'user' };
}

const refused = () => new DomainError('invalid_credentials', 'Enter a correct email address and password');

/**
 * Local sign-in. Every outcome, success or failure, is audited. The rate limit is checked before
 * any hashing; an unknown account is verified against a dummy hash so that it answers exactly
 * like a wrong password, in the same time.
 */
export async function signIn(
  deps: Deps & { rateLimiter: SignInRateLimiter },
  input: SignInInput,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const [user] = await deps.db.select().from(appUser).where(eq(appUser.email, email)).limit(1);
  const partnershipId = (user?.partnershipId ?? PLATFORM_PARTNERSHIP_ID) as PartnershipId;
  const failure = async (reason: 'unknown_account' | 'wrong_password' | 'rate_limited') => {
    await appendAuditEvent(deps.db, {
      actor: { kind: 'anonymous', partnershipId },
      action: 'session.sign_in_failed',
      outcome: 'failure',
      details: { reason, attemptedEmail: email },
      ...(user ? { subject: { type: 'user', id: user.id } } : {}),
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
  };

  if (deps.rateLimiter.isLimited(email, input.address)) {
    await failure('rate_limited');
    throw new DomainError('rate_limited', 'Too many attempts to sign in. Wait 15 minutes, then try again');
  }
  // The same queries and the same hashing run whether or not the account exists.
  const memberships = await findActiveMemberships(
    deps.db,
    partnershipId,
    user?.id ?? PLATFORM_PARTNERSHIP_ID,
  );
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await hashForUnknownAccounts()),
    input.password,
  );
  // A user with no current membership has no role to act in: treated like an unknown account.
  if (!user || memberships.length === 0 || !passwordOk) {
    deps.rateLimiter.recordFailure(email, input.address);
    await failure(user && memberships.length > 0 ? 'wrong_password' : 'unknown_account');
    throw refused();
  }
  deps.rateLimiter.recordSuccess(email);

  const membership = memberships[0]!;
  const actor = {
    kind: 'user',
    userId: user.id as UserId,
    partnershipId,
    organisationId: membership.organisationId as OrganisationId,
    membershipId: membership.id as MembershipId,
    role: membership.role,
    organisationType: membership.organisationType,
  } as const;
  const token = newSessionToken();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(userSession).values({
      tokenHash: hashSessionToken(token),
      partnershipId,
      userId: user.id,
      membershipId: membership.id,
      csrfToken: newCsrfToken(),
      createdAt: now,
      lastSeenAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'session.signed_in',
      outcome: 'success',
      details: {},
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
  });
  return { token, actor };
}
