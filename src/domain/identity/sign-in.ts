import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findActiveMemberships } from '../partnership/find-memberships.ts';
import { appUser, userEmail } from '../partnership/schema.ts';
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
import { findLockNotice, type LockNotice } from './find-lock-notice.ts';
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
  /** Set when the account was locked since its holder last signed in: tell them. */
  readonly lockNotice?: LockNotice;
}

const refused = () => new DomainError('invalid_credentials', 'Enter a correct email address and password');

/**
 * The same words whether or not the email address is an account (the limiter counts every
 * address tried) and whichever limit was reached, so they reveal nothing; they tell a holder
 * locked out by someone else's guesses what to do. The 15 minutes are the limiter's window.
 */
export const LOCKED_MESSAGE =
  'Too many attempts to sign in. Sign-in is locked for 15 minutes: wait, then try again. If you did not make these attempts, tell your organisation’s administrator';

/**
 * Local sign-in. Every outcome, success or failure, is audited. The rate limit is checked before
 * any hashing; an unknown account is verified against a dummy hash so that it answers exactly
 * like a wrong password, in the same time. The failure that locks an account is audited as
 * `session.account_locked`, and the holder's next successful sign-in carries a lock notice
 * (when, and how many failed attempts), audited on its `session.signed_in` event.
 */
export async function signIn(
  deps: Deps & { rateLimiter: SignInRateLimiter },
  input: SignInInput,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  // Email → partnership from the platform-wide directory (a reference table on Citus), then the
  // account on its partnership's shard. An unknown email runs the same two queries.
  const [entry] = await deps.db.select().from(userEmail).where(eq(userEmail.email, email)).limit(1);
  const [user] = await deps.db
    .select()
    .from(appUser)
    .where(
      and(
        eq(appUser.partnershipId, entry?.partnershipId ?? PLATFORM_PARTNERSHIP_ID),
        eq(appUser.id, entry?.userId ?? PLATFORM_PARTNERSHIP_ID),
      ),
    )
    .limit(1);
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
    throw new DomainError('rate_limited', LOCKED_MESSAGE);
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
    const known = user !== undefined && memberships.length > 0;
    await failure(known ? 'wrong_password' : 'unknown_account');
    // This failure locked the address (a locked one never reaches the check): audited against
    // the account, so its holder is told at their next sign-in (find-lock-notice.ts). An address
    // nobody has is locked and audited the same way, so both do the same work (rule 2).
    if (deps.rateLimiter.isAccountLimited(email))
      await appendAuditEvent(deps.db, {
        actor: { kind: 'anonymous', partnershipId },
        action: 'session.account_locked',
        outcome: 'success',
        ...(known ? { subject: { type: 'user', id: user.id } } : {}),
        details: { lockedForMinutes: deps.rateLimiter.accountLockMinutes },
        ...(input.requestId ? { requestId: input.requestId } : {}),
      });
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
  const token = newSessionToken(partnershipId);
  const now = deps.clock.now();
  const lockNotice = await deps.db.transaction(async (tx) => {
    const notice = await findLockNotice(tx, partnershipId, user.id);
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
      // The notice shown is part of the act: the log says the holder was told.
      details: notice
        ? { lockNotice: { lockedAt: notice.lockedAt.toISOString(), failedAttempts: notice.failedAttempts } }
        : {},
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
    return notice;
  });
  return { token, actor, ...(lockNotice ? { lockNotice } : {}) };
}
