import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser, organisation, partnership } from '../partnership/schema.ts';

/**
 * Alerts: something a person in Tessera must know and act on (issue 16 point 6): a flagged
 * child's contact with another agency, an Operation Encompass notice, a break-glass on the
 * organisation's records, a disclosure outside the agreements, withdrawn consent, an escalated
 * request. An alert is addressed to one user, or to whoever holds a role in one organisation
 * (the data protection officer, the Caldicott guardian, the designated safeguarding lead), so
 * it reaches whoever is in post when it is read. Its content is the minimum the recipient needs
 * to act (which agency, when, what kind of contact), never the record itself: the recipient
 * opens the child through the chokepoint like any read (UK GDPR Art 5(1)(c)).
 */
export const alert = pgTable(
  'alert',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /** One of alertKinds (alert-kinds.ts), whose schema the content is checked against. */
    kind: text('kind').notNull(),
    recipientOrganisationId: uuid('recipient_organisation_id').notNull(),
    /** Set: this user only. Null: every member of the organisation holding recipient_role. */
    recipientUserId: uuid('recipient_user_id'),
    recipientRole: text('recipient_role'),
    /** The agency person the alert is about, if a child: the id its holder's records name it by. */
    subjectId: text('subject_id'),
    /** Minimal content, by kind (alert-kinds.ts): never a name or a record's text. */
    content: jsonb('content').notNull(),
    /** What raised it: a decision, a break-glass, a contact record, a request. */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    /**
     * kind, source and recipient in one key: a retried job or a feed row read again raises
     * nothing twice (raise-alert.ts inserts with on conflict do nothing).
     */
    dedupeKey: text('dedupe_key').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    /** When it must have been acknowledged before it is escalated (Operation Encompass). */
    acknowledgeBy: timestamp('acknowledge_by', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedByUserId: uuid('acknowledged_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    foreignKey({
      name: 'alert_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'alert_recipient_organisation_fk',
      columns: [t.partnershipId, t.recipientOrganisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'alert_recipient_user_fk',
      columns: [t.partnershipId, t.recipientUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'alert_acknowledged_by_fk',
      columns: [t.partnershipId, t.acknowledgedByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    index('alert_inbox').on(t.partnershipId, t.recipientOrganisationId, t.acknowledgedAt, t.raisedAt),
    uniqueIndex('alert_dedupe').on(t.partnershipId, t.dedupeKey),
    index('alert_source').on(t.partnershipId, t.sourceType, t.sourceId),
  ],
);

/**
 * What alerts are raised on, kept at ingest from the items themselves (alerts/track-alert-basis.ts),
 * so that raising an alert never reads a record back: a flag (a child protection plan, being
 * looked after, an unborn-baby plan on the mother: NHS England CP-IS), whom to tell about it (the
 * lead practitioner, matched by work email to a Tessera user of the same organisation), and a
 * pupil's school (Operation Encompass). One row per item that made it, so a changed item moves
 * its row and an erased one takes it away (records/erasure-store.ts). Never shown to anyone:
 * what a reader sees of a flag comes through the policy chokepoint like any record.
 */
export const alertBasisKinds = [
  'child_protection_plan',
  'looked_after',
  'unborn_baby_plan',
  'lead_practitioner',
  'school_enrolment',
] as const;
export type AlertBasisKind = (typeof alertBasisKinds)[number];

export const alertBasis = pgTable(
  'alert_basis',
  {
    partnershipId: uuid('partnership_id').notNull(),
    /** The item that made this row. */
    recordId: uuid('record_id').notNull(),
    /** The agency person the item is about (the mother, for an unborn-baby plan). */
    agencyPersonId: uuid('agency_person_id').notNull(),
    /** The holder: the council that made the plan, the school the pupil is enrolled at. */
    organisationId: uuid('organisation_id').notNull(),
    basis: text('basis').notNull(),
    /** The lead practitioner as a Tessera user of the holder, if their work email is one. */
    leadUserId: uuid('lead_user_id'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.recordId] }),
    index('alert_basis_person').on(t.partnershipId, t.agencyPersonId),
    check(
      'alert_basis_kind',
      sql`${t.basis} in (${sql.raw(alertBasisKinds.map((k) => `'${k}'`).join(', '))})`,
    ),
    foreignKey({
      name: 'alert_basis_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'alert_basis_lead_user_fk',
      columns: [t.partnershipId, t.leadUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
  ],
);
