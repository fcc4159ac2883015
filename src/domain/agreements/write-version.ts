import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import { notFound } from '../shared/errors.ts';
import type { AgreementContent, FlowContent, Tier } from './agreement-terms.ts';
import { derivedCategories } from './check-flow.ts';
import {
  agreement,
  agreementFlow,
  agreementParty,
  agreementReferenceCounter,
  agreementVersion,
} from './schema.ts';

/** Who did it, as stored on rows: a user id, or the system process. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
}

/** The next reference for a tier in a partnership: T1-001, T2-014. Taken inside the act's transaction. */
export async function nextReference(tx: Db, partnershipId: string, tier: Tier): Promise<string> {
  const [row] = await tx
    .insert(agreementReferenceCounter)
    .values({ partnershipId, tier, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [agreementReferenceCounter.partnershipId, agreementReferenceCounter.tier],
      set: { lastNumber: sql`${agreementReferenceCounter.lastNumber} + 1` },
    })
    .returning({ lastNumber: agreementReferenceCounter.lastNumber });
  return `${tier === 'tier1' ? 'T1' : 'T2'}-${String(row!.lastNumber).padStart(3, '0')}`;
}

/** Locks the agreement row for the rest of the transaction, so lifecycle changes queue. */
export async function lockAgreement(tx: Db, partnershipId: string, agreementId: string): Promise<void> {
  const [row] = await tx
    .select({ id: agreement.id })
    .from(agreement)
    .where(and(eq(agreement.partnershipId, partnershipId), eq(agreement.id, agreementId)))
    .for('update');
  if (!row) throw notFound('The agreement');
}

export interface VersionKey {
  readonly partnershipId: string;
  readonly agreementId: string;
  readonly version: number;
}

export async function insertVersion(
  tx: Db,
  key: VersionKey,
  content: AgreementContent,
  meta: { createdAt: Date; createdBy: string },
): Promise<void> {
  await tx.insert(agreementVersion).values({
    ...key,
    status: 'draft',
    ...versionColumns(content),
    createdAt: meta.createdAt,
    createdBy: meta.createdBy,
  });
  await insertParties(tx, key, content);
}

/** Replaces a draft's sections and parties (flows are changed one by one). */
export async function replaceDraftContent(tx: Db, key: VersionKey, content: AgreementContent): Promise<void> {
  await tx
    .update(agreementVersion)
    .set(versionColumns(content))
    .where(
      and(
        eq(agreementVersion.partnershipId, key.partnershipId),
        eq(agreementVersion.agreementId, key.agreementId),
        eq(agreementVersion.version, key.version),
        eq(agreementVersion.status, 'draft'),
      ),
    );
  await tx
    .delete(agreementParty)
    .where(
      and(
        eq(agreementParty.partnershipId, key.partnershipId),
        eq(agreementParty.agreementId, key.agreementId),
        eq(agreementParty.version, key.version),
      ),
    );
  await insertParties(tx, key, content);
}

/** A Tier 2 version's purposes are those of its flows. */
export async function setVersionPurposes(
  tx: Db,
  key: VersionKey,
  purposes: readonly string[],
): Promise<void> {
  await tx
    .update(agreementVersion)
    .set({ purposes: [...purposes] })
    .where(
      and(
        eq(agreementVersion.partnershipId, key.partnershipId),
        eq(agreementVersion.agreementId, key.agreementId),
        eq(agreementVersion.version, key.version),
      ),
    );
}

export async function insertFlow(
  tx: Db,
  key: VersionKey,
  flow: FlowContent,
  placement: { id: string; position: number },
): Promise<void> {
  await tx.insert(agreementFlow).values({ ...key, ...placement, ...flowColumns(flow) });
}

export async function replaceFlow(tx: Db, key: VersionKey, flowId: string, flow: FlowContent): Promise<void> {
  await tx
    .update(agreementFlow)
    .set(flowColumns(flow))
    .where(
      and(
        eq(agreementFlow.partnershipId, key.partnershipId),
        eq(agreementFlow.agreementId, key.agreementId),
        eq(agreementFlow.version, key.version),
        eq(agreementFlow.id, flowId),
      ),
    );
}

export async function deleteFlow(tx: Db, key: VersionKey, flowId: string): Promise<void> {
  await tx
    .delete(agreementFlow)
    .where(
      and(
        eq(agreementFlow.partnershipId, key.partnershipId),
        eq(agreementFlow.agreementId, key.agreementId),
        eq(agreementFlow.version, key.version),
        eq(agreementFlow.id, flowId),
      ),
    );
}

async function insertParties(tx: Db, key: VersionKey, content: AgreementContent): Promise<void> {
  if (content.parties.length === 0) return;
  await tx.insert(agreementParty).values(
    content.parties.map((p, position) => ({
      ...key,
      organisationId: p.organisationId,
      position,
      contact: p.contact,
    })),
  );
}

function versionColumns(c: AgreementContent) {
  return {
    title: c.title,
    summary: c.summary,
    purposes: [...c.purposes],
    startDate: c.startDate,
    reviewDate: c.reviewDate,
    endDate: c.endDate,
    security: c.security,
    retention: c.retention,
    rights: c.rights,
    gatewayIds: [...c.gatewayIds],
    dataCategories: [...c.dataCategories],
  };
}

function flowColumns(f: FlowContent) {
  return {
    name: f.name,
    fromOrganisationIds: [...f.fromOrganisationIds],
    toOrganisationIds: [...f.toOrganisationIds],
    purposes: [...f.purposes],
    fieldGroups: [...f.fieldGroups],
    dataCategories: derivedCategories(f),
    art6BasisId: f.art6BasisId,
    art9ConditionId: f.art9ConditionId,
    art9Sched1ConditionId: f.art9Sched1ConditionId,
    art10ConditionId: f.art10ConditionId,
    art10Sched1ConditionId: f.art10Sched1ConditionId,
    statutoryGatewayIds: [...f.statutoryGatewayIds],
    confidentialityGatewayId: f.confidentialityGatewayId,
    confidentialityGround: f.confidentialityGround,
    otherGatewayIds: [...f.otherGatewayIds],
    method: f.method,
    methodDetail: f.methodDetail,
    frequency: f.frequency,
    retention: f.retention,
    dpiaReference: f.dpiaReference,
  };
}
