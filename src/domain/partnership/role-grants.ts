import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { invalid } from '../shared/errors.ts';
import { scopeOf, type Scope } from './capabilities.ts';
import { roles, type Role } from './roles.ts';

/**
 * The level at which each role is granted, as data (DESIGN.md rule 4):
 * - organisation: roles inside one organisation, granted by that organisation's administrator;
 * - partnership: the partnership's own administrators, granted by a partnership administrator;
 * - platform: the platform operator's system administrators, granted by the operator alone
 *   (`tessera user add`), so no partnership user can make anyone, least of all themselves, one.
 */
export const roleLevels = {
  practitioner: 'organisation',
  designated_safeguarding_lead: 'organisation',
  front_door_officer: 'organisation',
  team_manager: 'organisation',
  data_protection_officer: 'organisation',
  caldicott_guardian: 'organisation',
  organisation_admin: 'organisation',
  partnership_admin: 'partnership',
  system_admin: 'platform',
} as const satisfies Record<Role, Scope>;

export interface RoleGrant {
  readonly userId: string;
  readonly organisationId: string;
  readonly role: Role;
}

export type GrantRefusal = 'own_role' | 'role_level' | 'other_organisation';

/**
 * Why the actor may not grant (or end) this role, or undefined if it may. The platform operator
 * may grant any role anywhere (it creates each organisation's first administrator). A user:
 * - never grants or ends a role of their own: an administrator who could would hold every role
 *   (issue 13: a partnership administrator made himself system administrator, DPO and a police
 *   front door officer), and a second person's act is the check (UK GDPR Art 32(1)(b));
 * - grants only roles of the level their `manage_users` scope is: an organisation's
 *   administrator grants roles inside an organisation, a partnership administrator partnership
 *   roles (so no police roles), and nobody but the operator a system administrator;
 * - grants only in the organisation they act for. An organisation administrator's scope is that
 *   organisation anyway; a partnership role still acts for the organisation its membership sits
 *   in (its agreements and feeds, capabilities.ts), so granting one in another organisation
 *   would hand someone power inside an organisation whose administrators never agreed to it.
 */
export function whyNotGrant(actor: Actor, grant: RoleGrant): GrantRefusal | undefined {
  if (actor.kind === 'system') return undefined;
  if (grant.userId === actor.userId) return 'own_role';
  if (scopeOf(actor, 'manage_users') !== roleLevels[grant.role]) return 'role_level';
  if (grant.organisationId !== actor.organisationId) return 'other_organisation';
  return undefined;
}

/** The roles the actor may give someone else in the organisation it acts for (for the forms). */
export function grantableRoles(actor: Actor): Role[] {
  if (actor.kind !== 'user') return [...roles];
  const grant = (role: Role) => ({ userId: '', organisationId: actor.organisationId, role });
  return roles.filter((role) => whyNotGrant(actor, grant(role)) === undefined);
}

const refusalMessage = (act: 'grant' | 'end', grant: RoleGrant, reason: GrantRefusal) => {
  switch (reason) {
    case 'own_role':
      return invalid(
        'userId',
        act === 'grant'
          ? 'You cannot give yourself a role: ask another administrator'
          : 'You cannot end your own role: ask another administrator',
      );
    case 'other_organisation':
      return invalid('organisationId', 'You can only give or end roles in the organisation you act for');
    case 'role_level': {
      const level = roleLevels[grant.role];
      return invalid(
        'role',
        level === 'platform'
          ? 'Only the platform operator can make someone a system administrator'
          : level === 'partnership'
            ? 'Only a partnership administrator can give or end the role of partnership administrator'
            : "Roles inside an organisation are given and ended by that organisation's administrator",
      );
    }
  }
};

/**
 * Throws a clear error naming the field if the actor may not grant or end this role, after
 * recording the refusal in its own committed transaction (the act will not happen).
 */
export async function assertMayGrant(
  deps: Deps,
  actor: Actor,
  act: 'grant' | 'end',
  grant: RoleGrant,
): Promise<void> {
  const reason = whyNotGrant(actor, grant);
  if (reason === undefined) return;
  await appendAuditEvent(deps.db, {
    actor,
    action: 'membership.refused',
    outcome: 'denied',
    details: { act, ...grant, reason },
    subject: { type: 'user', id: grant.userId },
  });
  throw refusalMessage(act, grant, reason);
}

/** How a grant's author is stored on the membership: a user id, or the platform's process. */
export function grantedByLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
}
