import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Role } from '../partnership/roles.ts';
import type { DataCategory, FieldGroup } from '../policy/field-groups.ts';
import type { Purpose } from '../policy/purposes.ts';
import { readInTurn, type Db } from '../shared/database.ts';
import type {
  AgreementContent,
  ConfidentialityGround,
  FlowContent,
  FlowFrequency,
  FlowMethod,
  StoredVersionStatus,
  Tier,
} from './agreement-terms.ts';
import {
  agreement,
  agreementFlow,
  agreementParty,
  agreementSignature,
  agreementSuspension,
  agreementVersion,
} from './schema.ts';

export interface FlowRecord extends FlowContent {
  readonly id: string;
  readonly position: number;
  readonly dataCategories: readonly DataCategory[];
}

export interface SignatureRecord {
  readonly organisationId: string;
  readonly userId: string;
  readonly membershipId: string;
  readonly role: Role;
  readonly signerName: string;
  readonly signedAt: Date;
}

export interface VersionRecord {
  readonly version: number;
  readonly status: StoredVersionStatus;
  readonly content: AgreementContent;
  readonly flows: readonly FlowRecord[];
  readonly signatures: readonly SignatureRecord[];
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly submittedAt: Date | null;
  readonly activatedAt: Date | null;
  readonly supersededAt: Date | null;
}

export interface SuspensionRecord {
  readonly id: string;
  readonly suspendedAt: Date;
  readonly suspendedBy: string;
  readonly reason: string;
  readonly resumedAt: Date | null;
  readonly resumedBy: string | null;
}

export interface AgreementRecord {
  readonly partnershipId: string;
  readonly id: string;
  readonly reference: string;
  readonly tier: Tier;
  readonly tier1AgreementId: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly terminatedAt: Date | null;
  readonly terminatedBy: string | null;
  readonly terminationReason: string | null;
  readonly suspensions: readonly SuspensionRecord[];
  /** Oldest first. */
  readonly versions: readonly VersionRecord[];
}

/**
 * Loads whole agreements (every version, with parties, flows and signatures) of one partnership.
 * A partnership holds tens of agreements, so reading them whole is cheaper than clever.
 */
