import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { organisation } from '../partnership/schema.ts';
import { subjectRecord } from '../records/schema.ts';
import type { Db } from '../shared/database.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import type { AllowedScope } from './decide-access.ts';
import type { FieldGroup } from './field-groups.ts';

/**
 * The queries on subject_record, all private to domain/policy: callers outside it get the scoped
 * reader. Every query filters on the partnership and on the (holder, field group) pairs of the
 * allowed scope, so what the policy hides never leaves the database (STYLE.md, Medplum's row
 * filters). An empty scope matches nothing.
 */
export interface StoredRecord {
  readonly id: string;
  readonly holderOrganisationId: OrganisationId;
  readonly holderName: string | null;
  readonly fieldGroup: FieldGroup;
  readonly kind: string;
  readonly payload: unknown;
  readonly eventDate: string | null;
  readonly recordedAt: Date;
  readonly factOrOpinion: 'fact' | 'opinion';
  readonly sourceReference: string;
}

/**
 * The scope as one array parameter of "holder|field group" keys: a single bound value whatever
 * the number of pairs, so the statement plans as fast as the bare read (a tree of OR clauses
 * cost more to build and plan than the read itself; see bench/policy).
 */
function scopeFilter(scope: AllowedScope): SQL {
  const keys = [...scope.holders].flatMap(([holder, groups]) => groups.map((g) => `${holder}|${g}`));
  if (keys.length === 0) return sql`false`;
  return sql`(${subjectRecord.organisationId}::text || '|' || ${subjectRecord.fieldGroup}) = any(${textArray(keys)}::text[])`;
}

/** A PostgreSQL text[] literal, every element quoted and escaped, so no value can break out. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

const ofSubject = (partnershipId: PartnershipId, subjectId: string) =>
  and(eq(subjectRecord.partnershipId, partnershipId), eq(subjectRecord.subjectId, subjectId));

/**
 * The subject's records within the scope, newest event first, with the holder's name, and the
 * viewer's organisation name (for the explanations) in the same round trip.
 */
export async function findRecordsInScope(
  db: Db,
  partnershipId: PartnershipId,
  subjectId: string,
  scope: AllowedScope,
  viewerOrganisationId: OrganisationId,
): Promise<{ records: StoredRecord[]; viewerName: string | undefined }> {
  if (scope.holders.size === 0) return { records: [], viewerName: undefined };
  const rows = await db
    .select({
      viewerName: sql<string | null>`(select v.name from organisation v
        where v.partnership_id = ${partnershipId} and v.id = ${viewerOrganisationId})`,
      id: subjectRecord.id,
      holderOrganisationId: subjectRecord.organisationId,
      holderName: organisation.name,
      fieldGroup: subjectRecord.fieldGroup,
      kind: subjectRecord.kind,
      payload: subjectRecord.payload,
      eventDate: subjectRecord.eventDate,
      recordedAt: subjectRecord.recordedAt,
      factOrOpinion: subjectRecord.factOrOpinion,
      sourceReference: subjectRecord.sourceReference,
    })
    .from(subjectRecord)
    .leftJoin(
      organisation,
      and(
        eq(organisation.partnershipId, subjectRecord.partnershipId),
        eq(organisation.id, subjectRecord.organisationId),
      ),
    )
    .where(and(ofSubject(partnershipId, subjectId), scopeFilter(scope)))
    .orderBy(
      sql`${subjectRecord.eventDate} desc nulls last`,
      desc(subjectRecord.recordedAt),
      asc(subjectRecord.id),
    );
  const records = rows.map(({ viewerName: _viewer, ...r }) => ({
    ...r,
    holderOrganisationId: r.holderOrganisationId as OrganisationId,
    fieldGroup: r.fieldGroup as FieldGroup,
    factOrOpinion: r.factOrOpinion as 'fact' | 'opinion',
  }));
  return { records, viewerName: rows[0]?.viewerName ?? undefined };
}

/** Which (holder, field group) pairs within the scope hold anything about the subject. */
export async function findHoldingsInScope(
  db: Db,
  partnershipId: PartnershipId,
  subjectId: string,
  scope: AllowedScope,
): Promise<{ holderOrganisationId: OrganisationId; fieldGroup: FieldGroup }[]> {
  if (scope.holders.size === 0) return [];
  const rows = await db
    .selectDistinct({ holder: subjectRecord.organisationId, fieldGroup: subjectRecord.fieldGroup })
    .from(subjectRecord)
    .where(and(ofSubject(partnershipId, subjectId), scopeFilter(scope)))
    .orderBy(asc(subjectRecord.organisationId), asc(subjectRecord.fieldGroup));
  return rows.map((r) => ({
    holderOrganisationId: r.holder as OrganisationId,
    fieldGroup: r.fieldGroup as FieldGroup,
  }));
}

/**
 * Whether anything at all is held about the subject, for the audit trail of a denial only: the
 * caller answers "not found" either way, and runs this on every denial so both take the same path.
 */
export async function isSubjectKnown(db: Db, partnershipId: PartnershipId, subjectId: string) {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(subjectRecord)
    .where(ofSubject(partnershipId, subjectId))
    .limit(1);
  return rows.length > 0;
}
