import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser, membership, organisation, partnership } from '../partnership/schema.ts';

/**
 * Data sharing agreements. Every row carries partnership_id in its key (DESIGN.md rule 7).
 *
 * An agreement has a stable id and reference (T1-001, T2-014); its content lives in numbered
 * versions. An amendment is a new version: a version's content is never edited once it leaves
 * draft, so the history of what each party signed is kept for good. Suspension and termination
 * belong to the agreement (they stop whichever version is in force), and are dated so that
 * "was this flow in force at time t" can be answered for any t.
 */
export const agreement = pgTable(
  'agreement',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    tier: text('tier').notNull(),
    /** A Tier 2 agreement operates under a Tier 1 agreement of the same partnership. */
    tier1AgreementId: uuid('tier1_agreement_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    terminatedAt: timestamp('terminated_at', { withTimezone: true }),
    terminatedBy: text('terminated_by'),
    terminationReason: text('termination_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('agreement_reference_unique').on(t.partnershipId, t.reference),
    index('agreement_tier1').on(t.partnershipId, t.tier1AgreementId),
    foreignKey({
      name: 'agreement_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agreement_tier1_fk',
      columns: [t.partnershipId, t.tier1AgreementId],
      foreignColumns: [t.partnershipId, t.id],
    }).onDelete('restrict'),
  ],
);

/** The last reference number used per partnership and tier (no global sequences: DESIGN.md 5). */
export const agreementReferenceCounter = pgTable(
  'agreement_reference_counter',
  {
    partnershipId: uuid('partnership_id').notNull(),
    tier: text('tier').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.tier] }),
    foreignKey({
      name: 'agreement_reference_counter_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
  ],
);

export const agreementVersion = pgTable(
  'agreement_version',
  {
    partnershipId: uuid('partnership_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    purposes: text('purposes').array().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    reviewDate: date('review_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    security: text('security').notNull(),
    retention: text('retention').notNull(),
    rights: text('rights').notNull(),
    gatewayIds: text('gateway_ids').array().notNull(),
    dataCategories: text('data_categories').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.agreementId, t.version] }),
    foreignKey({
      name: 'agreement_version_agreement_fk',
      columns: [t.partnershipId, t.agreementId],
      foreignColumns: [agreement.partnershipId, agreement.id],
    }).onDelete('restrict'),
  ],
);

export const agreementParty = pgTable(
  'agreement_party',
  {
    partnershipId: uuid('partnership_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    position: integer('position').notNull(),
    contact: text('contact'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.agreementId, t.version, t.organisationId] }),
    foreignKey({
      name: 'agreement_party_version_fk',
      columns: [t.partnershipId, t.agreementId, t.version],
      foreignColumns: [
        agreementVersion.partnershipId,
        agreementVersion.agreementId,
        agreementVersion.version,
      ],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agreement_party_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
  ],
);

export const agreementFlow = pgTable(
  'agreement_flow',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    /** "Flow 2": numbered within its version, and kept when the version is amended. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    fromOrganisationIds: uuid('from_organisation_ids').array().notNull(),
    toOrganisationIds: uuid('to_organisation_ids').array().notNull(),
    purposes: text('purposes').array().notNull(),
    fieldGroups: text('field_groups').array().notNull(),
    dataCategories: text('data_categories').array().notNull(),
    art6BasisId: text('art6_basis_id').notNull(),
    art9ConditionId: text('art9_condition_id'),
    art9Sched1ConditionId: text('art9_sched1_condition_id'),
    art10ConditionId: text('art10_condition_id'),
    art10Sched1ConditionId: text('art10_sched1_condition_id'),
    statutoryGatewayIds: text('statutory_gateway_ids').array().notNull(),
    confidentialityGatewayId: text('confidentiality_gateway_id'),
    confidentialityGround: text('confidentiality_ground'),
    otherGatewayIds: text('other_gateway_ids').array().notNull(),
    method: text('method').notNull(),
    methodDetail: text('method_detail'),
    frequency: text('frequency').notNull(),
    retention: text('retention'),
    dpiaReference: text('dpia_reference'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('agreement_flow_position').on(t.partnershipId, t.agreementId, t.version, t.position),
    foreignKey({
      name: 'agreement_flow_version_fk',
      columns: [t.partnershipId, t.agreementId, t.version],
      foreignColumns: [
        agreementVersion.partnershipId,
        agreementVersion.agreementId,
        agreementVersion.version,
      ],
    }).onDelete('restrict'),
  ],
);

/** One signature per party per version, by a person holding a signatory role in that party. */
export const agreementSignature = pgTable(
  'agreement_signature',
  {
    partnershipId: uuid('partnership_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    version: integer('version').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    role: text('role').notNull(),
    /** As the signer was named when they signed; a later change of name does not rewrite it. */
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.agreementId, t.version, t.organisationId] }),
    // Only a party of the version signs it.
    foreignKey({
      name: 'agreement_signature_party_fk',
      columns: [t.partnershipId, t.agreementId, t.version, t.organisationId],
      foreignColumns: [
        agreementParty.partnershipId,
        agreementParty.agreementId,
        agreementParty.version,
        agreementParty.organisationId,
      ],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agreement_signature_user_fk',
      columns: [t.partnershipId, t.userId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'agreement_signature_membership_fk',
      columns: [t.partnershipId, t.membershipId],
      foreignColumns: [membership.partnershipId, membership.id],
    }).onDelete('restrict'),
  ],
);

/** Suspensions are reversible, so each is a dated period; at most one is open at a time. */
export const agreementSuspension = pgTable(
  'agreement_suspension',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }).notNull(),
    suspendedBy: text('suspended_by').notNull(),
    reason: text('reason').notNull(),
    resumedAt: timestamp('resumed_at', { withTimezone: true }),
    resumedBy: text('resumed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('agreement_suspension_open')
      .on(t.partnershipId, t.agreementId)
      .where(sql`${t.resumedAt} is null`),
    foreignKey({
      name: 'agreement_suspension_agreement_fk',
      columns: [t.partnershipId, t.agreementId],
      foreignColumns: [agreement.partnershipId, agreement.id],
    }).onDelete('restrict'),
  ],
);

/**
 * A counter per partnership that moves with every change to its agreements, in the same
 * transaction (triggers in drizzle/0011_agreement_policy_generation_triggers.sql, on every
 * agreement table, so no use case can forget it). The scoped reader caches the compiled policy
 * per partnership and reads this one row on each read: a cached policy older than the counter is
 * never used, whichever process made the change.
 */
export const agreementPolicyGeneration = pgTable(
  'agreement_policy_generation',
  {
    partnershipId: uuid('partnership_id').primaryKey(),
    generation: bigint('generation', { mode: 'number' }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'agreement_policy_generation_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
  ],
);
