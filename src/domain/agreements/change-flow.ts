import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { authoriseAgreementAct } from './authorise-agreement-act.ts';
import { invalid } from '../shared/errors.ts';
import type { FlowContent } from './agreement-terms.ts';
import { assertWritable, checkDraft, purposesOfFlows } from './check-context.ts';
import { editDraft, type DraftInTransaction } from './edit-draft.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { setVersionPurposes } from './write-version.ts';

type FlowAction = 'agreement.flow_added' | 'agreement.flow_updated' | 'agreement.flow_removed';

/**
 * Adds, replaces or removes one flow of a Tier 2 draft. The whole draft is re-checked with the
 * change in it; problems with the flow are answered with paths into the flow that was sent.
 */
export async function changeFlow(
  deps: AgreementDeps,
  actor: Actor,
  agreementId: string,
  action: FlowAction,
  change: (draft: DraftInTransaction) => {
    flows: FlowContent[];
    flowIndex: number;
    flowId: string;
    position: number;
  },
  write: (draft: DraftInTransaction, flowId: string, position: number) => Promise<void>,
): Promise<AgreementRecord> {
  await authoriseAgreementAct(deps, actor, 'manage_agreements', agreementId, action);
  await editDraft(deps, actor, agreementId, async (draft) => {
    if (draft.record.tier !== 'tier2')
      throw invalid('flows', 'A Tier 1 agreement has no flows: set them out in Tier 2 agreements under it');
    const { flows, flowIndex, flowId, position } = change(draft);
    const content = { ...draft.draft.content, purposes: purposesOfFlows(flows) };
    if (action !== 'agreement.flow_removed')
      assertWritable(
        await checkDraft(deps, draft.tx, actor.partnershipId, {
          tier: 'tier2',
          tier1AgreementId: draft.record.tier1AgreementId,
          content,
          flows,
          positions: flows.map((f, i) =>
            i === flowIndex ? position : 'position' in f ? (f.position as number) : i + 1,
          ),
        }),
        { flowIndex },
      );
    await write(draft, flowId, position);
    await setVersionPurposes(draft.tx, draft.key, content.purposes);
    await appendAuditEvent(draft.tx, {
      actor,
      action,
      outcome: 'success',
      details: { reference: draft.record.reference, version: draft.draft.version, flowId, position },
      subject: { type: 'agreement', id: agreementId },
      agreementId,
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, agreementId))!;
}
