import { and, eq, isNull } from 'drizzle-orm';
import type { AgreementContent, FlowContent } from '../../src/domain/agreements/agreement-terms.ts';
import type { AgreementDeps } from '../../src/domain/agreements/gateway-directory.ts';
import { demoOrganisations } from '../../src/domain/demo/northshire.ts';
import type { OrganisationType, Role } from '../../src/domain/partnership/roles.ts';
import { appUser, membership, organisation } from '../../src/domain/partnership/schema.ts';
import type { Actor } from '../../src/domain/shared/actor.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../../src/domain/shared/ids.ts';
import { catalogueGatewayDirectory } from '../../src/domain/agreements/catalogue-gateway-directory.ts';
import type { TestApp } from './test-app.ts';

/** Northshire's organisations by their demo key: `org.police`, `org.csc`. */
export const org = Object.fromEntries(demoOrganisations.map((o) => [o.key, o.id])) as Record<
  | 'csc'
  | 'education'
  | 'police'
  | 'trust'
  | 'icb'
  | 'gp'
  | 'school'
  | 'yjs'
  | 'probation'
  | 'housing'
  | 'charity',
  string
>;

export const southvaleSchoolId = '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b02';

export function agreementDeps(app: TestApp): AgreementDeps {
  return { ...app.deps, gateways: catalogueGatewayDirectory(app.deps.db) };
}

/** The demo user's actor, acting through their membership (the one with `role`, if given). */
export async function actorFor(db: Db, email: string, role?: Role): Promise<Actor & { kind: 'user' }> {
  const rows = await db
    .select({ user: appUser, membership, organisationType: organisation.type })
    .from(appUser)
    .innerJoin(
      membership,
      and(eq(membership.partnershipId, appUser.partnershipId), eq(membership.userId, appUser.id)),
    )
    .innerJoin(
      organisation,
      and(
        eq(organisation.partnershipId, membership.partnershipId),
        eq(organisation.id, membership.organisationId),
      ),
    )
    .where(and(eq(appUser.email, email), isNull(membership.endedAt)));
  const row = rows.find((r) => !role || r.membership.role === role);
  if (!row) throw new Error(`no demo membership for ${email}`);
  return {
    kind: 'user',
    userId: row.user.id as UserId,
    partnershipId: row.user.partnershipId as PartnershipId,
    organisationId: row.membership.organisationId as OrganisationId,
    membershipId: row.membership.id as MembershipId,
    role: row.membership.role as Role,
    organisationType: row.organisationType as OrganisationType,
  };
}

export const tier1Content = (partyIds: readonly string[]): AgreementContent => ({
  title: 'Northshire overarching information sharing agreement',
  summary: 'How the partners share information to safeguard and promote the welfare of children',
  purposes: ['front_door_screening', 's47_enquiry', 'early_help'],
  parties: partyIds.map((organisationId) => ({ organisationId, contact: 'Information governance lead' })),
  startDate: '2026-04-01',
  reviewDate: '2028-04-01',
  endDate: null,
  security:
    'Each party keeps information secure and reports personal data breaches to the others within 24 hours',
  retention: 'Each party keeps information for the periods in its own retention schedule',
  rights: 'Each party answers requests under its privacy notice; subject access requests are shared promptly',
  gatewayIds: [
    'CA2004-S11',
    'CA1989-S47',
    'UKGDPR-6-1-e',
    'UKGDPR-6-1-a',
    'UKGDPR-9-2-g',
    'DPA-S1-P18',
    'UKGDPR-10',
    'CLDC',
  ],
  dataCategories: ['personal', 'special_category', 'criminal_offence'],
});

export const tier2Content = (partyIds: readonly string[]): AgreementContent => ({
  ...tier1Content(partyIds),
  title: 'Front door partner checks',
  reviewDate: '2027-04-01',
  purposes: [],
  gatewayIds: [],
  dataCategories: [],
});

/** Police tell children's social care what they know, for the front door. */
export const policeChecks: FlowContent = {
  name: 'Police checks for the front door',
  fromOrganisationIds: [org.police],
  toOrganisationIds: [org.csc],
  purposes: ['front_door_screening'],
  fieldGroups: ['identity', 'police_incidents'],
  art6BasisId: 'UKGDPR-6-1-e',
  art9ConditionId: null,
  art9Sched1ConditionId: null,
  art10ConditionId: 'UKGDPR-10',
  art10Sched1ConditionId: 'DPA-S1-P18',
  statutoryGatewayIds: ['CA2004-S11'],
  confidentialityGatewayId: null,
  confidentialityGround: null,
  otherGatewayIds: [],
  method: 'tessera',
  methodDetail: null,
  frequency: 'per_case',
  retention: 'Kept on the child’s social care record for 35 years after the case closes',
  dpiaReference: 'DPIA-FD-2026',
};

/** The hospital trust tells children's social care about a child's health. */
export const healthChecks: FlowContent = {
  ...policeChecks,
  name: 'Health checks for the front door',
  fromOrganisationIds: [org.trust],
  fieldGroups: ['identity', 'physical_health'],
  art9ConditionId: 'UKGDPR-9-2-g',
  art9Sched1ConditionId: 'DPA-S1-P18',
  art10ConditionId: null,
  art10Sched1ConditionId: null,
  confidentialityGatewayId: 'CLDC',
  confidentialityGround: 'overriding_public_interest',
};

/** Signatories of Northshire's demo organisations (demo/northshire.ts). */
export const signatories = {
  csc: 'tom.reid@northshire.example',
  police: 'insp.clarke@northshire.example',
  trust: 'dr.adeyemi@northshire.example',
  school: 'jo.baker@northshire.example',
} as const;

/** A Tier 1 and a Tier 2 (police and health checks) among csc, police, trust and school, both in force. */
export async function createActivePair(
  deps: AgreementDeps,
  db: Db,
  overrides: { tier2?: Partial<AgreementContent>; flows?: FlowContent[]; extraSignatories?: string[] } = {},
): Promise<{ tier1Id: string; tier2Id: string }> {
  const { createAgreement } = await import('../../src/domain/agreements/create-agreement.ts');
  const { submitAgreement } = await import('../../src/domain/agreements/submit-agreement.ts');
  const { signAgreement } = await import('../../src/domain/agreements/sign-agreement.ts');
  const dana = await actorFor(db, 'dana.okafor@northshire.example');
  const parties = [org.csc, org.police, org.trust, org.school];
  const tier1 = await createAgreement(deps, dana, { tier: 'tier1', content: tier1Content(parties) });
  const tier2 = await createAgreement(deps, dana, {
    tier: 'tier2',
    tier1AgreementId: tier1.id,
    content: { ...tier2Content(parties), ...overrides.tier2 },
    flows: overrides.flows ?? [policeChecks, healthChecks],
  });
  for (const id of [tier1.id, tier2.id]) {
    await submitAgreement(deps, dana, { agreementId: id });
    const parties =
      id === tier1.id
        ? Object.values(signatories)
        : [...Object.values(signatories), ...(overrides.extraSignatories ?? [])];
    for (const email of parties)
      await signAgreement(deps, await actorFor(db, email), {
        agreementId: id,
        version: 1,
        declaration: true,
      });
  }
  return { tier1Id: tier1.id, tier2Id: tier2.id };
}
