import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, invalid, notFound } from '../shared/errors.ts';
import { authoriseRequestSide } from './request-reader.ts';
import { partnerCheck } from './schema.ts';

const reasonSchema = z.string().trim().min(1, 'Say why the request is withdrawn').max(1000);

/**
 * The requester withdraws the request (the concern was resolved, or the child was found to be
 * known already): every check still waiting closes as withdrawn, so no clock escalates (the
 * escalation job reads the status again). Answered and refused checks keep their outcome.
 */
export async function withdrawRequest(
  deps: Deps,
  actor: Actor,
  input: { readonly requestId: string; readonly reason: unknown },
): Promise<{ withdrawn: number }> {
  await authoriseRequestSide(deps, deps.db, actor, input.requestId, 'request.withdraw', {
    side: 'requester',
  });
  if (actor.kind !== 'user') throw notFound('The request');
  const parsed = reasonSchema.safeParse(input.reason);
  if (!parsed.success) throw invalid('reason', parsed.error.issues[0]?.message ?? 'Say why');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const closed = await tx
      .update(partnerCheck)
      .set({ status: 'withdrawn', closedAt: now, closedBy: actor.userId })
      .where(
        and(
          eq(partnerCheck.partnershipId, actor.partnershipId),
          eq(partnerCheck.requestId, input.requestId),
          isNull(partnerCheck.closedAt),
        ),
      )
      .returning({ organisationId: partnerCheck.organisationId });
    if (closed.length === 0)
      throw new DomainError('conflict', 'Every check of this request is already closed');
    await appendAuditEvent(tx, {
      actor,
      action: 'request.withdrawn',
      outcome: 'success',
      details: { organisationIds: closed.map((c) => c.organisationId) },
      subject: { type: 'information_request', id: input.requestId },
      at: now,
    });
    return { withdrawn: closed.length };
  });
}
