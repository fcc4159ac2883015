import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { can, type Capability } from './capabilities.ts';

/**
 * Lets the act go ahead, or records the denial (in its own committed transaction, since the act
 * will not happen) and answers "not found": a user without the capability learns nothing about
 * what lies behind it (DESIGN.md rule 2; STYLE.md "audit denials too").
 */
export async function authorise(
  deps: Deps,
  actor: Actor,
  capability: Capability,
  attempted: string,
): Promise<void> {
  if (can(actor, capability)) return;
  await appendAuditEvent(deps.db, {
    actor,
    action: 'access.denied',
    outcome: 'denied',
    details: { attempted },
  });
  throw notFound('The page');
}
