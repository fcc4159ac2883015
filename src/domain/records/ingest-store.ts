import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';

export { relationshipKinds, type RelationshipKind } from './schema.ts';

/**
 * The writes of agency feeds into the records tables (subject_record, agency_person,
 * agency_address, agency_relationship). Only ingest writes them, and it never reads a record
 * back to anyone: what a practitioner sees comes through domain/policy's scoped reader.
 *
 * Each batch is a handful of statements whatever its size: rows travel as ONE json parameter
 * unpacked by json_to_recordset, so a batch of thousands plans and binds like one row.
 * Idempotence (DESIGN.md rule 8) is in the SQL: an item is inserted as version 1, or, only when
 * its content hash differs, moved to its next version, every version's content appended to
 * subject_record_version in the same statement; replaying a file writes nothing. An item its
 * organisation erased (a tombstone) is never written again.
 */
export interface IngestIdentity {
  readonly firstName?: string;
  readonly middleNames?: string;
  readonly lastName?: string;
  readonly dob?: string;
  readonly sex?: string;
  readonly nhsNumber?: string;
  readonly upn?: string;
  readonly postcode?: string;
  readonly address?: string;
  readonly city?: string;
  readonly email?: string;
  readonly phone?: string;
}

export interface IngestItem {
  readonly externalId: string;
  readonly sourceReference: string;
  readonly personExternalId: string;
  readonly payload: Record<string, unknown>;
  readonly eventDate: string | null;
  readonly factOrOpinion: 'fact' | 'opinion';
  readonly contentHash: string;
  readonly identity?: IngestIdentity;
  readonly address?: {
    addressKey: string;
    postcode: string | null;
    fromDate: string | null;
    toDate: string | null;
  };
  readonly relationship?: {
    relatedExternalPersonId: string;
    kind: string;
    fromDate: string | null;
    toDate: string | null;
  };
}

export interface IngestBatchContext {
  readonly partnershipId: PartnershipId;
  readonly organisationId: OrganisationId;
  readonly runId: string;
  readonly kind: string;
  readonly fieldGroup: string;
  readonly at: Date;
  readonly newId: () => string;
  /**
   * agency_person ids already resolved in this run, by the agency's person id. An agency person's
   * id never changes once made (linkage links it; nothing rewrites it), so a run need look each
   * person up once, not once per record. Bounded by the caller.
   */
  readonly knownPersons?: Map<string, string>;
}

export interface IngestBatchResult {
  readonly inserted: number;
  /** Items whose content changed: each appended its next version. */
  readonly updated: number;
  readonly unchanged: number;
  /**
   * Items refused because their organisation erased them (UK GDPR Art 17): a tombstone holds
   * their external id, so a later feed cannot bring them back. Not a fault of the feed.
   */
  readonly erasedNotReloaded: number;
  /** agency_person ids created (stubs included) or whose identifiers changed. */
  readonly changedPersonIds: readonly string[];
  /**
   * Items of the batch whose person has no details yet (a stub: the details row was rejected or
   * has not arrived). They are kept, held against the agency's person id, and counted so the
   * run report shows them (DESIGN.md rule 8: kept and reported, never dropped).
   */
  readonly waitingForIdentity: number;
  /**
   * The items written (new or changed; unchanged ones are not), with their record and agency
   * person ids, so that what alerts are raised on is kept in the same transaction
   * (alerts/on-items-ingested.ts).
   */
  readonly written: readonly WrittenItem[];
}

export interface WrittenItem {
  readonly recordId: string;
  readonly externalId: string;
  readonly agencyPersonId: string;
  /** True for a new item, false for a changed one. */
  readonly inserted: boolean;
}

