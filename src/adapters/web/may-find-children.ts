import type { OrganisationType, Role } from '../../domain/partnership/roles.ts';
import { purposes } from '../../domain/policy/purposes.ts';
import { mayActForAs, mayBreakGlass } from '../../domain/policy/role-purposes.ts';
import type { Session } from './api-types.ts';

/**
 * Only a role that may act for some purpose, in its type of organisation, can see anything of a
 * child (policy/role-purposes.ts and purposes.ts, the same tables the server's gate reads).
 */
export function mayFindChildren(session: Session): boolean {
  const actor = {
    role: session.membership.role as Role,
    organisationType: session.membership.organisationType as OrganisationType,
  };
  return purposes.some((p) => mayActForAs(actor, p));
}

/** Whether this role may break glass (policy/role-purposes.ts breakGlassRoles, as the server). */
export function mayBreakGlassAs(session: Session): boolean {
  return mayBreakGlass(session.membership.role as Role);
}
