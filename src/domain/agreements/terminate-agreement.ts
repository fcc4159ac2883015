import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { authoriseAgreementAct } from './authorise-agreement-act.ts';
import { invalid } from '../shared/errors.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { agreement } from './schema.ts';
import { actorLabel, lockAgreement } from './write-version.ts';

/**
 * Terminates an agreement for good: every version stops, drafts included, and nothing more can
 * be signed or amended. Tier 2 agreements under a terminated Tier 1 stop too, since their
 * framework has gone (find-flows-in-force.ts). The agreement and its history stay on record.
 */
export async function terminateAgreement(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; reason: string },
): Promise<AgreementRecord> {
  await authoriseAgreementAct(deps, actor, 'manage_agreements', input.agreementId, 'agreement.terminate');
  await deps.db.transaction(async (tx) => {
    await lockAgreement(tx, actor.partnershipId, input.agreementId);
    const record = (await loadAgreement(tx, actor.partnershipId, input.agreementId))!;
    if (record.terminatedAt) throw invalid('status', 'This agreement has already been terminated');
    await tx
      .update(agreement)
      .set({
        terminatedAt: deps.clock.now(),
        terminatedBy: actorLabel(actor),
        terminationReason: input.reason.trim(),
      })
      .where(and(eq(agreement.partnershipId, actor.partnershipId), eq(agreement.id, record.id)));
    await appendAuditEvent(tx, {
      actor,
      action: 'agreement.terminated',
      outcome: 'success',
      details: { reference: record.reference, reason: input.reason.trim() },
      subject: { type: 'agreement', id: record.id },
      agreementId: record.id,
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, input.agreementId))!;
}
