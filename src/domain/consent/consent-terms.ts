/** The closed vocabularies of a consent record (schema.ts), each with its source. */

/**
 * How a person holds parental responsibility for a child, as the practitioner recording a consent
 * establishes it. Agency records do not say: a relationship item (records/schema.ts,
 * agency_relationship) says only "parent or carer", and a carer, a grandparent or an unmarried
 * father not on the birth register holds none. So the consent records the route, and a giver
 * without one is refused (Children Act 1989 s3: parental responsibility is "all the rights,
 * duties, powers, responsibilities and authority" of a parent, including agreeing to share).
 */
export const parentalResponsibilityRoutes = {
  mother: 'Birth mother (Children Act 1989 s2(1)-(2))',
  father_married: 'Father married to the mother at the birth (s2(1))',
  father_registered: 'Father registered on the birth certificate since 1 December 2003 (s4(1)(a))',
  father_agreement_or_order: 'Father with a parental responsibility agreement or order (s4(1)(b)-(c))',
  second_female_parent: 'Second female parent (s2(1A), s4ZA)',
  step_parent: 'Step-parent or civil partner by agreement or order (s4A)',
  child_arrangements_order: 'Named in a child arrangements order as a person the child lives with (s12(2))',
  special_guardian: 'Special guardian (s14C)',
  guardian: 'Guardian appointed under s5',
  adoptive_parent: 'Adoptive parent (Adoption and Children Act 2002 s46)',
  local_authority_care_order: 'Local authority under a care order (s33(3))',
} as const;

export type ParentalResponsibilityRoute = keyof typeof parentalResponsibilityRoutes;

export function isParentalResponsibilityRoute(value: string): value is ParentalResponsibilityRoute {
  return Object.hasOwn(parentalResponsibilityRoutes, value);
}

/** Gillick competence (any decision the child understands) or the Fraser guidelines (contraception). */
export const competenceTests = ['gillick', 'fraser'] as const;
export type CompetenceTest = (typeof competenceTests)[number];

export const consentForms = ['written', 'verbal'] as const;
export type ConsentForm = (typeof consentForms)[number];

export const consentGivers = ['child', 'person_with_parental_responsibility'] as const;
export type ConsentGiver = (typeof consentGivers)[number];
