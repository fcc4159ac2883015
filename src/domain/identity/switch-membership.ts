import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps } from '../shared/deps.ts';
import { invalid } from '../shared/errors.ts';
import type { ActiveSession } from './resolve-session.ts';
import { userSession } from './schema.ts';

/** A user with roles in several organisations chooses which one they act for. */
export async function switchMembership(
  deps: Deps,
  session: ActiveSession,
  membershipId: string,
): Promise<void> {
  if (!session.memberships.some((m) => m.id === membershipId)) {
    throw invalid('membershipId', 'Select one of your organisations and roles');
  }
  await deps.db.transaction(async (tx) => {
    // By the whole key, partnership first, so the update goes to one shard (DESIGN.md section 5).
    await tx
      .update(userSession)
      .set({ membershipId })
      .where(
        and(
          eq(userSession.partnershipId, session.actor.partnershipId),
          eq(userSession.tokenHash, session.tokenHash),
        ),
      );
    await appendAuditEvent(tx, {
      actor: session.actor,
      action: 'session.organisation_switched',
      outcome: 'success',
      details: { fromMembershipId: session.membership.id },
    });
  });
}
