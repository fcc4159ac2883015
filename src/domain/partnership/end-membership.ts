import { and, eq, isNull } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { userSession } from '../identity/schema.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { authorise } from './authorise.ts';
import { overOrganisation } from './capabilities.ts';
import { assertMayGrant, grantedByLabel } from './role-grants.ts';
import type { Role } from './roles.ts';
import { membership } from './schema.ts';

/**
 * Ends a membership (it is kept, dated, with who ended it, for the audit trail and the DPO's
 * register of grants) and ends at once every session acting through it: someone who leaves an
 * organisation loses access on their next click. Ending a role follows the rules of granting it
 * (role-grants.ts): only whoever may grant it may end it, and never one's own.
 */
export async function endMembership(
  deps: Deps,
  actor: Actor,
  input: { userId: string; membershipId: string },
): Promise<void> {
  const current = and(
    eq(membership.partnershipId, actor.partnershipId),
    eq(membership.id, input.membershipId),
    eq(membership.userId, input.userId),
    isNull(membership.endedAt),
  );
  const [found] = await deps.db.select().from(membership).where(current);
  // A membership that does not exist is checked over the actor's own organisation, so it answers
  // "not found" to an administrator and the same audited "not found" to anyone else.
  const organisationId = found?.organisationId ?? (actor.kind === 'user' ? actor.organisationId : '');
  await authorise(deps, actor, 'manage_users', overOrganisation(organisationId), 'membership.end');
  if (!found) throw notFound('The membership');
  await assertMayGrant(deps, actor, 'end', {
    userId: found.userId,
    organisationId: found.organisationId,
    role: found.role as Role,
  });
  await deps.db.transaction(async (tx) => {
    const [ended] = await tx
      .update(membership)
      .set({ endedAt: deps.clock.now(), endedBy: grantedByLabel(actor) })
      .where(current)
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
