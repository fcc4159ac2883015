import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import type { CheckpointSigner } from './signing-key.ts';
import { verifyAuditChain, type ChainVerification } from './verify-audit-chain.ts';

/** Verifies the actor's own partnership chain on request (the audit page's status panel). */
export async function verifyPartnershipAudit(
  deps: Deps & { signer: CheckpointSigner },
  actor: Actor,
): Promise<ChainVerification & { checkedAt: Date }> {
  await authorise(deps, actor, 'verify_audit', partnershipWide, 'audit.verify');
  const result = await verifyAuditChain(deps.db, actor.partnershipId, deps.signer);
  await appendAuditEvent(deps.db, {
    actor,
    action: 'audit.verified',
    outcome: result.problem ? 'failure' : 'success',
    details: { ok: !result.problem, verifiedEvents: result.verifiedEvents },
  });
  return { ...result, checkedAt: deps.clock.now() };
}
