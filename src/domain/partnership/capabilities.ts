import type { Actor } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import type { Role } from './roles.ts';

/**
 * What each role may do in the administration of the partnership itself. Access to subject data
 * is decided by the policy module from agreements, never from this table.
 */
export type Capability =
  | 'manage_partnership'
  | 'read_audit'
  | 'verify_audit'
  // The legal gateway catalogue is national law shared by every partnership: only the platform's
  // system administrator may replace it (domain/gateways).
  | 'manage_gateways';

export const roleCapabilities = {
  practitioner: [],
  designated_safeguarding_lead: [],
  front_door_officer: [],
  team_manager: [],
  // UK GDPR Art 39(1)(b): the DPO monitors compliance, which needs the access log.
  data_protection_officer: ['read_audit', 'verify_audit'],
  // Caldicott principle 8 / NHS guidance: the guardian oversees access to health information.
  caldicott_guardian: ['read_audit', 'verify_audit'],
  partnership_admin: ['manage_partnership', 'verify_audit'],
  system_admin: ['manage_partnership', 'read_audit', 'verify_audit', 'manage_gateways'],
} as const satisfies Record<Role, readonly Capability[]>;

export function can(actor: Actor, capability: Capability): boolean {
  if (actor.kind === 'system') return true;
  return (roleCapabilities[actor.role] as readonly Capability[]).includes(capability);
}

/**
 * Throws not_found rather than "forbidden": a user without the capability learns nothing about
 * what exists behind it (DESIGN.md rule 2). The caller audits the denial.
 */
export function assertCan(actor: Actor, capability: Capability): void {
  if (!can(actor, capability)) throw new DomainError('not_found', 'The page was not found');
}
