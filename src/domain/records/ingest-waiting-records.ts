import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';

/**
 * Records an agency sent whose person has no details yet: the agency person is a stub made by
 * ingest because its person details row was refused (an impossible date of birth, say) or has
 * not arrived. They are kept (DESIGN.md rule 8), held against the agency's person id, and join
 * that person when the details arrive; until then linkage has nothing to match them on, so no
 * one outside the agency sees them. This list tells the feed's administrator which ones wait.
 *
 * A system-level read beside ingest's writes, for the holding organisation's own data manager:
 * it returns the agency's own references and person ids and what kind of item each is, never
 * a payload, so it discloses nothing another agency holds (test/boundaries.test.ts allows
 * records/ingest* files).
 */
export interface WaitingRecord {
  readonly recordId: string;
  readonly organisationId: string;
  /** The agency's own id for the person whose details are missing. */
  readonly externalPersonId: string;
  readonly sourceReference: string;
  readonly kind: string;
  readonly fieldGroup: string;
  readonly receivedAt: Date;
  readonly runId: string | null;
}

/** How many records of one feed wait, and for how many of the agency's persons. */
export interface WaitingFeed {
  readonly organisationId: string;
  readonly feed: string;
  readonly records: number;
  readonly persons: number;
}

export async function selectRecordsWaitingForIdentity(
  db: Db,
  query: {
    partnershipId: string;
    organisationId: string | undefined;
    feed: string | undefined;
    limit: number;
  },
): Promise<{ records: WaitingRecord[]; total: number; byFeed: WaitingFeed[] }> {
  const organisation =
    query.organisationId === undefined ? sql`true` : sql`ap.organisation_id = ${query.organisationId}::uuid`;
  // The feed is the namespace of the item's external id (feeds/prepare-row.ts: "<feed>:<id>").
  const from = sql`from agency_person ap
      join subject_record r on r.partnership_id = ap.partnership_id and r.subject_id = ap.id::text
      where ap.partnership_id = ${query.partnershipId}::uuid and ap.content_hash is null and ${organisation}`;
  const feed = query.feed === undefined ? sql`true` : sql`split_part(r.external_id, ':', 1) = ${query.feed}`;
  const rows = await queryRows<{
    recordId: string;
    organisationId: string;
    externalPersonId: string;
    sourceReference: string;
    kind: string;
    fieldGroup: string;
    receivedAt: string | Date;
    runId: string | null;
  }>(
    db,
    sql`select r.id::text as "recordId", r.organisation_id::text as "organisationId",
          ap.external_person_id as "externalPersonId", r.source_reference as "sourceReference", r.kind,
          r.field_group as "fieldGroup", r.recorded_at as "receivedAt", r.ingest_run_id::text as "runId"
        ${from} and ${feed}
        order by r.recorded_at desc, r.id
        limit ${query.limit}`,
  );
  const byFeed = await queryRows<WaitingFeed>(
    db,
    sql`select r.organisation_id::text as "organisationId", split_part(r.external_id, ':', 1) as feed,
          count(*)::int as records, count(distinct ap.id)::int as persons
        ${from}
        group by 1, 2
        order by 1, 2`,
  );
  const total = byFeed
    .filter((f) => query.feed === undefined || f.feed === query.feed)
    .reduce((sum, f) => sum + f.records, 0);
  return { records: rows.map((r) => ({ ...r, receivedAt: new Date(r.receivedAt) })), total, byFeed };
}
