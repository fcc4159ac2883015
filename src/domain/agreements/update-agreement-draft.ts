import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { can, overAnyOf } from '../partnership/capabilities.ts';
import { authoriseAgreementAct, mustBeParty } from './authorise-agreement-act.ts';
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
  await authoriseAgreementAct(deps, actor, 'manage_agreements', input.agreementId, 'agreement.update');
  await editDraft(deps, actor, input.agreementId, async ({ tx, record, draft, key }) => {
    let content = normaliseContent(input.content);
    // The draft stays one its editor's organisation is a party to: a party may hand a draft
    // over by signing off, not by writing itself out of it and leaving it to others.
    if (!can(actor, 'manage_agreements', overAnyOf(content.parties.map((p) => p.organisationId))))
      throw mustBeParty();
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
