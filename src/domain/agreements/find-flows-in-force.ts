import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FlowInForce } from '../policy/flows-in-force.ts';
import type { Db } from '../shared/database.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import { flowGatewayIds } from './agreement-terms.ts';
import { addDays, londonDate, startOfLondonDay } from './calendar-dates.ts';
import { agreement, agreementFlow, agreementSuspension, agreementVersion } from './schema.ts';
import { toFlowRecord, type FlowRecord } from './load-agreements.ts';

const tier1 = alias(agreement, 'tier1');
const tier1Version = alias(agreementVersion, 'tier1_version');
const suspension = alias(agreementSuspension, 'suspension');

/**
 * Version v of agreement a was in force at `at`: activated by then and not yet superseded, the
 * agreement not terminated or suspended at that instant, and `day` (the UK date of `at`) within
 * its start and end dates. The same rule as agreement-status.ts's versionStateAt, in SQL.
 */
function inForce(
  a: { partnershipId: AnyPgColumn; id: AnyPgColumn; terminatedAt: AnyPgColumn },
  v: { activatedAt: AnyPgColumn; supersededAt: AnyPgColumn; startDate: AnyPgColumn; endDate: AnyPgColumn },
  at: Date,
  day: string,
): SQL {
  return and(
    sql`${v.activatedAt} <= ${at}`,
    sql`(${v.supersededAt} is null or ${v.supersededAt} > ${at})`,
    sql`(${a.terminatedAt} is null or ${a.terminatedAt} > ${at})`,
    sql`${v.startDate} <= ${day}`,
    sql`(${v.endDate} is null or ${v.endDate} >= ${day})`,
    sql`not exists (select 1 from agreement_suspension as suspension where ${suspension.partnershipId} = ${a.partnershipId}
      and ${suspension.agreementId} = ${a.id} and ${suspension.suspendedAt} <= ${at}
      and (${suspension.resumedAt} is null or ${suspension.resumedAt} > ${at}))`,
  )!;
}

export interface FlowRowInForce {
  readonly agreementId: string;
  readonly reference: string;
  readonly title: string;
  readonly version: number;
  readonly startDate: string;
  readonly reviewDate: string;
  readonly endDate: string | null;
  readonly flow: FlowRecord;
}

/**
 * Every Tier 2 flow in force at `at`, one row per flow. A Tier 2 agreement counts only while its
 * Tier 1 framework is in force too: if the partnership's overarching agreement is suspended or
 * ends, the operational agreements made under it stop with it.
 */
export async function findFlowRowsInForce(
  db: Db,
  partnershipId: string,
  at: Date,
): Promise<FlowRowInForce[]> {
  const day = londonDate(at);
  const rows = await db
    .select({ flow: agreementFlow, version: agreementVersion, agreement })
    .from(agreementFlow)
    .innerJoin(
      agreementVersion,
      and(
        eq(agreementVersion.partnershipId, agreementFlow.partnershipId),
        eq(agreementVersion.agreementId, agreementFlow.agreementId),
        eq(agreementVersion.version, agreementFlow.version),
      ),
    )
    .innerJoin(
      agreement,
      and(
        eq(agreement.partnershipId, agreementFlow.partnershipId),
        eq(agreement.id, agreementFlow.agreementId),
      ),
    )
    .where(
      and(
        eq(agreementFlow.partnershipId, partnershipId),
        eq(agreement.tier, 'tier2'),
        inForce(agreement, agreementVersion, at, day),
        sql`exists (select 1 from agreement as tier1 join agreement_version as tier1_version
          on ${tier1Version.partnershipId} = ${tier1.partnershipId} and ${tier1Version.agreementId} = ${tier1.id}
          where ${tier1.partnershipId} = ${agreement.partnershipId} and ${tier1.id} = ${agreement.tier1AgreementId}
          and ${inForce(tier1, tier1Version, at, day)})`,
      ),
    )
    .orderBy(asc(agreement.reference), asc(agreementFlow.position));
  return rows.map(({ flow: f, version: v, agreement: a }) => ({
    agreementId: a.id,
    reference: a.reference,
    title: v.title,
    version: v.version,
    startDate: v.startDate,
    reviewDate: v.reviewDate,
    endDate: v.endDate,
    flow: toFlowRecord(f),
  }));
}

/**
 * The contract with the policy decision (policy/flows-in-force.ts): one entry per
 * (flow, from organisation, to organisation) of every flow in force at `at`. Suspension,
 * termination, expiry and supersession take effect at once, since this reads their dates.
 */
export async function findFlowsInForce(db: Db, partnershipId: string, at: Date): Promise<FlowInForce[]> {
  const rows = await findFlowRowsInForce(db, partnershipId, at);
  return rows.flatMap((row) =>
    row.flow.fromOrganisationIds.flatMap((from) =>
      row.flow.toOrganisationIds.map((to) => ({
        partnershipId: partnershipId as PartnershipId,
        agreementId: row.agreementId,
        agreementReference: row.reference,
        agreementTitle: row.title,
        agreementVersion: row.version,
        flowId: row.flow.id,
        fromOrganisationId: from as OrganisationId,
        toOrganisationId: to as OrganisationId,
        purposes: row.flow.purposes,
        fieldGroups: row.flow.fieldGroups,
        gatewayIds: flowGatewayIds(row.flow),
        validFrom: startOfLondonDay(row.startDate),
        // Exclusive: the first instant after the end date at which the flow no longer applies.
        validTo: row.endDate === null ? null : startOfLondonDay(addDays(row.endDate, 1)),
      })),
    ),
  );
}
