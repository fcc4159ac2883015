import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    /** The person key the item is about (the people module's linkage assigns it). */
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
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    index('subject_record_subject').on(t.partnershipId, t.subjectId),
    check('subject_record_fact_or_opinion', sql`${t.factOrOpinion} in ('fact', 'opinion')`),
  ],
);
