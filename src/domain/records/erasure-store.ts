import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';

/**
 * The writes of an erasure (records/erase-record.ts) on the records tables. A system-level path
 * beside ingest's writes: it reads only which organisation holds a record and the agency's id
 * for it, never a payload, and discloses nothing (test/boundaries.test.ts allows this file).
 */

/** The organisation holding the record, to authorise over; undefined if there is no such record. */
export async function selectRecordHolder(
  db: Db,
  partnershipId: PartnershipId,
  recordId: string,
): Promise<string | undefined> {
  const [row] = await queryRows<{ organisation_id: string }>(
    db,
    sql`select organisation_id::text from subject_record where partnership_id = ${partnershipId} and id = ${recordId}`,
  );
  return row?.organisation_id;
}

export interface ErasedRows {
  readonly externalId: string;
  readonly versions: number;
  readonly addresses: number;
  readonly relationships: number;
  /** Whether the agency person's identifiers came from this record and were cleared. */
  readonly identity: boolean;
}

/**
 * Erases one record of the organisation in the caller's transaction: the tombstone first (the
 * guard triggers allow the deletes only once it exists), then every row made from the record,
 * its versions and the record itself. Undefined if the organisation holds no such record.
 */
export async function eraseRecordRows(
  tx: Db,
  erasure: {
    readonly partnershipId: PartnershipId;
    readonly organisationId: string;
    readonly recordId: string;
    readonly erasedAt: Date;
    readonly reason: string;
    readonly requestReference: string | null;
    readonly erasedBy: string;
  },
): Promise<ErasedRows | undefined> {
  const { partnershipId, recordId } = erasure;
  const [record] = await queryRows<{
    external_id: string;
    kind: string;
    subject_id: string;
    content_hash: string | null;
  }>(
    tx,
    // A record loaded before feeds existed has no external id; its tombstone names it by its id.
    sql`select coalesce(external_id, 'record:' || id::text) as external_id, kind, subject_id, content_hash
        from subject_record
        where partnership_id = ${partnershipId} and id = ${recordId} and organisation_id = ${erasure.organisationId}
        for update`,
  );
  if (!record) return undefined;
  await tx.execute(
    sql`insert into subject_record_tombstone (partnership_id, organisation_id, external_id, record_id, erased_at,
          reason, request_reference, erased_by)
        values (${partnershipId}, ${erasure.organisationId}, ${record.external_id}, ${recordId},
          ${erasure.erasedAt.toISOString()}::timestamptz, ${erasure.reason}, ${erasure.requestReference},
          ${erasure.erasedBy})`,
  );
  const addresses = await queryRows(
    tx,
    sql`delete from agency_address where partnership_id = ${partnershipId} and subject_record_id = ${recordId}
        returning 1 as one`,
  );
  const relationships = await queryRows(
    tx,
    sql`delete from agency_relationship where partnership_id = ${partnershipId} and subject_record_id = ${recordId}
        returning 1 as one`,
  );
  // A person details item wrote the agency person's identifiers (ingest-store.ts): if they are
  // still this item's (the same content hash), they go too and the person is a stub again, its
  // other records kept and waiting for identity.
  const identity =
    record.kind === 'person_details' && record.content_hash !== null
      ? await queryRows(
          tx,
          sql`update agency_person set first_name = null, middle_names = null, last_name = null, dob = null,
                sex = null, nhs_number = null, upn = null, postcode = null, address = null, city = null,
                email = null, phone = null, content_hash = null, updated_at = ${erasure.erasedAt.toISOString()}::timestamptz
              where partnership_id = ${partnershipId} and organisation_id = ${erasure.organisationId}
                and id::text = ${record.subject_id} and content_hash = ${record.content_hash}
              returning 1 as one`,
        )
      : [];
  // What alerts were raised on (a flag, a lead practitioner, an enrolment) goes with the item.
  await tx.execute(
    sql`delete from alert_basis where partnership_id = ${partnershipId} and record_id = ${recordId}`,
  );
  const versions = await queryRows(
    tx,
    sql`delete from subject_record_version where partnership_id = ${partnershipId} and record_id = ${recordId}
        returning 1 as one`,
  );
  await tx.execute(
    sql`delete from subject_record where partnership_id = ${partnershipId} and id = ${recordId}`,
  );
  return {
    externalId: record.external_id,
    versions: versions.length,
    addresses: addresses.length,
    relationships: relationships.length,
    identity: identity.length > 0,
  };
}
