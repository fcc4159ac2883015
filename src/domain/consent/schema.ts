import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, organisation, partnership } from '../partnership/schema.ts';

/**
 * A consent to share a child's information (issue 16 point 5): who gave it, what it covers, the
 * evidence, when it ends and whether it was withdrawn. Recorded by the organisation that sought
 * it, the holder: a consent lets the holder's records about the child reach the organisations,
 * purposes and data categories it names, and nothing else (UK GDPR Art 4(11): "specific").
 *
 * Like access_limit (policy/schema.ts) it names the child by the holder's agency persons, never
 * Tessera's person id: a merge or an undo of person linkage changes person ids, and a consent
 * keyed on one would silently cover another child, or stop covering this one.
 *
 * Append-only (custom migration consent_append_only): a row is never deleted, and its only change
 * is its withdrawal, once. The visibility computation (policy/visibility.ts) reads these rows in
 * the read's own statement: a share whose only Art 6 basis is consent needs one in force.
 */
export const consent = pgTable(
  'consent',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /** The organisation that sought the consent and whose records it lets be shared. */
    holderOrganisationId: uuid('holder_organisation_id').notNull(),
    /** The holder's agency persons for the child (the ids its records name their person by). */
    subjectIds: text('subject_ids').array().notNull(),
    /**
     * child: a child competent to decide (Gillick v West Norfolk and Wisbech AHA [1986] AC 112),
     * with the assessment recorded below. person_with_parental_responsibility: someone holding
     * parental responsibility (Children Act 1989 s2-s3), named, with how they hold it.
     */
    givenBy: text('given_by').notNull(),
    /** Who assessed the child's competence (name and role), when, and by which test. */
    competenceAssessedBy: text('competence_assessed_by'),
    competenceAssessedAt: timestamp('competence_assessed_at', { withTimezone: true }),
    /** gillick: understanding of this decision; fraser: the Fraser guidelines (contraception, sexual health). */
    competenceTest: text('competence_test'),
    /** The person with parental responsibility: their name and relationship to the child. */
    giverName: text('giver_name'),
    giverRelationship: text('giver_relationship'),
    /** How they hold parental responsibility (consent/consent-terms.ts). */
    parentalResponsibility: text('parental_responsibility'),
    /** The organisations the child's information may be shared with. */
    organisationIds: uuid('organisation_ids').array().notNull(),
    /** The purposes (policy/purposes.ts) and data categories (policy/field-groups.ts) it covers. */
    purposes: text('purposes').array().notNull(),
    fieldGroups: text('field_groups').array().notNull(),
    /** written | verbal, and the reference of the signed form or of the case note recording it. */
    evidenceForm: text('evidence_form').notNull(),
    evidenceReference: text('evidence_reference').notNull(),
    /**
     * consent: the share rests on it (Art 6(1)(a)). engagement: the holder shares for these
     * purposes on another basis (public task, the safeguarding condition) and sought agreement to
     * work with the family, not permission to share (HM Government 2018 and 2024: consent is not
     * needed to share for safeguarding; DOMAIN.md 2). The record says which, so nobody reads a
     * withdrawal as stopping a statutory share.
     */
    lawfulBasis: text('lawful_basis').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** Withdrawal (Art 7(3)): when, by whom (the child or the person with PR), how, its evidence. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: text('withdrawn_by'),
    withdrawalForm: text('withdrawal_form'),
    withdrawalReference: text('withdrawal_reference'),
    withdrawalRecordedByUserId: uuid('withdrawal_recorded_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    foreignKey({
      name: 'consent_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'consent_holder_fk',
      columns: [t.partnershipId, t.holderOrganisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'consent_recorded_by_fk',
      columns: [t.partnershipId, t.recordedByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'consent_withdrawal_recorded_by_fk',
      columns: [t.partnershipId, t.withdrawalRecordedByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    // The read finds the consents of the holders of the records it returns.
    index('consent_holder').on(t.partnershipId, t.holderOrganisationId),
    check('consent_given_by', sql`${t.givenBy} in ('child', 'person_with_parental_responsibility')`),
    check(
      'consent_child_competence',
      sql`${t.givenBy} <> 'child' or (${t.competenceAssessedBy} is not null and ${t.competenceAssessedAt} is not null and ${t.competenceTest} in ('gillick', 'fraser'))`,
    ),
    check(
      'consent_parental_responsibility',
      sql`${t.givenBy} <> 'person_with_parental_responsibility' or (${t.giverName} is not null and ${t.giverRelationship} is not null and ${t.parentalResponsibility} is not null)`,
    ),
    check('consent_evidence_form', sql`${t.evidenceForm} in ('written', 'verbal')`),
    check('consent_lawful_basis', sql`${t.lawfulBasis} in ('consent', 'engagement')`),
    check('consent_expires_after_given', sql`${t.expiresAt} > ${t.givenAt}`),
    check('consent_one_child', sql`cardinality(${t.subjectIds}) > 0`),
    check(
      'consent_scope',
      sql`cardinality(${t.organisationIds}) > 0 and cardinality(${t.purposes}) > 0 and cardinality(${t.fieldGroups}) > 0`,
    ),
    check(
      'consent_withdrawal_whole',
      sql`(${t.withdrawnAt} is null) = (${t.withdrawnBy} is null) and (${t.withdrawnAt} is null) = (${t.withdrawalForm} is null)`,
    ),
  ],
);
