import type { OrganisationType, Role } from '../partnership/roles.ts';

/**
 * The demo partnership: fictional, modelled on the partner list of the Tees protocol (seed 003):
 * councils' children's services and education, police, NHS trusts and the ICB, a GP practice,
 * schools, youth justice, probation, housing and a charity. Every role has a user.
 * DEMO ONLY: these accounts share one published password and must never exist in production.
 */
export const DEMO_PASSWORD = 'demo-only-Northshire-2026';

export const demoPartnership = {
  id: '5e0f5a1c-8d2b-4a6e-9b3f-1c2d3e4f5a00',
  name: 'Northshire Safeguarding Children Partnership',
} as const;

export interface DemoOrganisation {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly type: OrganisationType;
}

const org = (n: number, key: string, name: string, type: OrganisationType): DemoOrganisation => ({
  key,
  id: `5e0f5a1c-8d2b-4a6e-9b3f-1c2d3e4f5a${String(n).padStart(2, '0')}`,
  name,
  type,
});

export const demoOrganisations: readonly DemoOrganisation[] = [
  org(1, 'csc', "Northshire County Council Children's Services", 'council_childrens_social_care'),
  org(2, 'education', 'Northshire County Council Education', 'council_education'),
  org(3, 'police', 'Northshire Police', 'police'),
  org(4, 'trust', 'Northshire Hospitals NHS Foundation Trust', 'nhs_trust'),
  org(5, 'icb', 'Northshire and Dale Integrated Care Board', 'integrated_care_board'),
  org(6, 'gp', 'Riverside Medical Practice', 'gp_practice'),
  org(7, 'school', 'Riverside Primary School', 'school'),
  org(8, 'yjs', 'Northshire Youth Justice Service', 'youth_justice'),
  org(9, 'probation', 'Probation Service, Northshire', 'probation'),
  org(10, 'housing', 'Northshire Homes', 'housing'),
  org(11, 'charity', 'Northshire Family Support', 'charity'),
];

/**
 * Each demo organisation's directory entry: whom partners call when no record names a lead
 * worker (partnership/organisation-contact-point.ts). Telephone numbers are from Ofcom's range
 * for drama (01632 960xxx), so none reaches anyone.
 */
export const demoContactPoints: Readonly<
  Record<string, { name: string; role: string; phone: string; email: string }>
> = {
  csc: {
    name: 'Children’s front door (MASH)',
    role: 'Duty social worker',
    phone: '01632 960 100',
    email: 'mash@northshire.example',
  },
  police: {
    name: 'Public protection unit',
    role: 'Duty sergeant',
    phone: '01632 960 200',
    email: 'ppu@northshire-police.example',
  },
  trust: {
    name: 'Safeguarding children team',
    role: 'Named nurse',
    phone: '01632 960 300',
    email: 'safeguarding@northshire-nhs.example',
  },
  gp: {
    name: 'Practice safeguarding lead',
    role: 'GP partner',
    phone: '01632 960 400',
    email: 'safeguarding@riverside-medical.example',
  },
  school: {
    name: 'Designated safeguarding lead',
    role: 'Deputy headteacher',
    phone: '01632 960 500',
    email: 'dsl@riverside-primary.example',
  },
  yjs: {
    name: 'Youth justice duty officer',
    role: 'Case manager',
    phone: '01632 960 600',
    email: 'yjs@northshire.example',
  },
  housing: {
    name: 'Tenancy safeguarding lead',
    role: 'Housing officer',
    phone: '01632 960 700',
    email: 'safeguarding@northshire-homes.example',
  },
};

export interface DemoUser {
  readonly email: string;
  readonly displayName: string;
  readonly organisation: string;
  readonly role: Role;
}

