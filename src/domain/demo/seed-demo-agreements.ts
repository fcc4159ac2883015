import { and, eq, isNull } from 'drizzle-orm';
import { addMonths, londonDate } from '../agreements/calendar-dates.ts';
import { amendAgreement } from '../agreements/amend-agreement.ts';
import { createAgreement } from '../agreements/create-agreement.ts';
import type { AgreementDeps } from '../agreements/gateway-directory.ts';
import type { AgreementRecord } from '../agreements/load-agreements.ts';
import { signAgreement } from '../agreements/sign-agreement.ts';
import { submitAgreement } from '../agreements/submit-agreement.ts';
import { updateFlow } from '../agreements/update-flow.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { can, overOrganisation } from '../partnership/capabilities.ts';
import type { OrganisationType, Role } from '../partnership/roles.ts';
import { membership, organisation } from '../partnership/schema.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../shared/ids.ts';
import { demoTier1, orgId, type DemoAgreement } from './northshire-agreements.ts';
import { demoTier2 } from './northshire-tier2-agreements.ts';
import { demoPartnership } from './northshire.ts';

/**
 * Seeds Northshire's agreements through the same use cases a DPO and the signatories use, so
 * that their audit trail is real: drafted by the DPO, submitted, signed by a signatory of every
 * party, and (for Operation Encompass) amended once, so that the demo shows a version history.
 */
export async function seedDemoAgreements(deps: AgreementDeps): Promise<{ agreements: number }> {
  const partnershipId = demoPartnership.id as PartnershipId;
  const actors = await membershipActors(deps, partnershipId);
  // The platform operator puts the demo's agreements in place, as if carried over from the
  // partnership's paper agreements: no one user is a party to all of them.
  const drafter = systemActor(partnershipId, 'demo-seed');
  const signatoryOf = (organisationId: string) => {
    const found = actors.find(
      (a) =>
        a.organisationId === organisationId && can(a, 'sign_agreements', overOrganisation(organisationId)),
    );
    if (!found) throw new Error(`demo: no signatory for organisation ${organisationId}`);
    return found;
  };
  const thisMonth = `${londonDate(deps.clock.now()).slice(0, 7)}-01`;
  const contentOf = (d: DemoAgreement) => {
    const startDate = addMonths(thisMonth, -d.startedMonthsAgo);
    return { ...d.content, startDate, reviewDate: addMonths(startDate, d.reviewAfterMonths) };
  };
  const bringIntoForce = async (record: AgreementRecord, version: number) => {
    await submitAgreement(deps, drafter, { agreementId: record.id });
    const parties = record.versions.at(-1)!.content.parties;
    for (const p of parties)
      await signAgreement(deps, signatoryOf(p.organisationId), {
        agreementId: record.id,
        version,
        declaration: true,
      });
  };

  const tier1 = await createAgreement(deps, drafter, { tier: 'tier1', content: contentOf(demoTier1) });
  await bringIntoForce(tier1, 1);
  for (const d of demoTier2) {
    const record = await createAgreement(deps, drafter, {
      tier: 'tier2',
      tier1AgreementId: tier1.id,
      content: contentOf(d),
      flows: d.flows,
    });
    await bringIntoForce(record, 1);
    if (d.key === 'encompass') {
      // Version 2 also tells the council's education service, which supports schools.
      const amended = await amendAgreement(deps, drafter, { agreementId: record.id });
      const notification = amended.versions[1]!.flows[0]!;
      await updateFlow(deps, drafter, {
        agreementId: record.id,
        flowId: notification.id,
        flow: { ...notification, toOrganisationIds: [orgId('school'), orgId('education')] },
      });
      await bringIntoForce(amended, 2);
    }
  }
  const counts = { agreements: 1 + demoTier2.length };
  await appendAuditEvent(deps.db, {
    actor: systemActor(partnershipId, 'demo-seed'),
    action: 'demo.agreements_seeded',
    outcome: 'success',
    details: counts,
  });
  return counts;
}

export async function membershipActors(
  deps: AgreementDeps,
  partnershipId: PartnershipId,
): Promise<(Actor & { kind: 'user' })[]> {
  const rows = await deps.db
    .select({ m: membership, organisationType: organisation.type })
    .from(membership)
    .innerJoin(
      organisation,
      and(
        eq(organisation.partnershipId, membership.partnershipId),
        eq(organisation.id, membership.organisationId),
      ),
    )
    .where(and(eq(membership.partnershipId, partnershipId), isNull(membership.endedAt)))
    .orderBy(membership.createdAt, membership.id);
  return rows.map(({ m, organisationType }) => ({
    kind: 'user',
    userId: m.userId as UserId,
    partnershipId,
    organisationId: m.organisationId as OrganisationId,
    membershipId: m.id as MembershipId,
    role: m.role as Role,
    organisationType: organisationType as OrganisationType,
  }));
}
