import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, organisation, partnership } from '../partnership/schema.ts';
import { accessGrant } from '../policy/schema.ts';

/**
 * A break-glass (issue 16 point 7): one user's emergency access to the whole view of one child
 * for at most an hour, on vital interests (UK GDPR Art 6(1)(d), Art 9(2)(c)). The access itself
 * is its access_grant (policy/schema.ts), bound to the user, the child's agency persons and the
 * expiry; this row keeps why it was broken and the limits it set aside, for the reviews.
 */
export const breakGlass = pgTable(
  'break_glass',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The organisation the user acted for, and their role in it, at the time. */
    organisationId: uuid('organisation_id').notNull(),
    role: text('role').notNull(),
    /** The person (people module) the user broke glass on. */
    personId: uuid('person_id').notNull(),
    grantId: uuid('grant_id').notNull(),
    /** One of breakGlassReasonCodes (reason-codes.ts). */
    reasonCode: text('reason_code').notNull(),
    /** The user's own words: the reviewers judge the necessity from them (ICO step 9: record afterwards). */
    reasonText: text('reason_text').notNull(),
    /** The limits (restrictions, withdrawn consent) live on the child when the glass was broken. */
    setAsideLimitIds: uuid('set_aside_limit_ids').array().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    foreignKey({
      name: 'break_glass_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'break_glass_user_fk',
      columns: [t.partnershipId, t.userId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'break_glass_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'break_glass_grant_fk',
      columns: [t.partnershipId, t.grantId],
      foreignColumns: [accessGrant.partnershipId, accessGrant.id],
    }).onDelete('restrict'),
    // The rate limit counts one user's break-glasses in a window (break-glass.ts).
    index('break_glass_user_started').on(t.partnershipId, t.userId, t.startedAt),
    check('break_glass_expires_after_start', sql`${t.expiresAt} > ${t.startedAt}`),
  ],
);

/**
 * The retrospective review of a break-glass, one per organisation holding records of the child:
 * each holder is a controller answerable for who saw its records (UK GDPR Arts 5(2), 24), so its
 * own data protection officer or Caldicott guardian records an outcome (Caldicott principle 8).
 * Written pending with the break-glass, in the same transaction.
 */
export const breakGlassReview = pgTable(
  'break_glass_review',
  {
    partnershipId: uuid('partnership_id').notNull(),
    breakGlassId: uuid('break_glass_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** 'pending' until an outcome; needs_more_information keeps it open. */
    status: text('status').notNull(),
    outcome: text('outcome'),
    notes: text('notes'),
    reviewedByUserId: uuid('reviewed_by_user_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.breakGlassId, t.organisationId] }),
    foreignKey({
      name: 'break_glass_review_break_glass_fk',
      columns: [t.partnershipId, t.breakGlassId],
      foreignColumns: [breakGlass.partnershipId, breakGlass.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'break_glass_review_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'break_glass_review_reviewer_fk',
      columns: [t.partnershipId, t.reviewedByUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    index('break_glass_review_queue').on(t.partnershipId, t.organisationId, t.status),
    check('break_glass_review_status', sql`${t.status} in ('pending', 'reviewed')`),
    check(
      'break_glass_review_outcome',
      sql`${t.outcome} is null or ${t.outcome} in ('justified', 'not_justified_referred', 'needs_more_information')`,
    ),
  ],
);