/** Writes one batch (items with distinct external ids) in the caller's transaction. */
export async function writeIngestBatch(
  tx: Db,
  ctx: IngestBatchContext,
  batch: readonly IngestItem[],
): Promise<IngestBatchResult> {
  // Erased items are dropped before anything is written, their person's details included.
  const erased = batch.length === 0 ? new Set<string>() : await selectErased(tx, ctx, batch);
  const items = erased.size === 0 ? batch : batch.filter((i) => !erased.has(i.externalId));
  if (items.length === 0)
    return {
      inserted: 0,
      updated: 0,
      unchanged: 0,
      erasedNotReloaded: erased.size,
      changedPersonIds: [],
      waitingForIdentity: 0,
      written: [],
    };
  const { personIds, changed, unidentified } = await resolvePersons(tx, ctx, items);
  const at = ctx.at.toISOString();
  const rows = items.map((item) => ({
    id: ctx.newId(),
    subject_id: personIds.get(item.personExternalId)!,
    payload: item.payload,
    event_date: item.eventDate,
    fo: item.factOrOpinion,
    ref: item.sourceReference,
    ext: item.externalId,
    hash: item.contentHash,
  }));
  // One statement: the item moves to its next version (the guard trigger refuses any other
  // update) and that version's content is appended, so the two can never disagree.
  const written = await queryRows<{ id: string; ext: string; inserted: boolean }>(
    tx,
    sql`with w as (
          insert into subject_record (partnership_id, id, subject_id, organisation_id, field_group, kind, payload,
            event_date, recorded_at, fact_or_opinion, source_reference, external_id, content_hash, ingest_run_id, version)
          select ${ctx.partnershipId}::uuid, x.id, x.subject_id, ${ctx.organisationId}::uuid, ${ctx.fieldGroup}, ${ctx.kind},
                 x.payload, x.event_date, ${at}::timestamptz, x.fo, x.ref, x.ext, x.hash, ${ctx.runId}::uuid, 1
          from json_to_recordset(${JSON.stringify(rows)}::json)
            as x(id uuid, subject_id text, payload jsonb, event_date date, fo text, ref text, ext text, hash text)
          -- Probed again here, so an erasure committed since selectErased cannot be undone by
          -- this batch (the window left is this one statement's).
          where not exists (select 1 from subject_record_tombstone t
                            where t.partnership_id = ${ctx.partnershipId}::uuid
                              and t.organisation_id = ${ctx.organisationId}::uuid and t.external_id = x.ext)
          on conflict (partnership_id, organisation_id, external_id) do update set
            subject_id = excluded.subject_id, field_group = excluded.field_group, kind = excluded.kind,
            payload = excluded.payload, event_date = excluded.event_date, recorded_at = excluded.recorded_at,
            fact_or_opinion = excluded.fact_or_opinion, source_reference = excluded.source_reference,
            content_hash = excluded.content_hash, ingest_run_id = excluded.ingest_run_id,
            version = subject_record.version + 1
          where subject_record.content_hash is distinct from excluded.content_hash
          returning partnership_id, id, version, subject_id, organisation_id, field_group, kind, payload, event_date,
            fact_or_opinion, source_reference, content_hash, ingest_run_id, recorded_at, external_id,
            (xmax = 0) as inserted),
        v as (
          insert into subject_record_version (partnership_id, record_id, version, subject_id, organisation_id,
            field_group, kind, payload, event_date, fact_or_opinion, source_reference, content_hash, ingest_run_id,
            recorded_at)
          select partnership_id, id, version, subject_id, organisation_id, field_group, kind, payload, event_date,
            fact_or_opinion, source_reference, content_hash, ingest_run_id, recorded_at
          from w)
        select id::text, external_id as ext, inserted from w`,
  );
  const inserted = written.filter((w) => w.inserted).length;
  const itemsByExt = new Map(items.map((i) => [i.externalId, i]));
  if (written.length > 0) {
    await writeAddresses(tx, ctx, written, itemsByExt, personIds);
    await writeRelationships(tx, ctx, written, itemsByExt, personIds);
  }
  return {
    inserted,
    updated: written.length - inserted,
    unchanged: items.length - written.length,
    erasedNotReloaded: erased.size,
    changedPersonIds: changed,
    waitingForIdentity: items.filter((i) => !i.identity && unidentified.has(i.personExternalId)).length,
    written: written.map((w) => ({
      recordId: w.id,
      externalId: w.ext,
      agencyPersonId: personIds.get(itemsByExt.get(w.ext)!.personExternalId)!,
      inserted: w.inserted,
    })),
  };
}

/**
 * The batch's external ids that a tombstone names: one probe of its primary key per id (the
 * lateral form of selectPersons, for the same reason).
 */
