import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps } from '../shared/deps.ts';
import type { ActiveSession } from './resolve-session.ts';
import { userSession } from './schema.ts';

/** Ends the session at once: the row goes, so the cookie is worthless even if copied. */
export async function signOut(deps: Deps, session: ActiveSession, requestId?: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx
      .delete(userSession)
      .where(
        and(
          eq(userSession.partnershipId, session.actor.partnershipId),
          eq(userSession.tokenHash, session.tokenHash),
        ),
      );
    await appendAuditEvent(tx, {
      actor: session.actor,
      action: 'session.signed_out',
      outcome: 'success',
      details: {},
      ...(requestId ? { requestId } : {}),
    });
  });
}
