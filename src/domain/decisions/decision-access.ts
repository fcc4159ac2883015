import type { Role } from '../partnership/roles.ts';
import { purposes } from '../policy/purposes.ts';
import { mayActForAs } from '../policy/role-purposes.ts';
import type { Actor } from '../shared/actor.ts';

/**
 * Who may record a decision about a child: a user whose role does casework in their kind of
 * organisation for at least one purpose (policy/role-purposes.ts). Administrators, DPOs and
 * Caldicott guardians advise and oversee; they do not decide children's cases (UK GDPR
 * Art 38(6); Caldicott principle 4), so a decision names the practitioner who made it.
 */
export function mayDecide(actor: Actor): actor is Actor & { kind: 'user' } {
  return actor.kind === 'user' && purposes.some((p) => mayActForAs(actor, p));
}

/** Oversight roles that read their organisation's decisions without doing casework (UK GDPR Art 39(1)(b)). */
const overseers: readonly Role[] = ['data_protection_officer', 'caldicott_guardian'];

/**
 * Who may read the decisions their organisation made or received: the practitioners who decide
 * and the DPO and Caldicott guardian who oversee sharing ("who has this child's information been
 * shared with"). Administrators read no child's case (role-purposes.ts).
 */
export function mayReadDecisions(actor: Actor): actor is Actor & { kind: 'user' } {
  return actor.kind === 'user' && (mayDecide(actor) || overseers.includes(actor.role));
}
