import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import type { Actor } from '../shared/actor.ts';
import type { AgreementContent } from './agreement-terms.ts';
import { assertWritable, checkDraft, normaliseContent, purposesOfFlows } from './check-context.ts';
import { editDraft } from './edit-draft.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { replaceDraftContent } from './write-version.ts';

/**
 * Replaces the sections and parties of an agreement's draft version. For a Tier 2 agreement the
 * purposes are always those of its flows, whatever is sent.
 */
export async function updateAgreementDraft(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; content: AgreementContent },
): Promise<AgreementRecord> {
  await authorise(deps, actor, 'manage_agreements', 'agreement.update');
  await editDraft(deps, actor, input.agreementId, async ({ tx, record, draft, key }) => {
    let content = normaliseContent(input.content);
    if (record.tier === 'tier2') content = { ...content, purposes: purposesOfFlows(draft.flows) };
    assertWritable(
      await checkDraft(deps, tx, actor.partnershipId, {
        tier: record.tier,
        tier1AgreementId: record.tier1AgreementId,
        content,
        flows: draft.flows,
      }),
    );
    await replaceDraftContent(tx, key, content);
    await appendAuditEvent(tx, {
      actor,
      action: 'agreement.draft_updated',
      outcome: 'success',
      details: { reference: record.reference, version: draft.version },
      subject: { type: 'agreement', id: record.id },
      agreementId: record.id,
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, input.agreementId))!;
}
