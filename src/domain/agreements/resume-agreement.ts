import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { authoriseAgreementAct } from './authorise-agreement-act.ts';
import { invalid } from '../shared/errors.ts';
import { openSuspension } from './agreement-status.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { agreementSuspension } from './schema.ts';
import { actorLabel, lockAgreement } from './write-version.ts';

/** Ends a suspension: the version in force applies again from now (the suspension stays on record). */
export async function resumeAgreement(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string },
): Promise<AgreementRecord> {
  await authoriseAgreementAct(deps, actor, 'manage_agreements', input.agreementId, 'agreement.resume');
  await deps.db.transaction(async (tx) => {
    await lockAgreement(tx, actor.partnershipId, input.agreementId);
    const record = (await loadAgreement(tx, actor.partnershipId, input.agreementId))!;
    if (record.terminatedAt)
      throw invalid('status', 'This agreement has been terminated and cannot be resumed');
    const suspension = openSuspension(record);
    if (!suspension) throw invalid('status', 'This agreement is not suspended');
    await tx
      .update(agreementSuspension)
      .set({ resumedAt: deps.clock.now(), resumedBy: actorLabel(actor) })
      .where(
        and(
          eq(agreementSuspension.partnershipId, actor.partnershipId),
          eq(agreementSuspension.id, suspension.id),
        ),
      );
    await appendAuditEvent(tx, {
      actor,
      action: 'agreement.resumed',
      outcome: 'success',
      details: { reference: record.reference },
      subject: { type: 'agreement', id: record.id },
      agreementId: record.id,
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, input.agreementId))!;
}
