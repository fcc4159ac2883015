import { sql, type SQL } from 'drizzle-orm';
import { hotStatement, queryRows, type Db } from '../shared/database.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import type { FieldGroup } from './field-groups.ts';
import { projectPayload, type ProjectedPayload } from './project-fields.ts';
import {
  liveGrantsAndLimitsColumn,
  parseLiveGrantsAndLimits,
  visibleRecordFilter,
  type LiveGrantsAndLimits,
  type Visibility,
} from './visibility.ts';

/**
 * The queries on subject_record (the table of records/schema.ts), all private to domain/policy:
 * callers outside it get the scoped reader. Every query filters on the partnership, and the
 * reads on the one visibility filter (visibility.ts), so what the policy hides never leaves the
 * database (STYLE.md, Medplum's row filters). The table is aliased `r` in every statement, which
 * the filter relies on.
 */
export interface StoredRecord {
  readonly id: string;
  /** The agency person the record is about (subject_record.subject_id). */
  readonly subjectId: string;
  readonly holderOrganisationId: OrganisationId;
  readonly holderName: string | null;
  readonly fieldGroup: FieldGroup;
  readonly kind: string;
  /** Only the keys the item's field group declares (project-fields.ts). */
  readonly payload: ProjectedPayload;
  readonly eventDate: string | null;
  readonly recordedAt: Date;
  readonly factOrOpinion: 'fact' | 'opinion';
  readonly sourceReference: string;
  /** The version of the item shown (records/schema.ts subject_record_version): 1, or more once changed. */
  readonly version: number;
}

/**
 * The subject's records within the scope, newest event first, with the holder's name, and the
 * viewer's organisation name (for the explanations) in the same round trip. Written as SQL
 * rather than with the query builder: it is the hot read, and the builder and its row mapping
 * cost about as much as the query itself (bench/policy). `generationColumn` reads the agreements'
 * generation in the same statement (SpeculativePolicy); it comes back only with rows, as do the
 * live grants and limits the second layer decides on.
 */
export async function findRecordsInScope(
  db: Db,
  visibility: Visibility,
  subjectId: string,
  options: { generationColumn?: SQL } = {},
): Promise<{
  records: StoredRecord[];
  live: LiveGrantsAndLimits;
  viewerName: string | undefined;
  generation?: string | undefined;
}> {
  const partnershipId = visibility.partnershipId;
  const viewerOrganisationId = visibility.viewerOrganisationId;
  const rows = await queryRows<{
    id: string;
    subject_id: string;
    organisation_id: string;
    holder_name: string | null;
    field_group: string;
    kind: string;
    payload: unknown;
    event_date: string | null;
    recorded_ms: string;
    fact_or_opinion: string;
    source_reference: string;
    version: number;
    viewer_name: string | null;
    live: unknown;
    generation?: string;
  }>(
    db,
    hotStatement(sql`select r.id, r.subject_id, r.organisation_id, o.name as holder_name, r.field_group, r.kind, r.payload,
               r.event_date::text as event_date,
               ((extract(epoch from r.recorded_at) * 1000)::bigint)::text as recorded_ms,
               r.fact_or_opinion, r.source_reference, r.version,
               (select v.name from organisation v
                 where v.partnership_id = ${partnershipId} and v.id = ${viewerOrganisationId}) as viewer_name,
               ${liveGrantsAndLimitsColumn(visibility, sql`array[${subjectId}::text]`)} as live
               ${options.generationColumn === undefined ? sql`` : sql`, ${options.generationColumn} as generation`}
        from subject_record r
        left join organisation o on o.partnership_id = r.partnership_id and o.id = r.organisation_id
        where r.partnership_id = ${partnershipId} and r.subject_id = ${subjectId}
          and ${visibleRecordFilter(visibility)}
        order by r.event_date desc nulls last, r.recorded_at desc, r.id`),
  );
  const records = rows.map((r): StoredRecord => ({
    id: r.id,
    subjectId: r.subject_id,
    holderOrganisationId: r.organisation_id as OrganisationId,
    holderName: r.holder_name,
    fieldGroup: r.field_group as FieldGroup,
    kind: r.kind,
    payload: projectPayload(r.field_group, r.payload),
    eventDate: r.event_date,
    recordedAt: new Date(Number(r.recorded_ms)),
    factOrOpinion: r.fact_or_opinion as 'fact' | 'opinion',
    sourceReference: r.source_reference,
    version: Number(r.version),
  }));
  return {
    records,
    // With no row read, the live grants and limits do not matter: nothing is shown.
    live: parseLiveGrantsAndLimits(rows[0]?.live),
    viewerName: rows[0]?.viewer_name ?? undefined,
    generation: rows[0]?.generation,
  };
}

/**
 * Every (holder, field group) that holds anything about the subject, whatever the scope: for the
 * audit event of a refusal only (withheld-reasons.ts), never shown. The caller answers "not
 * found" either way, and runs this on every refusal so both take the same path.
 */
export async function findHeldPairs(
  db: Db,
  partnershipId: PartnershipId,
  subjectId: string,
): Promise<{ holderOrganisationId: OrganisationId; fieldGroup: FieldGroup }[]> {
  const rows = await queryRows<{ organisation_id: string; field_group: string }>(
    db,
    sql`select distinct r.organisation_id, r.field_group from subject_record r
        where r.partnership_id = ${partnershipId} and r.subject_id = ${subjectId}
        order by r.organisation_id, r.field_group`,
  );
  return rows.map((r) => ({
    holderOrganisationId: r.organisation_id as OrganisationId,
    fieldGroup: r.field_group as FieldGroup,
  }));
}