export async function loadAgreements(
  db: Db,
  partnershipId: string,
  filter: { ids?: readonly string[] } = {},
): Promise<AgreementRecord[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const ids = filter.ids ? [...filter.ids] : undefined;
  const where = (partnershipColumn: AnyPgColumn, agreementColumn: AnyPgColumn) =>
    and(eq(partnershipColumn, partnershipId), ids ? inArray(agreementColumn, ids) : undefined);
  // A transaction passes its one client here: the reads take turns on it (readInTurn).
  const [agreements, versions, parties, flows, signatures, suspensions] = await readInTurn(
    () =>
      db
        .select()
        .from(agreement)
        .where(where(agreement.partnershipId, agreement.id))
        .orderBy(asc(agreement.reference)),
    () =>
      db
        .select()
        .from(agreementVersion)
        .where(where(agreementVersion.partnershipId, agreementVersion.agreementId))
        .orderBy(asc(agreementVersion.version)),
    () =>
      db
        .select()
        .from(agreementParty)
        .where(where(agreementParty.partnershipId, agreementParty.agreementId))
        .orderBy(asc(agreementParty.position)),
    () =>
      db
        .select()
        .from(agreementFlow)
        .where(where(agreementFlow.partnershipId, agreementFlow.agreementId))
        .orderBy(asc(agreementFlow.position)),
    () =>
      db
        .select()
        .from(agreementSignature)
        .where(where(agreementSignature.partnershipId, agreementSignature.agreementId))
        .orderBy(asc(agreementSignature.signedAt)),
    () =>
      db
        .select()
        .from(agreementSuspension)
        .where(where(agreementSuspension.partnershipId, agreementSuspension.agreementId))
        .orderBy(asc(agreementSuspension.suspendedAt)),
  );
  const key = (agreementId: string, version: number) => `${agreementId}:${version}`;
  const group = <T>(rows: T[], keyOf: (row: T) => string) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
    return map;
  };
  const partiesBy = group(parties, (p) => key(p.agreementId, p.version));
  const flowsBy = group(flows, (f) => key(f.agreementId, f.version));
  const signaturesBy = group(signatures, (s) => key(s.agreementId, s.version));
  const versionsBy = group(versions, (v) => v.agreementId);
  const suspensionsBy = group(suspensions, (s) => s.agreementId);

  return agreements.map((a) => ({
    partnershipId: a.partnershipId,
    id: a.id,
    reference: a.reference,
    tier: a.tier as Tier,
    tier1AgreementId: a.tier1AgreementId,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    terminatedAt: a.terminatedAt,
    terminatedBy: a.terminatedBy,
    terminationReason: a.terminationReason,
    suspensions: (suspensionsBy.get(a.id) ?? []).map((s) => ({
      id: s.id,
      suspendedAt: s.suspendedAt,
      suspendedBy: s.suspendedBy,
      reason: s.reason,
      resumedAt: s.resumedAt,
      resumedBy: s.resumedBy,
    })),
    versions: (versionsBy.get(a.id) ?? []).map((v) => ({
      version: v.version,
      status: v.status as StoredVersionStatus,
      content: {
        title: v.title,
        summary: v.summary,
        purposes: v.purposes as Purpose[],
        parties: (partiesBy.get(key(a.id, v.version)) ?? []).map((p) => ({
          organisationId: p.organisationId,
          contact: p.contact,
        })),
        startDate: v.startDate,
        reviewDate: v.reviewDate,
        endDate: v.endDate,
        security: v.security,
        retention: v.retention,
        rights: v.rights,
        gatewayIds: v.gatewayIds,
        dataCategories: v.dataCategories as DataCategory[],
      },
      flows: (flowsBy.get(key(a.id, v.version)) ?? []).map(toFlowRecord),
      signatures: (signaturesBy.get(key(a.id, v.version)) ?? []).map((s) => ({
        organisationId: s.organisationId,
        userId: s.userId,
        membershipId: s.membershipId,
        role: s.role as Role,
        signerName: s.signerName,
        signedAt: s.signedAt,
      })),
      createdAt: v.createdAt,
      createdBy: v.createdBy,
      submittedAt: v.submittedAt,
      activatedAt: v.activatedAt,
      supersededAt: v.supersededAt,
    })),
  }));
}

export async function loadAgreement(
  db: Db,
  partnershipId: string,
  agreementId: string,
): Promise<AgreementRecord | undefined> {
  return (await loadAgreements(db, partnershipId, { ids: [agreementId] }))[0];
}

export function toFlowRecord(f: typeof agreementFlow.$inferSelect): FlowRecord {
  return {
    id: f.id,
    position: f.position,
    name: f.name,
    fromOrganisationIds: f.fromOrganisationIds,
    toOrganisationIds: f.toOrganisationIds,
    purposes: f.purposes as Purpose[],
    fieldGroups: f.fieldGroups as FieldGroup[],
    dataCategories: f.dataCategories as DataCategory[],
    art6BasisId: f.art6BasisId,
    art9ConditionId: f.art9ConditionId,
    art9Sched1ConditionId: f.art9Sched1ConditionId,
    art10ConditionId: f.art10ConditionId,
    art10Sched1ConditionId: f.art10Sched1ConditionId,
    statutoryGatewayIds: f.statutoryGatewayIds,
    confidentialityGatewayId: f.confidentialityGatewayId,
    confidentialityGround: f.confidentialityGround as ConfidentialityGround | null,
    otherGatewayIds: f.otherGatewayIds,
    method: f.method as FlowMethod,
    methodDetail: f.methodDetail,
    frequency: f.frequency as FlowFrequency,
    retention: f.retention,
    dpiaReference: f.dpiaReference,
  };
}
