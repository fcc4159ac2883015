import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { verifyWitnessedChain, type WitnessedChainVerification } from './verify-witnessed-chain.ts';
import type { AuditWitness } from './witness.ts';

/**
 * Verifies the actor's own partnership chain on request (the audit page's status panel), against
 * the witness. The web process reads the witness and its public key; it never holds the key
 * that signs (DESIGN.md rule 3).
 */
export async function verifyPartnershipAudit(
  deps: Deps & { auditWitness: AuditWitness },
  actor: Actor,
): Promise<WitnessedChainVerification & { checkedAt: Date }> {
  await authorise(deps, actor, 'verify_audit', partnershipWide, 'audit.verify');
  const result = await verifyWitnessedChain(deps.db, actor.partnershipId, deps.auditWitness);
  await appendAuditEvent(deps.db, {
    actor,
    action: 'audit.verified',
    outcome: result.problem ? 'failure' : 'success',
    details: { ok: !result.problem, verifiedEvents: result.verifiedEvents },
  });
  return { ...result, checkedAt: deps.clock.now() };
}
