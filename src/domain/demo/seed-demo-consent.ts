import { eq, sql } from 'drizzle-orm';
import { recordConsent } from '../consent/record-consent.ts';
import { findActiveMemberships } from '../partnership/find-memberships.ts';
import { appUser } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../shared/ids.ts';
import { demoOrganisations, demoPartnership } from './northshire.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const orgId = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;

/**
 * One consent for early help in Northshire (DEMO ONLY), recorded through the real use case by the
 * school's designated safeguarding lead: a mother agreed that Riverside Primary may share her
 * child's identity, education and attendance with children's services for early help, the flow
 * of the early help agreement that rests on consent (northshire-tier2-agreements.ts). The child
 * is the first, by person id, whom the school holds: ids only are read here. Answers the consent
 * id, or null when the school holds nobody (feeds not loaded).
 */
export async function seedDemoConsent(deps: Deps): Promise<string | null> {
  const [person] = await queryRows<{ person_id: string }>(
    deps.db,
    sql`select l.person_id::text as person_id from person_link l
        join agency_person ap on ap.partnership_id = l.partnership_id and ap.id = l.agency_person_id
        where l.partnership_id = ${demoPartnership.id} and ap.organisation_id = ${orgId('school')}
        order by l.person_id limit 1`,
  );
  if (!person) return null;
  const actor = await demoUserActor(deps, 'jo.baker@northshire.example');
  const now = deps.clock.now().getTime();
  const { consent } = await recordConsent(deps, actor, {
    personId: person.person_id,
    givenBy: 'person_with_parental_responsibility',
    giver: { name: 'The child’s mother (demo)', relationship: 'Mother', parentalResponsibility: 'mother' },
    organisationIds: [orgId('csc')],
    purposes: ['early_help'],
    fieldGroups: ['identity', 'education', 'attendance_exclusions'],
    evidence: { form: 'written', reference: 'Early help consent form EH-2026-014' },
    givenAt: new Date(now - 30 * DAY_MS),
    expiresAt: new Date(now + 335 * DAY_MS),
  });
  return consent.id;
}

async function demoUserActor(deps: Deps, email: string): Promise<Actor & { kind: 'user' }> {
  const [user] = await deps.db.select().from(appUser).where(eq(appUser.email, email));
  const [membership] = await findActiveMemberships(deps.db, demoPartnership.id, user!.id);
  return {
    kind: 'user',
    userId: user!.id as UserId,
    partnershipId: demoPartnership.id as PartnershipId,
    organisationId: membership!.organisationId as OrganisationId,
    membershipId: membership!.id as MembershipId,
    role: membership!.role,
    organisationType: membership!.organisationType,
  };
}
