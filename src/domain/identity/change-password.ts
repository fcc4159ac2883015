import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { appUser } from '../partnership/schema.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError } from '../shared/errors.ts';
import { hashPassword, verifyPassword } from './password-hashing.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import type { ActiveSession } from './resolve-session.ts';
import { userSession } from './schema.ts';
import { hashSessionToken, newCsrfToken, newSessionToken } from './session-token.ts';

/**
 * Changes a password and ends every session of the user, including this one; the caller gets a
 * fresh session token, so someone who had stolen a cookie is locked out at once.
 */
export async function changePassword(
  deps: Deps,
  session: ActiveSession,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string }> {
  const { actor } = session;
  const [user] = await deps.db
    .select()
    .from(appUser)
    .where(and(eq(appUser.partnershipId, actor.partnershipId), eq(appUser.id, actor.userId)));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await appendAuditEvent(deps.db, {
      actor,
      action: 'user.password_change_failed',
      outcome: 'failure',
      details: { reason: 'wrong_password' },
    });
    throw new DomainError('validation_failed', 'Check the highlighted fields', {
      fields: [{ field: 'currentPassword', problem: 'Your current password is not correct' }],
    });
  }
  assertAcceptablePassword('newPassword', input.newPassword, user);
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('validation_failed', 'Check the highlighted fields', {
      fields: [
        { field: 'newPassword', problem: 'New password must be different from your current password' },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const token = newSessionToken(actor.partnershipId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ passwordHash, passwordChangedAt: now })
      .where(and(eq(appUser.partnershipId, actor.partnershipId), eq(appUser.id, actor.userId)));
    const ended = await tx
      .delete(userSession)
      .where(and(eq(userSession.partnershipId, actor.partnershipId), eq(userSession.userId, actor.userId)))
      .returning({ tokenHash: userSession.tokenHash });
    await tx.insert(userSession).values({
      tokenHash: hashSessionToken(token),
      partnershipId: actor.partnershipId,
      userId: actor.userId,
      membershipId: actor.membershipId,
      csrfToken: newCsrfToken(),
      createdAt: now,
      lastSeenAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'user.password_changed',
      outcome: 'success',
      details: { sessionsEnded: ended.length },
    });
  });
  return { token };
}
