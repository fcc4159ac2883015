import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { londonDate } from '../../src/domain/agreements/calendar-dates.ts';
import { agreement, agreementFlow, agreementVersion } from '../../src/domain/agreements/schema.ts';
import type { FlowInForce } from '../../src/domain/policy/flows-in-force.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import { benchPartnershipId } from './partnership.ts';

const terms = {
  summary: 'Bench agreement',
  security: 'Bench security',
  retention: 'Bench retention',
  rights: 'Bench rights',
  createdBy: 'bench',
};

/**
 * The bench flows written as agreements in the agreements module's own tables (a Tier 1 in
 * force and one Tier 2 per bench agreement, with its flows and dates), so the scoped reader can
 * be timed through findFlowsInForce as the server runs it. Written straight to the tables, as
 * drafts first because the database accepts flows only on a draft (0005), then moved to active
 * the way signing does; signatures are left out, since the flows in force never read them.
 */
export async function writeBenchAgreements(db: Db, flows: readonly FlowInForce[], now: Date): Promise<void> {
  const tier1Id = randomUUID();
  const byAgreement = new Map<string, FlowInForce[]>();
  for (const f of flows) byAgreement.set(f.agreementId, [...(byAgreement.get(f.agreementId) ?? []), f]);
  const agreements = [
    { id: tier1Id, tier: 'tier1', reference: 'T1-001', tier1: null, list: [] as FlowInForce[] },
    ...[...byAgreement.values()].map((list) => ({
      id: randomUUID(),
      tier: 'tier2',
      reference: list[0]!.agreementReference,
      tier1: tier1Id,
      list,
    })),
  ];
  for (const a of agreements) {
    const first = a.list[0];
    const lastDay = first?.validTo ? londonDate(new Date(first.validTo.getTime() - 1)) : null;
    await db.transaction(async (tx) => {
      await tx.insert(agreement).values({
        partnershipId: benchPartnershipId,
        id: a.id,
        reference: a.reference,
        tier: a.tier,
        tier1AgreementId: a.tier1,
        createdAt: now,
        createdBy: terms.createdBy,
      });
      await tx.insert(agreementVersion).values({
        partnershipId: benchPartnershipId,
        agreementId: a.id,
        version: 1,
        status: 'draft',
        title: first?.agreementTitle ?? 'Bench framework',
        ...terms,
        purposes: [],
        startDate: first ? londonDate(first.validFrom) : '2020-01-01',
        reviewDate: '2030-01-01',
        endDate: lastDay,
        gatewayIds: [],
        dataCategories: ['personal'],
        createdAt: now,
      });
      if (a.list.length > 0)
        await tx.insert(agreementFlow).values(
          a.list.map((f, i) => ({
            partnershipId: benchPartnershipId,
            id: randomUUID(),
            agreementId: a.id,
            version: 1,
            position: i + 1,
            name: f.flowId,
            fromOrganisationIds: [f.fromOrganisationId],
            toOrganisationIds: [f.toOrganisationId],
            purposes: [...f.purposes],
            fieldGroups: [...f.fieldGroups],
            dataCategories: ['personal'],
            art6BasisId: 'UKGDPR-6-1-e',
            statutoryGatewayIds: ['CA1989-S47'],
            otherGatewayIds: [],
            method: 'system',
            frequency: 'as_needed',
          })),
        );
      const version = and(
        eq(agreementVersion.partnershipId, benchPartnershipId),
        eq(agreementVersion.agreementId, a.id),
      );
      await tx
        .update(agreementVersion)
        .set({ status: 'awaiting_signatures', submittedAt: now })
        .where(version);
      await tx.update(agreementVersion).set({ status: 'active', activatedAt: now }).where(version);
    });
  }
}
