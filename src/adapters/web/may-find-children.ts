import type { Role } from '../../domain/partnership/roles.ts';
import { rolePurposes } from '../../domain/policy/role-purposes.ts';
import type { Session } from './api-types.ts';

/** Only a role that may act for some purpose can see anything of a child (policy/role-purposes.ts). */
export function mayFindChildren(session: Session): boolean {
  return (rolePurposes[session.membership.role as Role] ?? []).length > 0;
}
