import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound, type DomainError } from '../shared/errors.ts';
import { can, describeTarget, type Capability, type Target } from './capabilities.ts';

/**
 * Lets the act go ahead if the actor holds the capability over the target ("may this actor
 * suspend agreements over one of these parties?"), or records the denial (in its own committed
 * transaction, since the act will not happen) and answers "not found": a user without the
 * capability learns nothing about what lies behind it (DESIGN.md rule 2; STYLE.md "audit
 * denials too"). A target in another partnership never reaches here: callers look it up within
 * the actor's partnership first, and a missing one is "not found" as well. `refusal` replaces
 * "not found" where the actor may already see the target and needs to know what to change
 * (a DPO drafting an agreement that leaves out their own organisation).
 */
export async function authorise(
  deps: Deps,
  actor: Actor,
  capability: Capability,
  target: Target,
  attempted: string,
  refusal: () => DomainError = () => notFound('The page'),
): Promise<void> {
  if (can(actor, capability, target)) return;
  await appendAuditEvent(deps.db, {
    actor,
    action: 'access.denied',
    outcome: 'denied',
    details: { attempted, over: describeTarget(target) },
  });
  throw refusal();
}
