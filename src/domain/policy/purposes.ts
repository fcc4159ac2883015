import type { OrganisationType } from '../partnership/roles.ts';

/**
 * Purposes for which subject data may be used, as data (DESIGN.md rule 4). A flow in an agreement
 * lists the purposes it serves, and a role may act only for the purposes role-permissions give it.
 * Purpose limitation: UK GDPR Art 5(1)(b).
 */
export const purposes = [
  'early_help',
  'child_in_need_assessment',
  'front_door_screening',
  'strategy_discussion',
  's47_enquiry',
  'child_protection_conference',
  'looked_after_care',
  'operation_encompass',
  'learning_review',
  'multi_agency_audit',
  's16h_request',
  'emergency',
] as const;
export type Purpose = (typeof purposes)[number];

/**
 * Purposes no agreement may carry: 'emergency' is reached only through a live break-glass grant
 * of the reader (domain/break-glass), one user, one child, at most an hour, on vital interests
 * (UK GDPR Art 6(1)(d), Art 9(2)(c); ICO 10 step guide, step 9). A standing flow for it would be
 * a permanent emergency, which vital interests cannot be: the ICO reserves that basis for
 * life-or-death cases where no other basis is available.
 */
export const grantOnlyPurposes = ['emergency'] as const satisfies readonly Purpose[];

/** The purposes an agreement's flow may serve: every purpose but the grant-only ones. */
export type AgreementPurpose = Exclude<Purpose, (typeof grantOnlyPurposes)[number]>;
export const agreementPurposes = purposes.filter(
  (p): p is AgreementPurpose => !(grantOnlyPurposes as readonly string[]).includes(p),
) as unknown as readonly [AgreementPurpose, ...AgreementPurpose[]];

export function isGrantOnlyPurpose(purpose: string): boolean {
  return (grantOnlyPurposes as readonly string[]).includes(purpose);
}

export interface PurposeDefinition {
  readonly label: string;
  /** The statutory function the purpose serves, as a gateway id of the catalogue, if any. */
  readonly statutoryGateway: string | null;
  /** Early help rests on the family's agreement, not on a statutory duty (DOMAIN.md 2.2 rule 3). */
  readonly consentBased: boolean;
  readonly description: string;
}

export const purposeDefinitions = {
  early_help: {
    label: 'Early help (with consent)',
    statutoryGateway: 'CA2004-S10',
    consentBased: true,
    description: 'Support for a family below the statutory threshold, with the family’s agreement',
  },
  child_in_need_assessment: {
    label: 'Child in need assessment',
    statutoryGateway: 'CA1989-S17',
    consentBased: false,
    description: 'Assessing and providing services to a child in need (Children Act 1989 s17)',
  },
  front_door_screening: {
    label: 'Front door (MASH) screening',
    statutoryGateway: 'CA2004-S16E',
    consentBased: false,
    description: 'Screening a contact at the multi-agency safeguarding hub, with partner checks',
  },
  strategy_discussion: {
    label: 'Strategy discussion',
    statutoryGateway: 'CA1989-S47',
    consentBased: false,
    description: 'Deciding whether to start enquiries where significant harm is suspected',
  },
  s47_enquiry: {
    label: 'Section 47 enquiry',
    statutoryGateway: 'CA1989-S47',
    consentBased: false,
    description: 'Enquiries into whether a child is suffering, or likely to suffer, significant harm',
  },
  child_protection_conference: {
    label: 'Child protection conference',
    statutoryGateway: 'CA1989-S47',
    consentBased: false,
    description: 'Initial and review child protection conferences and core groups',
  },
  looked_after_care: {
    label: 'Care of a looked-after child',
    statutoryGateway: 'CA1989-S22',
    consentBased: false,
    description: 'Safeguarding and promoting the welfare of a child in the council’s care',
  },
  operation_encompass: {
    label: 'Operation Encompass',
    statutoryGateway: 'VPA2024-OPENCOMPASS',
    consentBased: false,
    description: 'Police notice to a school, before the next school day, of domestic abuse involving a child',
  },
  learning_review: {
    label: 'Rapid review or learning review',
    statutoryGateway: 'CA2004-S16H',
    consentBased: false,
    description: 'Rapid reviews and child safeguarding practice reviews by the partnership',
  },
  multi_agency_audit: {
    label: 'Multi-agency audit',
    statutoryGateway: 'CA2004-S16E',
    consentBased: false,
    description: 'Case audits by the partnership to check and improve practice',
  },
  s16h_request: {
    label: 'Section 16H request',
    statutoryGateway: 'CA2004-S16H',
    consentBased: false,
    description: 'Information the safeguarding partners require under Children Act 2004 s16H',
  },
  emergency: {
    label: 'Emergency (break-glass)',
    // No statute: a break-glass rests on vital interests (UK GDPR Art 6(1)(d), 9(2)(c)), which its
    // grant names itself (break-glass/break-glass.ts); the catalogue holds statutory gateways here.
    statutoryGateway: null,
    consentBased: false,
    description:
      'The whole view of one child for at most an hour, where a life or serious harm is at stake, recorded and reviewed (vital interests)',
  },
} as const satisfies Record<Purpose, PurposeDefinition>;

export function isPurpose(value: string): value is Purpose {
  return (purposes as readonly string[]).includes(value);
}

const everyPartner = [
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
] as const satisfies readonly OrganisationType[];

/**
 * The types of organisation whose staff act for each purpose (DESIGN.md rule 4: policy is data).
 * A role's purposes (role-purposes.ts) are narrowed by this table, so a police practitioner is
 * never offered, nor allowed to read for, the care of a looked-after child: that is the council's
 * duty as corporate parent (CA1989 s22), with the virtual school head (s22(3A)), the child's
 * school (designated teacher) and health (statutory health assessments) around it. Working
 * Together to Safeguard Children 2023 sets who takes part in the rest: s47 enquiries are the
 * council's, with the police and health (chapter 2); strategy discussions bring in the referring
 * agency; conferences invite every agency involved with the family; Operation Encompass notices
 * go to the child's school (Victims and Prisoners Act 2024); the partnership's reviews and audits
 * draw on every partner (CA2004 ss16E to 16H).
 */
export const purposeOrganisationTypes = {
  early_help: everyPartner.filter((t) => t !== 'integrated_care_board' && t !== 'probation'),
  child_in_need_assessment: [
    'council_childrens_social_care',
    'council_education',
    'police',
    'nhs_trust',
    'gp_practice',
    'school',
    'youth_justice',
    'housing',
  ],
  front_door_screening: ['council_childrens_social_care', 'council_education', 'police', 'nhs_trust'],
  strategy_discussion: [
    'council_childrens_social_care',
    'council_education',
    'police',
    'nhs_trust',
    'integrated_care_board',
    'gp_practice',
    'school',
    'youth_justice',
    'probation',
  ],
  s47_enquiry: ['council_childrens_social_care', 'police', 'nhs_trust'],
  child_protection_conference: everyPartner,
  looked_after_care: ['council_childrens_social_care', 'council_education', 'nhs_trust', 'school'],
  operation_encompass: ['school', 'council_education'],
  learning_review: everyPartner,
  multi_agency_audit: everyPartner,
  s16h_request: everyPartner,
  // No role acts for it by standing right (role-purposes.ts): it is reached only through a
  // break-glass grant, whose own rule says who may break glass (breakGlassRoles).
  emergency: [],
} as const satisfies Record<Purpose, readonly OrganisationType[]>;
