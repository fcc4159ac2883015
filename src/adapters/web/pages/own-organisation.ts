import type { Session } from '../api-types.ts';

/**
 * The organisations a user may give roles in: the one they act for, and no other
 * (domain/partnership/role-grants.ts). Only the platform operator, at the command line, gives
 * roles elsewhere.
 */
export function ownOrganisation(session: Session): { id: string; name: string }[] {
  return [{ id: session.membership.organisationId, name: session.membership.organisationName }];
}
