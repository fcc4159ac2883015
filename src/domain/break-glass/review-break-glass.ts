import { and, eq, ne } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, notFound, type FieldProblem } from '../shared/errors.ts';
import { breakGlassReviewOutcomes, type BreakGlassReviewOutcome } from './review-outcomes.ts';
import { breakGlass, breakGlassReview } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTES_MAX = 4000;

/**
 * Records the actor's organisation's outcome of a break-glass (its DPO or Caldicott guardian).
 * A break-glass the organisation holds nothing of, one by the reviewer themself, and one of
 * another partnership are all "not found" (DESIGN.md rule 2); one already concluded (justified,
 * or not justified and referred) is a conflict: the outcome stands, as the audit log does.
 * "More information needed" keeps it pending for a later outcome.
 */
export async function reviewBreakGlass(
  deps: Deps,
  actor: Actor,
  input: { breakGlassId: string; outcome: unknown; notes: unknown },
): Promise<{ status: 'pending' | 'reviewed'; outcome: BreakGlassReviewOutcome }> {
  const { outcome, notes } = checkInput(input);
  const organisationId = actor.kind === 'user' ? actor.organisationId : '';
  await authorise(deps, actor, 'review_break_glass', overOrganisation(organisationId), 'break_glass.review');
  if (actor.kind !== 'user' || !UUID.test(input.breakGlassId)) throw notFound('The break-glass');
  const status = outcome === 'needs_more_information' ? 'pending' : 'reviewed';
  const done = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: breakGlassReview.status })
      .from(breakGlassReview)
      .innerJoin(
        breakGlass,
        and(
          eq(breakGlass.partnershipId, breakGlassReview.partnershipId),
          eq(breakGlass.id, breakGlassReview.breakGlassId),
        ),
      )
      .where(
        and(
          eq(breakGlassReview.partnershipId, actor.partnershipId),
          eq(breakGlassReview.breakGlassId, input.breakGlassId),
          eq(breakGlassReview.organisationId, actor.organisationId),
          ne(breakGlass.userId, actor.userId),
        ),
      )
      .for('update');
    if (!row) {
      await appendAuditEvent(tx, {
        actor,
        action: 'access.denied',
        outcome: 'denied',
        details: { attempted: 'break_glass.review', over: `break_glass ${input.breakGlassId}` },
      });
      return 'not_found' as const;
    }
    if (row.status === 'reviewed') return 'concluded' as const;
    const now = deps.clock.now();
    await tx
      .update(breakGlassReview)
      .set({ status, outcome, notes, reviewedByUserId: actor.userId, reviewedAt: now })
      .where(
        and(
          eq(breakGlassReview.partnershipId, actor.partnershipId),
          eq(breakGlassReview.breakGlassId, input.breakGlassId),
          eq(breakGlassReview.organisationId, actor.organisationId),
        ),
      );
    await appendAuditEvent(tx, {
      actor,
      action: 'break_glass.reviewed',
      outcome: 'success',
      at: now,
      details: { breakGlassId: input.breakGlassId, organisationId: actor.organisationId, outcome },
    });
    return 'done' as const;
  });
  if (done === 'not_found') throw notFound('The break-glass');
  if (done === 'concluded')
    throw new DomainError('conflict', 'This break-glass has already been reviewed: its outcome stands');
  return { status, outcome };
}

function checkInput(input: { outcome: unknown; notes: unknown }): {
  outcome: BreakGlassReviewOutcome;
  notes: string;
} {
  const problems: FieldProblem[] = [];
  if (!(breakGlassReviewOutcomes as readonly unknown[]).includes(input.outcome))
    problems.push({ field: 'outcome', problem: 'Select the outcome of your review' });
  const notes = typeof input.notes === 'string' ? input.notes.trim() : '';
  if (notes === '') problems.push({ field: 'notes', problem: 'Say why you reached this outcome' });
  else if (notes.length > NOTES_MAX)
    problems.push({ field: 'notes', problem: `Keep your notes to ${NOTES_MAX} characters or fewer` });
  if (problems.length > 0)
    throw new DomainError('validation_failed', 'Check the highlighted fields', { fields: problems });
  return { outcome: input.outcome as BreakGlassReviewOutcome, notes };
}