async function selectErased(tx: Db, ctx: IngestBatchContext, items: readonly IngestItem[]) {
  const rows = await queryRows<{ ext: string }>(
    tx,
    sql`select t.external_id as ext
        from json_array_elements_text(${JSON.stringify(items.map((i) => i.externalId))}::json) as v(ext)
        cross join lateral (select external_id from subject_record_tombstone
          where partnership_id = ${ctx.partnershipId} and organisation_id = ${ctx.organisationId}
            and external_id = v.ext) t`,
  );
  return new Set(rows.map((r) => r.ext));
}

/**
 * agency_person ids for the batch's people. Person details rows write the identifiers (in place,
 * only when their hash changed); any other feed creates a stub for a person whose details have
 * not arrived yet, which the details feed fills in later. `unidentified` names the agency's
 * person ids that are still stubs (no details row ever loaded).
 */
async function resolvePersons(
  tx: Db,
  ctx: IngestBatchContext,
  items: readonly IngestItem[],
): Promise<{ personIds: Map<string, string>; changed: string[]; unidentified: Set<string> }> {
  const details = new Map<string, IngestItem>();
  for (const item of items) if (item.identity) details.set(item.personExternalId, item);
  const changed: string[] = [];
  const at = ctx.at.toISOString();
  if (details.size > 0) {
    const people = [...details.values()].map((i) => ({
      id: ctx.newId(),
      ext: i.personExternalId,
      hash: i.contentHash,
      ...i.identity,
    }));
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into agency_person (partnership_id, id, organisation_id, external_person_id, first_name, middle_names,
            last_name, dob, sex, nhs_number, upn, postcode, address, city, email, phone, content_hash, updated_at)
          select ${ctx.partnershipId}::uuid, x.id, ${ctx.organisationId}::uuid, x.ext, x."firstName", x."middleNames",
                 x."lastName", x.dob, x.sex, x."nhsNumber", x.upn, x.postcode, x.address, x.city, x.email, x.phone,
                 x.hash, ${at}::timestamptz
          from json_to_recordset(${JSON.stringify(people)}::json) as x(id uuid, ext text, hash text, "firstName" text,
            "middleNames" text, "lastName" text, dob date, sex text, "nhsNumber" text, upn text, postcode text,
            address text, city text, email text, phone text)
          on conflict (partnership_id, organisation_id, external_person_id) do update set
            first_name = excluded.first_name, middle_names = excluded.middle_names, last_name = excluded.last_name,
            dob = excluded.dob, sex = excluded.sex, nhs_number = excluded.nhs_number, upn = excluded.upn,
            postcode = excluded.postcode, address = excluded.address, city = excluded.city, email = excluded.email,
            phone = excluded.phone, content_hash = excluded.content_hash, updated_at = excluded.updated_at
          where agency_person.content_hash is distinct from excluded.content_hash
          returning id::text`,
    );
    changed.push(...rows.map((r) => r.id));
  }
  const known = ctx.knownPersons;
  const personIds = new Map<string, string>();
  const all: string[] = [];
  for (const ext of new Set(items.map((i) => i.personExternalId))) {
    const id = known?.get(ext);
    if (id) personIds.set(ext, id);
    else all.push(ext);
  }
  const unidentified = new Set<string>();
  for (const f of all.length > 0 ? await selectPersons(tx, ctx, all) : []) {
    personIds.set(f.ext, f.id);
    if (!f.identified && !details.has(f.ext)) unidentified.add(f.ext);
  }
  const missing = all.filter((p) => !personIds.has(p));
  if (missing.length > 0) {
    // Stubs for persons whose details have not arrived. "Do nothing" on a conflict: a run of
    // another feed of the organisation may have created the same person a moment ago.
    const stubs = missing.map((ext) => ({ id: ctx.newId(), ext }));
    const made = await queryRows<{ id: string; ext: string }>(
      tx,
      sql`insert into agency_person (partnership_id, id, organisation_id, external_person_id, updated_at)
          select ${ctx.partnershipId}::uuid, x.id, ${ctx.organisationId}::uuid, x.ext, ${at}::timestamptz
          from json_to_recordset(${JSON.stringify(stubs)}::json) as x(id uuid, ext text)
          on conflict (partnership_id, organisation_id, external_person_id) do nothing
          returning id::text, external_person_id as ext`,
    );
    for (const m of made) {
      personIds.set(m.ext, m.id);
      changed.push(m.id);
      unidentified.add(m.ext);
    }
    const raced = missing.filter((p) => !personIds.has(p));
    if (raced.length > 0)
      for (const f of await selectPersons(tx, ctx, raced)) {
        personIds.set(f.ext, f.id);
        if (!f.identified) unidentified.add(f.ext);
      }
  }
  // Only persons with details are remembered: a stub is looked up again in each batch, so its
  // details arriving during a long run (another feed of the organisation) end its wait.
  if (known && known.size < MAX_KNOWN_PERSONS)
    for (const [ext, id] of personIds) if (!unidentified.has(ext)) known.set(ext, id);
  return { personIds, changed, unidentified };
}

const MAX_KNOWN_PERSONS = 500_000;

/**
 * One probe of the unique index per id (a lateral lookup on all three of its columns), whatever
 * the table's statistics say: right after a bulk load they say "empty", and both a join on the
 * json set and "= any(…)" were planned as a scan of every person of the organisation per batch
 * (measured: 30× slower at 40,000 persons).
 */
function selectPersons(tx: Db, ctx: IngestBatchContext, externalIds: readonly string[]) {
  return queryRows<{ id: string; ext: string; identified: boolean }>(
    tx,
    sql`select p.id::text, p.external_person_id as ext, p.content_hash is not null as identified
        from json_array_elements_text(${JSON.stringify(externalIds)}::json) as v(ext)
        cross join lateral (select id, external_person_id, content_hash from agency_person
          where partnership_id = ${ctx.partnershipId} and organisation_id = ${ctx.organisationId}
            and external_person_id = v.ext) p`,
  );
}

type Written = readonly { id: string; ext: string }[];

async function writeAddresses(
  tx: Db,
  ctx: IngestBatchContext,
  written: Written,
  byExt: Map<string, IngestItem>,
  personIds: Map<string, string>,
) {
  const rows = written.flatMap((w) => {
    const item = byExt.get(w.ext)!;
    if (!item.address) return [];
    return [
      { id: ctx.newId(), record: w.id, person: personIds.get(item.personExternalId)!, ...item.address },
    ];
  });
  if (rows.length === 0) return;
  await tx.execute(
    sql`insert into agency_address (partnership_id, id, organisation_id, agency_person_id, subject_record_id, address_key,
          postcode, from_date, to_date)
        select ${ctx.partnershipId}::uuid, x.id, ${ctx.organisationId}::uuid, x.person, x.record, x."addressKey",
               x.postcode, x."fromDate", x."toDate"
        from json_to_recordset(${JSON.stringify(rows)}::json)
          as x(id uuid, person uuid, record uuid, "addressKey" text, postcode text, "fromDate" date, "toDate" date)
        on conflict (partnership_id, subject_record_id) do update set agency_person_id = excluded.agency_person_id,
          address_key = excluded.address_key, postcode = excluded.postcode, from_date = excluded.from_date,
          to_date = excluded.to_date`,
  );
}

async function writeRelationships(
  tx: Db,
  ctx: IngestBatchContext,
  written: Written,
  byExt: Map<string, IngestItem>,
  personIds: Map<string, string>,
) {
  const rows = written.flatMap((w) => {
    const item = byExt.get(w.ext)!;
    if (!item.relationship) return [];
    return [
      { id: ctx.newId(), record: w.id, person: personIds.get(item.personExternalId)!, ...item.relationship },
    ];
  });
  if (rows.length === 0) return;
  await tx.execute(
    sql`insert into agency_relationship (partnership_id, id, organisation_id, subject_record_id, agency_person_id,
          related_external_person_id, kind, from_date, to_date)
        select ${ctx.partnershipId}::uuid, x.id, ${ctx.organisationId}::uuid, x.record, x.person,
               x."relatedExternalPersonId", x.kind, x."fromDate", x."toDate"
        from json_to_recordset(${JSON.stringify(rows)}::json) as x(id uuid, person uuid, record uuid,
          "relatedExternalPersonId" text, kind text, "fromDate" date, "toDate" date)
        on conflict (partnership_id, subject_record_id) do update set agency_person_id = excluded.agency_person_id,
          related_external_person_id = excluded.related_external_person_id, kind = excluded.kind,
          from_date = excluded.from_date, to_date = excluded.to_date`,
  );
}
