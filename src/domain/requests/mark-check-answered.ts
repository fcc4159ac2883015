import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { can, overOrganisation } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { checkWhere, type CheckKey } from './change-partner-check.ts';
import { isClosed } from './partner-check-clock.ts';
import { loadCheck } from './partner-check-store.ts';
import { partnerCheck } from './schema.ts';

/**
 * The seam for the decision record (issue 16 point 4: "the answer is a decision record: a
 * minimised disclosure with each field group justified"). The decision use case (POST
 * /api/decisions with a `requestId`, built on its own branch) calls this in its own transaction
 * once it has recorded the decision, so the check closes as answered exactly when the decision
 * commits (DESIGN.md rule 3). Only an answerer of the asked organisation answers its check; a
 * check already closed is a conflict; a check waiting on the requester may still be answered
 * (the responder decided they need nothing more). Not found for anything outside the actor's
 * reach, like every read.
 */
export async function markCheckAnswered(
  tx: Db,
  actor: Actor,
  input: CheckKey & { readonly decisionId: string; readonly at: Date },
): Promise<void> {
  if (
    actor.kind !== 'user' ||
    actor.organisationId !== input.organisationId ||
    !can(actor, 'answer_requests', overOrganisation(input.organisationId))
  )
    throw notFound('The request');
  const check = await loadCheck(tx, actor.partnershipId, input, { forUpdate: true });
  if (!check) throw notFound('The request');
  if (isClosed(check.clock.status))
    throw new DomainError('conflict', `This check is already ${check.clock.status}`);
  // A clock waiting on the requester stops for good when the check is answered.
  const stops = check.clock.stops.map((s) => ({ from: s.from, to: s.to ?? input.at }));
  await tx
    .update(partnerCheck)
    .set({
      status: 'answered',
      stops: stops.map((s) => ({ from: s.from.toISOString(), to: s.to.toISOString() })),
      decisionId: input.decisionId,
      closedAt: input.at,
      closedBy: actor.userId,
    })
    .where(checkWhere(actor.partnershipId, input));
  await appendAuditEvent(tx, {
    actor,
    action: 'request.answered',
    outcome: 'success',
    details: {
      organisationId: input.organisationId,
      decisionId: input.decisionId,
      onTime: check.dueAt === null || input.at.getTime() <= check.dueAt.getTime(),
    },
    subject: { type: 'information_request', id: input.requestId },
    at: input.at,
  });
}
