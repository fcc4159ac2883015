/**
 * Roles and organisation types as closed unions. Tables keyed by them use
 * `satisfies Record<Role, …>` so that adding a role fails to compile until someone decides what
 * it may do (STYLE.md practice 2).
 */
export const roles = [
  'practitioner',
  'designated_safeguarding_lead',
  'front_door_officer',
  'team_manager',
  'data_protection_officer',
  'caldicott_guardian',
  'organisation_admin',
  'partnership_admin',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels = {
  practitioner: 'Practitioner',
  designated_safeguarding_lead: 'Designated safeguarding lead',
  front_door_officer: 'Front door (MASH) officer',
  team_manager: 'Team manager',
  data_protection_officer: 'Data protection officer',
  caldicott_guardian: 'Caldicott guardian',
  organisation_admin: 'Organisation administrator',
  partnership_admin: 'Partnership administrator',
  system_admin: 'System administrator',
} as const satisfies Record<Role, string>;

/** Partner types from the Tees protocol's partner list (seed 003) and DOMAIN.md's legend. */
export const organisationTypes = [
  'council_childrens_social_care',
  'council_education',
  'police',
  'nhs_trust',
  'integrated_care_board',
  'gp_practice',
  'school',
  'youth_justice',
  'probation',
  'housing',
  'charity',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const organisationTypeLabels = {
  council_childrens_social_care: "Council children's social care",
  council_education: 'Council education',
  police: 'Police',
  nhs_trust: 'NHS trust',
  integrated_care_board: 'Integrated care board',
  gp_practice: 'GP practice',
  school: 'School',
  youth_justice: 'Youth justice service',
  probation: 'Probation',
  housing: 'Housing',
  charity: 'Charity',
} as const satisfies Record<OrganisationType, string>;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
