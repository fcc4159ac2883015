import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, organisation, partnership } from '../partnership/schema.ts';

/**
 * What a reader may see beyond the standing agreement flows, and what narrows it, one child at a
 * time (visibility.ts reads both in the read's own statement). The standing grants (the reader's
 * own organisation, and agreement flows in force) are not rows here: they come from the
 * agreements as FlowInForce. These tables hold the per-child rest.
 *
 * Both name the child as the agency persons a holder knows them by (subject_record.subject_id),
 * never Tessera's person id: a merge or an undo of person linkage changes person ids, and a
 * limit keyed on one would silently stop applying. A grant keyed on agency persons likewise
 * cannot grow to cover a record that linkage joins later.
 */
export const accessGrant = pgTable(
  'access_grant',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /**
     * disclosure: a decision to share one child's chosen field groups with one organisation,
     * until an expiry (HM Government 2024, golden rule 7; DOMAIN.md 3). break_glass: one user,
     * one child, the whole view for at most an hour on the vital-interests basis (UK GDPR Art
     * 6(1)(d)); it sets limits aside and says so in the audit (DOMAIN.md 7).
     */
    kind: text('kind').notNull(),
    granteeOrganisationId: uuid('grantee_organisation_id').notNull(),
    /** Bound to one user (break-glass); null: anyone in the grantee organisation. */
    granteeUserId: uuid('grantee_user_id'),
    /** The purpose the grant serves; null: any purpose the reader's role may act for. */
    purpose: text('purpose'),
    /** The organisation whose records are disclosed; null: every holder (break-glass). */
    holderOrganisationId: uuid('holder_organisation_id'),
    /** The agency persons (subject_record.subject_id) the grant covers: one child. */
    subjectIds: text('subject_ids').array().notNull(),
    /** The field groups disclosed; null: every group (break-glass). */
    fieldGroups: text('field_groups').array(),
    /** The gateway catalogue ids the share rests on (Art 6, Art 9 / Sched 1, Art 10). */
    basisGatewayIds: text('basis_gateway_ids').array().notNull(),
    reason: text('reason').notNull(),
    /** The decision record or break-glass request that made the grant. */
    sourceId: uuid('source_id'),
    createdByUserId: uuid('created_by_user_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: uuid('revoked_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    foreignKey({
      name: 'access_grant_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_grant_grantee_fk',
      columns: [t.partnershipId, t.granteeOrganisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_grant_holder_fk',
      columns: [t.partnershipId, t.holderOrganisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_grant_grantee_user_fk',
      columns: [t.partnershipId, t.granteeUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_grant_created_by_fk',
      columns: [t.partnershipId, t.createdByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_grant_revoked_by_fk',
      columns: [t.partnershipId, t.revokedByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    // The read finds the grants live for the reader's organisation: few, whatever the children held.
    index('access_grant_grantee').on(t.partnershipId, t.granteeOrganisationId, t.expiresAt),
    check('access_grant_kind', sql`${t.kind} in ('disclosure', 'break_glass')`),
    check('access_grant_expires_after_start', sql`${t.expiresAt} > ${t.startsAt}`),
    check('access_grant_one_child', sql`cardinality(${t.subjectIds}) > 0`),
    // A disclosure is one holder's decision about its own records (DOMAIN.md 3).
    check(
      'access_grant_disclosure_shape',
      sql`${t.kind} <> 'disclosure' or (${t.holderOrganisationId} is not null and ${t.fieldGroups} is not null)`,
    ),
    check('access_grant_break_glass_user', sql`${t.kind} <> 'break_glass' or ${t.granteeUserId} is not null`),
  ],
);

export const accessLimit = pgTable(
  'access_limit',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /**
     * restriction: processing restricted while accuracy or an objection is settled (UK GDPR Art
     * 18): the holder keeps the record, nobody else is shown it. The only kind: withdrawn consent
     * is the consent row's own withdrawal (domain/consent; visibility.ts says why).
     */
    kind: text('kind').notNull(),
    /** The controller the limit was asked of: only its records are narrowed. */
    holderOrganisationId: uuid('holder_organisation_id').notNull(),
    /** The agency person (subject_record.subject_id) whose records are narrowed. */
    subjectId: text('subject_id').notNull(),
    /** One record only; null: every record of the agency person held by the holder. */
    recordId: uuid('record_id'),
    /** Only these field groups; null: every group. */
    fieldGroups: text('field_groups').array(),
    reason: text('reason').notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedByUserId: uuid('lifted_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    foreignKey({
      name: 'access_limit_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_limit_holder_fk',
      columns: [t.partnershipId, t.holderOrganisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_limit_created_by_fk',
      columns: [t.partnershipId, t.createdByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'access_limit_lifted_by_fk',
      columns: [t.partnershipId, t.liftedByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    index('access_limit_subject').on(t.partnershipId, t.subjectId),
    check('access_limit_kind', sql`${t.kind} in ('restriction')`),
  ],
);
