import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ingestRun } from '../feeds/schema.ts';
import { organisation } from '../partnership/schema.ts';

/**
 * Subject data: one item about one person, as an agency holds it. The minimum the policy reader
 * needs until the records issue adds feeds, mapping and provenance (DESIGN.md rule 8).
 *
 * Only domain/policy reads this table (DESIGN.md rule 1; test/boundaries.test.ts checks that no
 * other module imports this schema), and only through its scoped reader, which filters on the
 * (holding organisation, field group) pairs the agreements in force allow.
 */
export const subjectRecord = pgTable(
  'subject_record',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /**
     * The person the item is about, as the holding agency knows them: the id of an
     * agency_person row (text, so fixtures may use readable keys). The people module links
     * agency persons into one person; the single view reads the records of every agency person
     * linked to the child, so undoing a merge never rewrites a record.
     */
    subjectId: text('subject_id').notNull(),
    /** The organisation that holds the item: the discloser in any agreement's flow. */
    organisationId: uuid('organisation_id').notNull(),
    /** One of domain/policy/field-groups.ts: the unit in which agreements share data. */
    fieldGroup: text('field_group').notNull(),
    /** What the item is, e.g. "police_incident" or "ed_attendance". */
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** When the thing recorded happened, as the agency recorded it (a calendar date). */
    eventDate: date('event_date'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    // Principles of the 2018 and 2024 advice: distinguish fact from opinion (DOMAIN.md 2.5, 4.5).
    factOrOpinion: text('fact_or_opinion').notNull(),
    /** The agency's own reference for the item (its system and id). */
    sourceReference: text('source_reference').notNull(),
    /**
     * Idempotent ingest (DESIGN.md rule 8): the agency's id for this item within its feed, and
     * the SHA-256 of its normalised content. Re-ingesting the same row changes nothing; a changed
     * row appends a version (subject_record_version) and this row moves to it. Null only for
     * fixtures written before feeds existed.
     */
    externalId: text('external_id'),
    contentHash: text('content_hash'),
    /** The ingest run that last wrote the item (feeds module), for the ingest report. */
    ingestRunId: uuid('ingest_run_id'),
    /**
     * The version this row shows: 1 when first received, one more for each change. Every
     * version's content is kept in subject_record_version; a trigger refuses an update that
     * does not move to the next version, so nothing is overwritten in place (DESIGN.md rule 8).
     */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    index('subject_record_subject').on(t.partnershipId, t.subjectId),
    uniqueIndex('subject_record_external').on(t.partnershipId, t.organisationId, t.externalId),
    check('subject_record_fact_or_opinion', sql`${t.factOrOpinion} in ('fact', 'opinion')`),
    foreignKey({
      name: 'subject_record_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'subject_record_ingest_run_fk',
      columns: [t.partnershipId, t.ingestRunId],
      foreignColumns: [ingestRun.partnershipId, ingestRun.id],
    }).onDelete('restrict'),
  ],
);

/**
 * Every content an item ever had, one row per version (DESIGN.md rule 8: nothing overwritten).
 * Written by ingest in the transaction that moves subject_record to the version, with the
 * batch's audit event; insert-only by trigger, except that an erased item's versions are
 * deleted with it, and only once its tombstone exists (drizzle custom migration
 * record_versions). Subject data: read only inside domain/policy.
 */
