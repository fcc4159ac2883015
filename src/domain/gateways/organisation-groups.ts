import { organisationTypes, type OrganisationType } from '../partnership/roles.ts';

/**
 * DOMAIN.md's legend of organisation groups, as the organisation types Tessera knows. LA covers a
 * council's children's social care, education and housing; NHS covers trusts, the ICB and GPs.
 */
export const LA = ['council_childrens_social_care', 'council_education', 'housing'] as const;
export const CSC = ['council_childrens_social_care'] as const;
export const POL = ['police'] as const;
export const NHS = ['nhs_trust', 'integrated_care_board', 'gp_practice'] as const;
export const SCH = ['school'] as const;
export const YOT = ['youth_justice'] as const;
export const PROB = ['probation'] as const;
export const VCS = ['charity'] as const;
export const ALL = organisationTypes;

/** The public bodies of a partnership: everyone but the voluntary and community sector. */
export const PUBLIC_BODIES = organisationTypes.filter((t) => t !== 'charity');

/** Joins groups into one list without repeats, in the order of `organisationTypes`. */
export function orgs(...groups: readonly (readonly OrganisationType[])[]): OrganisationType[] {
  const wanted = new Set(groups.flat());
  return organisationTypes.filter((t) => wanted.has(t));
}
