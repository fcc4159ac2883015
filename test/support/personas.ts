import type { Actor } from '../../src/domain/shared/actor.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../../src/domain/shared/ids.ts';

/** Named personas shared by unit, API and browser tests (STYLE.md practice 11). */
export const northshire = {
  partnershipId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0a01' as PartnershipId,
  childrensServicesId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0a02' as OrganisationId,
  policeId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0a03' as OrganisationId,
};

export const southvale = {
  partnershipId: '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01' as PartnershipId,
};

/** Dana Okafor, data protection officer at Northshire Children's Services. */
export const danaTheDpo: Actor = {
  kind: 'user',
  userId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0b01' as UserId,
  partnershipId: northshire.partnershipId,
  organisationId: northshire.childrensServicesId,
  membershipId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0c01' as MembershipId,
  role: 'data_protection_officer',
  organisationType: 'council_childrens_social_care',
};

/** Chris Lee, the platform's system administrator, who alone may replace the gateway catalogue. */
export const chrisTheSystemAdmin: Actor = {
  kind: 'user',
  userId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0b02' as UserId,
  partnershipId: northshire.partnershipId,
  organisationId: northshire.childrensServicesId,
  membershipId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0c02' as MembershipId,
  role: 'system_admin',
  organisationType: 'council_childrens_social_care',
};

/** Sam Patel, a social worker (practitioner) at Northshire Children's Services. */
export const samThePractitioner: Actor = {
  kind: 'user',
  userId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0b03' as UserId,
  partnershipId: northshire.partnershipId,
  organisationId: northshire.childrensServicesId,
  membershipId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0c03' as MembershipId,
  role: 'practitioner',
  organisationType: 'council_childrens_social_care',
};