export const subjectRecordVersion = pgTable(
  'subject_record_version',
  {
    partnershipId: uuid('partnership_id').notNull(),
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    subjectId: text('subject_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    fieldGroup: text('field_group').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    eventDate: date('event_date'),
    factOrOpinion: text('fact_or_opinion').notNull(),
    sourceReference: text('source_reference').notNull(),
    contentHash: text('content_hash'),
    ingestRunId: uuid('ingest_run_id'),
    /** When Tessera received this version. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.recordId, t.version] }),
    foreignKey({
      name: 'subject_record_version_record_fk',
      columns: [t.partnershipId, t.recordId],
      foreignColumns: [subjectRecord.partnershipId, subjectRecord.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'subject_record_version_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'subject_record_version_ingest_run_fk',
      columns: [t.partnershipId, t.ingestRunId],
      foreignColumns: [ingestRun.partnershipId, ingestRun.id],
    }).onDelete('restrict'),
    check('subject_record_version_positive', sql`${t.version} >= 1`),
  ],
);

/**
 * What is left of an erased item (UK GDPR Art 17): who held it, the agency's id for it, when,
 * why and by whom. Nothing about the person: the agency's external id is kept only so that a
 * later feed cannot load the item again (feeds refuse that row and count it). Insert-only by
 * trigger. `reason` is one of the Art 17(1) grounds (records/erasure-grounds.ts);
 * `request_reference` is the controller's own case reference for the erasure request.
 */
export const subjectRecordTombstone = pgTable(
  'subject_record_tombstone',
  {
    partnershipId: uuid('partnership_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    externalId: text('external_id').notNull(),
    /** The erased item's id, so its versions may be deleted (trigger) and its audit events found. */
    recordId: uuid('record_id').notNull(),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    requestReference: text('request_reference'),
    /** The user id of the DPO, or system:<process> for the platform operator. */
    erasedBy: text('erased_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.organisationId, t.externalId] }),
    foreignKey({
      name: 'subject_record_tombstone_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    uniqueIndex('subject_record_tombstone_record').on(t.partnershipId, t.recordId),
  ],
);

/**
 * A person as one agency holds them: the identifiers person linkage compares (people module).
 * One row per (organisation, the agency's own person id). Identity is subject data: this table is
 * written by ingest and read only by the people module's linkage store, which compares records
 * and discloses nothing; what a practitioner sees of identity comes from the person_details
 * items in subject_record, through the policy.
 */
export const agencyPerson = pgTable(
  'agency_person',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** The agency's own id for the person (case number, CRN, MPI number…). */
    externalPersonId: text('external_person_id').notNull(),
    firstName: text('first_name'),
    middleNames: text('middle_names'),
    lastName: text('last_name'),
    /** ISO calendar date as the agency recorded it (after validation). */
    dob: date('dob'),
    sex: text('sex'),
    nhsNumber: text('nhs_number'),
    /** Unique pupil number (DfE), for school feeds. */
    upn: text('upn'),
    postcode: text('postcode'),
    address: text('address'),
    city: text('city'),
    email: text('email'),
    phone: text('phone'),
    contentHash: text('content_hash'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('agency_person_external').on(t.partnershipId, t.organisationId, t.externalPersonId),
    // Person search (policy/person-search-store.ts) by NHS number, pupil number, date of birth
    // and any word of the name: each term probes an index, never a scan of every person held.
    index('agency_person_nhs_number').on(t.partnershipId, t.nhsNumber),
    index('agency_person_upn').on(t.partnershipId, sql`upper(${t.upn})`),
    index('agency_person_dob').on(t.partnershipId, t.dob),
    // Persons whose details have not arrived (stubs made by ingest): the records waiting for
    // identity (records/ingest-waiting-records.ts) are found from these, never by a scan.
    index('agency_person_waiting')
      .on(t.partnershipId, t.organisationId)
      .where(sql`${t.contentHash} is null`),
    index('agency_person_name_words').using(
      'gin',
      sql`string_to_array(lower(coalesce(${t.firstName}, '') || ' ' || coalesce(${t.middleNames}, '') || ' ' || coalesce(${t.lastName}, '')), ' ')`,
    ),
    foreignKey({
      name: 'agency_person_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
  ],
);

/**
 * Where an agency recorded a person living, and when: households are formed from a shared
 * address over overlapping time (people module). Each row comes from one address item in
 * subject_record (subject_record_id), so the view can show a household only to someone allowed
 * to see the item it came from.
 */
export const agencyAddress = pgTable(
  'agency_address',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    agencyPersonId: uuid('agency_person_id').notNull(),
    subjectRecordId: uuid('subject_record_id').notNull(),
    /** The normalised address (upper case, single spaces, postcode without its space) to group on. */
    addressKey: text('address_key').notNull(),
    postcode: text('postcode'),
    fromDate: date('from_date'),
    toDate: date('to_date'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('agency_address_record').on(t.partnershipId, t.subjectRecordId),
    index('agency_address_key').on(t.partnershipId, t.addressKey),
    index('agency_address_person').on(t.partnershipId, t.agencyPersonId),
    foreignKey({
      name: 'agency_address_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agency_address_agency_person_fk',
      columns: [t.partnershipId, t.agencyPersonId],
      foreignColumns: [agencyPerson.partnershipId, agencyPerson.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agency_address_subject_record_fk',
      columns: [t.partnershipId, t.subjectRecordId],
      foreignColumns: [subjectRecord.partnershipId, subjectRecord.id],
    }).onDelete('restrict'),
  ],
);

export const relationshipKinds = ['parent_or_carer', 'sibling', 'partner_of_parent'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

/**
 * A relationship an agency recorded between two of its persons ("B is the parent or carer of
 * A"). From the relationship item in subject_record (subject_record_id), for the same reason as
 * agency_address. The related person is named by the agency's own id and resolved by joining
 * agency_person, so a relationship may arrive before the person it names.
 */
export const agencyRelationship = pgTable(
  'agency_relationship',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    subjectRecordId: uuid('subject_record_id').notNull(),
    agencyPersonId: uuid('agency_person_id').notNull(),
    relatedExternalPersonId: text('related_external_person_id').notNull(),
    /** What the related person is to this one. */
    kind: text('kind').notNull(),
    fromDate: date('from_date'),
    toDate: date('to_date'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('agency_relationship_record').on(t.partnershipId, t.subjectRecordId),
    index('agency_relationship_person').on(t.partnershipId, t.agencyPersonId),
    index('agency_relationship_related').on(t.partnershipId, t.organisationId, t.relatedExternalPersonId),
    check('agency_relationship_kind', sql`${t.kind} in ('parent_or_carer', 'sibling', 'partner_of_parent')`),
    foreignKey({
      name: 'agency_relationship_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agency_relationship_agency_person_fk',
      columns: [t.partnershipId, t.agencyPersonId],
      foreignColumns: [agencyPerson.partnershipId, agencyPerson.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agency_relationship_subject_record_fk',
      columns: [t.partnershipId, t.subjectRecordId],
      foreignColumns: [subjectRecord.partnershipId, subjectRecord.id],
    }).onDelete('restrict'),
  ],
);
