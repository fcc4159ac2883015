import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { authoriseAgreementAct } from './authorise-agreement-act.ts';
import { invalid } from '../shared/errors.ts';
import { latestVersion } from './agreement-status.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { actorLabel, insertFlow, insertVersion, lockAgreement } from './write-version.ts';

/**
 * Starts an amendment: a new draft version, copied from the version in force, which stays in
 * force until every party has signed the new one. Flows keep their numbers but get new ids, so
 * a disclosure always names the exact version that allowed it.
 */
export async function amendAgreement(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string },
): Promise<AgreementRecord> {
  await authoriseAgreementAct(deps, actor, 'manage_agreements', input.agreementId, 'agreement.amend');
  await deps.db.transaction(async (tx) => {
    await lockAgreement(tx, actor.partnershipId, input.agreementId);
    const record = (await loadAgreement(tx, actor.partnershipId, input.agreementId))!;
    if (record.terminatedAt)
      throw invalid('status', 'This agreement has been terminated and cannot be amended');
    const latest = latestVersion(record);
    if (latest.status === 'draft' || latest.status === 'awaiting_signatures') {
      const state = latest.status === 'draft' ? 'a draft' : 'awaiting signatures';
      const hint = latest.version === 1 ? ': change the draft instead' : ': finish that amendment first';
      throw invalid('status', `Version ${latest.version} is ${state}${hint}`);
    }
    const now = deps.clock.now();
    const key = { partnershipId: actor.partnershipId, agreementId: record.id, version: latest.version + 1 };
    await insertVersion(tx, key, latest.content, { createdAt: now, createdBy: actorLabel(actor) });
    for (const flow of latest.flows)
      await insertFlow(tx, key, flow, { id: deps.ids.uuid(), position: flow.position });
    await appendAuditEvent(tx, {
      actor,
      action: 'agreement.amended',
      outcome: 'success',
      details: { reference: record.reference, fromVersion: latest.version, version: key.version },
      subject: { type: 'agreement', id: record.id },
      agreementId: record.id,
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, input.agreementId))!;
}
