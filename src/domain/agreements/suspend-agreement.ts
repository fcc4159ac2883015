import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { authoriseAgreementAct } from './authorise-agreement-act.ts';
import { invalid } from '../shared/errors.ts';
import { activeVersion, openSuspension, versionStatus } from './agreement-status.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { agreementSuspension } from './schema.ts';
import { actorLabel, lockAgreement } from './write-version.ts';

/**
 * Suspends an agreement in force: its flows stop at once (a breach, a concern about a party,
 * a change in the law) until it is resumed. Reversible, unlike termination.
 */
export async function suspendAgreement(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; reason: string },
): Promise<AgreementRecord> {
  await authoriseAgreementAct(deps, actor, 'manage_agreements', input.agreementId, 'agreement.suspend');
  await deps.db.transaction(async (tx) => {
    await lockAgreement(tx, actor.partnershipId, input.agreementId);
    const record = (await loadAgreement(tx, actor.partnershipId, input.agreementId))!;
    const now = deps.clock.now();
    if (record.terminatedAt) throw invalid('status', 'This agreement has been terminated');
    if (openSuspension(record)) throw invalid('status', 'This agreement is already suspended');
    const inForce = activeVersion(record);
    if (!inForce) throw invalid('status', 'Only an agreement that has come into force can be suspended');
    if (versionStatus(record, inForce, now) === 'expired')
      throw invalid('status', 'This agreement has expired, so there is nothing to suspend');
    await tx.insert(agreementSuspension).values({
      partnershipId: actor.partnershipId,
      id: deps.ids.uuid(),
      agreementId: record.id,
      suspendedAt: now,
      suspendedBy: actorLabel(actor),
      reason: input.reason.trim(),
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'agreement.suspended',
      outcome: 'success',
      details: { reference: record.reference, reason: input.reason.trim() },
      subject: { type: 'agreement', id: record.id },
      agreementId: record.id,
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, input.agreementId))!;
}