export const demoUsers: readonly DemoUser[] = [
  {
    email: 'sam.patel@northshire.example',
    displayName: 'Sam Patel',
    organisation: 'csc',
    role: 'practitioner',
  },
  {
    email: 'grace.obi@northshire.example',
    displayName: 'Grace Obi',
    organisation: 'csc',
    role: 'front_door_officer',
  },
  {
    email: 'tom.reid@northshire.example',
    displayName: 'Tom Reid',
    organisation: 'csc',
    role: 'team_manager',
  },
  {
    email: 'dana.okafor@northshire.example',
    displayName: 'Dana Okafor',
    organisation: 'csc',
    role: 'data_protection_officer',
  },
  {
    email: 'alex.morgan@northshire.example',
    displayName: 'Alex Morgan',
    organisation: 'csc',
    role: 'partnership_admin',
  },
  {
    email: 'chris.lee@northshire.example',
    displayName: 'Chris Lee',
    organisation: 'csc',
    role: 'system_admin',
  },
  {
    email: 'ellie.shaw@northshire.example',
    displayName: 'Ellie Shaw',
    organisation: 'education',
    role: 'practitioner',
  },
  {
    email: 'dc.jones@northshire.example',
    displayName: 'DC Rhys Jones',
    organisation: 'police',
    role: 'practitioner',
  },
  {
    email: 'ps.khan@northshire.example',
    displayName: 'PS Amira Khan',
    organisation: 'police',
    role: 'front_door_officer',
  },
  {
    email: 'nurse.walsh@northshire.example',
    displayName: 'Niamh Walsh',
    organisation: 'trust',
    role: 'practitioner',
  },
  {
    email: 'dr.adeyemi@northshire.example',
    displayName: 'Dr Tolu Adeyemi',
    organisation: 'trust',
    role: 'caldicott_guardian',
  },
  {
    email: 'priya.nair@northshire.example',
    displayName: 'Priya Nair',
    organisation: 'icb',
    role: 'practitioner',
  },
  {
    email: 'dr.hughes@northshire.example',
    displayName: 'Dr Owen Hughes',
    organisation: 'gp',
    role: 'practitioner',
  },
  {
    email: 'jo.baker@northshire.example',
    displayName: 'Jo Baker',
    organisation: 'school',
    role: 'designated_safeguarding_lead',
  },
  {
    email: 'mark.evans@northshire.example',
    displayName: 'Mark Evans',
    organisation: 'yjs',
    role: 'practitioner',
  },
  {
    email: 'lucy.grant@northshire.example',
    displayName: 'Lucy Grant',
    organisation: 'probation',
    role: 'practitioner',
  },
  {
    email: 'ben.carter@northshire.example',
    displayName: 'Ben Carter',
    organisation: 'housing',
    role: 'practitioner',
  },
  {
    email: 'ruth.ali@northshire.example',
    displayName: 'Ruth Ali',
    organisation: 'charity',
    role: 'practitioner',
  },
  // Organisation administrators (partnership/capabilities.ts): each organisation's people and
  // feeds are its own administrator's to manage, first created by the platform operator.
  {
    email: 'lee.harper@northshire.example',
    displayName: 'Lee Harper',
    organisation: 'csc',
    role: 'organisation_admin',
  },
  {
    email: 'sgt.doyle@northshire.example',
    displayName: 'Sgt Sean Doyle',
    organisation: 'police',
    role: 'organisation_admin',
  },
  // Signatories: someone able to sign data sharing agreements for each party that had none
  // (partnership/capabilities.ts, sign_agreements).
  ...(
    [
      ['insp.clarke@northshire.example', 'DI Helen Clarke', 'police', 'team_manager'],
      ['rob.singh@northshire.example', 'Rob Singh', 'education', 'team_manager'],
      ['dr.mensah@northshire.example', 'Dr Kofi Mensah', 'icb', 'caldicott_guardian'],
      ['dr.price@northshire.example', 'Dr Sian Price', 'gp', 'caldicott_guardian'],
      ['kim.osei@northshire.example', 'Kim Osei', 'yjs', 'team_manager'],
      ['paul.wright@northshire.example', 'Paul Wright', 'probation', 'team_manager'],
      ['nina.brooks@northshire.example', 'Nina Brooks', 'housing', 'team_manager'],
      ['sara.lind@northshire.example', 'Sara Lind', 'charity', 'team_manager'],
    ] as const
  ).map(([email, displayName, organisation, role]) => ({ email, displayName, organisation, role })),
];
