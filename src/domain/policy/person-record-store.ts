import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { isUuid, type OrganisationId, type PartnershipId } from '../shared/ids.ts';
import type { AllowedScope } from './decide-access.ts';
import type { FieldGroup } from './field-groups.ts';
import { scopeFilter, type StoredRecord } from './subject-record-store.ts';

/**
 * The queries for a person (people module's person_link: every agency person linked to one
 * person id) rather than one agency person. Private to domain/policy like the record store,
 * and filtered on the same scope, so hidden records never leave the database.
 */
export interface PersonRecord extends StoredRecord {
  /** The agency person the record is about (subject_id). */
  readonly agencyPersonId: string;
  /** person_link.match_probability of that agency person: the confidence of the link. */
  readonly linkConfidence: number;
}

/** A row of the person record queries (the SQL aliases of both stores). */
export interface PersonRecordRow {
  id: string;
  subject_id: string;
  match_probability: number;
  organisation_id: string;
  holder_name: string | null;
  field_group: string;
  kind: string;
  payload: unknown;
  event_date: string | null;
  recorded_ms: string;
  fact_or_opinion: string;
  source_reference: string;
}

export function toPersonRecord(r: PersonRecordRow): PersonRecord {
  return {
    id: r.id,
    agencyPersonId: r.subject_id,
    linkConfidence: Number(r.match_probability),
    holderOrganisationId: r.organisation_id as OrganisationId,
    holderName: r.holder_name,
    fieldGroup: r.field_group as FieldGroup,
    kind: r.kind,
    payload: r.payload,
    eventDate: r.event_date,
    recordedAt: new Date(Number(r.recorded_ms)),
    factOrOpinion: r.fact_or_opinion as 'fact' | 'opinion',
    sourceReference: r.source_reference,
  };
}

/**
 * The records of every agency person linked to the person, within the scope, in ONE statement:
 * newest event first, with the holder's name and the viewer's organisation name. Raw SQL for
 * the same reason as findRecordsInScope: it is the hot read of the single view.
 */
export async function findPersonRecordsInScope(
  db: Db,
  partnershipId: PartnershipId,
  personId: string,
  scope: AllowedScope,
  viewerOrganisationId: OrganisationId,
  options: { alsoRead?: SQL } = {},
): Promise<{ records: PersonRecord[]; viewerName: string | undefined; alsoRead?: string | undefined }> {
  if (scope.holders.size === 0 || !isUuid(personId)) return { records: [], viewerName: undefined };
  const rows = await queryRows<PersonRecordRow & { viewer_name: string | null; also_read?: string }>(
    db,
    sql`select r.id, r.subject_id, l.match_probability, r.organisation_id, o.name as holder_name,
               r.field_group, r.kind, r.payload, r.event_date::text as event_date,
               ((extract(epoch from r.recorded_at) * 1000)::bigint)::text as recorded_ms,
               r.fact_or_opinion, r.source_reference,
               (select v.name from organisation v
                 where v.partnership_id = ${partnershipId} and v.id = ${viewerOrganisationId}) as viewer_name
               ${options.alsoRead === undefined ? sql`` : sql`, ${options.alsoRead} as also_read`}
        from person_link l
        join subject_record r on r.partnership_id = l.partnership_id and r.subject_id = l.agency_person_id::text
        left join organisation o on o.partnership_id = r.partnership_id and o.id = r.organisation_id
        where l.partnership_id = ${partnershipId} and l.person_id = ${personId} and ${scopeFilter(scope)}
        order by r.event_date desc nulls last, r.recorded_at desc, r.id`,
  );
  const records = rows.map(toPersonRecord);
  return { records, viewerName: rows[0]?.viewer_name ?? undefined, alsoRead: rows[0]?.also_read };
}

/** Whether any agency person is linked to the person: for the audit trail of a denial only. */
export async function isPersonKnown(db: Db, partnershipId: PartnershipId, personId: string) {
  if (!isUuid(personId)) return false;
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from person_link l
        where l.partnership_id = ${partnershipId} and l.person_id = ${personId} limit 1`,
  );
  return rows.length > 0;
}
