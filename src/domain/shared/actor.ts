import type { OrganisationType, Role } from '../partnership/roles.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from './ids.ts';

/**
 * Who is acting. A signed-in user always acts through one membership (a role in one
 * organisation); the system acts for scheduled work (sealing the audit chain, seeding the demo).
 */
export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: UserId;
      readonly partnershipId: PartnershipId;
      readonly organisationId: OrganisationId;
      readonly membershipId: MembershipId;
      readonly role: Role;
      /** The type of the membership's organisation: purposes fit role and organisation (role-purposes.ts). */
      readonly organisationType: OrganisationType;
    }
  | { readonly kind: 'system'; readonly partnershipId: PartnershipId; readonly process: string };

export function systemActor(partnershipId: PartnershipId, process: string): Actor {
  return { kind: 'system', partnershipId, process };
}
