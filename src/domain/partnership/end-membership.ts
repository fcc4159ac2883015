import { and, eq, isNull } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { userSession } from '../identity/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { authorise } from './authorise.ts';
import { membership } from './schema.ts';

/**
 * Ends a membership (it is kept, dated, for the audit trail) and ends at once every session
 * acting through it: someone who leaves an organisation loses access on their next click.
 */
export async function endMembership(
  deps: Deps,
  actor: Actor,
  input: { userId: string; membershipId: string },
): Promise<void> {
  await authorise(deps, actor, 'manage_partnership', 'membership.end');
  await deps.db.transaction(async (tx) => {
    const [ended] = await tx
      .update(membership)
      .set({ endedAt: deps.clock.now() })
      .where(
        and(
          eq(membership.partnershipId, actor.partnershipId),
          eq(membership.id, input.membershipId),
          eq(membership.userId, input.userId),
          isNull(membership.endedAt),
        ),
      )
      .returning();
    if (!ended) throw notFound('The membership');
    const sessions = await tx
      .delete(userSession)
      .where(
        and(
          eq(userSession.partnershipId, actor.partnershipId),
          eq(userSession.membershipId, input.membershipId),
        ),
      )
      .returning({ tokenHash: userSession.tokenHash });
    await appendAuditEvent(tx, {
      actor,
      action: 'membership.ended',
      outcome: 'success',
      details: {
        userId: ended.userId,
        organisationId: ended.organisationId,
        role: ended.role,
        sessionsEnded: sessions.length,
      },
      subject: { type: 'user', id: ended.userId },
    });
  });
}
