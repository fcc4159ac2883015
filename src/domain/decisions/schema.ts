import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { appUser, organisation, partnership } from '../partnership/schema.ts';
import { accessGrant } from '../policy/schema.ts';
import { informationRequest } from '../requests/schema.ts';

/**
 * A decision to share, or not to share, one child's information (issue 16 point 3; HM
 * Government, "Information sharing: advice for practitioners", 2024, "record your decision";
 * ICO data sharing code, "one-off sharing": what, with whom, how, when, why, on what basis).
 *
 * Append-only (migration 0025_decision_records_guard): a correction or a reopening is a new row,
 * `version` one more than the row it follows (`previous_id`), and at most one row follows any
 * other, so a decision's history is one chain. The disclosing holder is always the deciding
 * user's organisation; a decision to share makes one access_grant of kind 'disclosure'
 * (policy/access-grants.ts) whose source is this row.
 */
export const decisionRecord = pgTable(
  'decision_record',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /** 1 for a first record; the version it follows plus one for a correction or a reopening. */
    version: integer('version').notNull(),
    /** original | correction | reopening (a not-to-share decision reopened on new information). */
    kind: text('kind').notNull(),
    /** The version this one corrects or reopens. */
    previousId: uuid('previous_id'),
    /** The first version of the chain: every version of one decision names it. */
    firstId: uuid('first_id').notNull(),
    /** The Tessera person (the child) as the decider chose them. */
    personId: uuid('person_id').notNull(),
    /** The holder's own agency persons of that child at the time, as its records name them. */
    subjectIds: text('subject_ids').array().notNull(),
    /** The deciding (and, for a share, disclosing) organisation: the decider's own. */
    organisationId: uuid('organisation_id').notNull(),
    decidedByUserId: uuid('decided_by_user_id').notNull(),
    purpose: text('purpose').notNull(),
    /** share | not_share */
    decision: text('decision').notNull(),
    /** The situation as the practitioner described it, when they asked the guidance. */
    situation: jsonb('situation'),
    /** The guidance's outcome for that situation, evaluated by the server itself. */
    recommendation: text('recommendation'),
    recommendationEdition: text('recommendation_edition'),
    followedRecommendation: boolean('followed_recommendation'),
    departureReason: text('departure_reason'),
    recipientOrganisationId: uuid('recipient_organisation_id'),
    /** [{ group, justification }]: each field group shared and why it is needed. */
    fieldGroups: jsonb('field_groups').notNull(),
    lawfulBasis: text('lawful_basis').array().notNull(),
    method: text('method').notNull(),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull(),
    reasons: text('reasons').notNull(),
    familyTold: text('family_told').notNull(),
    familyNotToldReason: text('family_not_told_reason'),
    advisedBy: text('advised_by'),
    disclosureExpiresAt: timestamp('disclosure_expires_at', { withTimezone: true }),
    /** The disclosure grant this version relies on (a correction that changes nothing keeps it). */
    grantId: uuid('grant_id'),
    /** No agreement in force carries this share: a one-off disclosure, both DPOs told. */
    outsideAgreements: boolean('outside_agreements').notNull(),
    requestId: uuid('request_id'),
    /** What the requester brought that reopened a decision not to share (2024 edition). */
    newInformation: text('new_information'),
    /** The client's Idempotency-Key: a second submission by the same user returns this row. */
    idempotencyKey: text('idempotency_key'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    foreignKey({
      name: 'decision_record_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'decision_record_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'decision_record_recipient_fk',
      columns: [t.partnershipId, t.recipientOrganisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'decision_record_decided_by_fk',
      columns: [t.partnershipId, t.decidedByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'decision_record_previous_fk',
      columns: [t.partnershipId, t.previousId],
      foreignColumns: [t.partnershipId, t.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'decision_record_first_fk',
      columns: [t.partnershipId, t.firstId],
      foreignColumns: [t.partnershipId, t.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'decision_record_grant_fk',
      columns: [t.partnershipId, t.grantId],
      foreignColumns: [accessGrant.partnershipId, accessGrant.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'decision_record_request_fk',
      columns: [t.partnershipId, t.requestId],
      foreignColumns: [informationRequest.partnershipId, informationRequest.id],
    }).onDelete('restrict'),
    // One successor per version: two corrections of one version cannot both be written.
    uniqueIndex('decision_record_one_successor').on(t.partnershipId, t.previousId),
    uniqueIndex('decision_record_idempotency').on(t.partnershipId, t.decidedByUserId, t.idempotencyKey),
    index('decision_record_person').on(t.partnershipId, t.personId),
    index('decision_record_organisation').on(t.partnershipId, t.organisationId, t.recordedAt),
    index('decision_record_recipient').on(t.partnershipId, t.recipientOrganisationId, t.recordedAt),
    check('decision_record_kind', sql`${t.kind} in ('original', 'correction', 'reopening')`),
    check('decision_record_decision', sql`${t.decision} in ('share', 'not_share')`),
    check(
      'decision_record_chain',
      sql`(${t.kind} = 'original') = (${t.previousId} is null) and (${t.kind} <> 'original' or ${t.firstId} = ${t.id})`,
    ),
    // A share names whom it went to and rests on the grant it made.
    check(
      'decision_record_share_shape',
      sql`${t.decision} <> 'share' or (${t.recipientOrganisationId} is not null and ${t.grantId} is not null)`,
    ),
  ],
);
