import { sql } from 'drizzle-orm';
import {
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

/**
 * Partnership tables. Every tenant row carries partnership_id in its primary key (DESIGN.md rule 7):
 * it is the distribution key if the partnership outgrows one server.
 *
 * Foreign keys between tenant tables name the parent by (partnership_id, id), so on Citus the
 * child and its parent sit on the same shard and the key is checked there (DESIGN.md section 5).
 * All are ON DELETE RESTRICT: no use case deletes a parent, and one that someday must (erasure)
 * should fail loudly rather than take children with it. A reference column that has no foreign
 * key says why in domain/shared/foreign-key-exceptions.ts (test/foreign-keys.test.ts).
 */
export const partnership = pgTable('partnership', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisation = pgTable(
  'organisation',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    /**
     * The organisation's directory entry: whom a partner calls about a child when no record names
     * a lead worker (a school's designated safeguarding lead, the police public protection unit,
     * the health visiting team). Organisational contact details, not a child's data, as checked
     * by contactPointSchema (organisation-contact-point.ts); null until its administrator sets it.
     */
    contactPoint: jsonb('contact_point'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('organisation_name_unique').on(t.partnershipId, sql`lower(${t.name})`),
    foreignKey({
      name: 'organisation_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
  ],
);

export const appUser = pgTable(
  'app_user',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /** Stored lower-cased; unique everywhere through user_email, which sign-in reads. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('app_user_email_unique').on(t.partnershipId, t.email),
    foreignKey({
      name: 'app_user_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    // Every account has its platform-wide email entry, naming this very account. A reference
    // table may not point at a distributed one on Citus, so the key runs this way round.
    foreignKey({
      name: 'app_user_email_fk',
      columns: [t.email, t.partnershipId, t.id],
      foreignColumns: [userEmail.email, userEmail.partnershipId, userEmail.userId],
    }).onDelete('restrict'),
  ],
);

/**
 * Which partnership and user an email address signs in to. Sign-in starts from an email alone,
 * before any partnership is known, and an email names one account on the whole platform. On
 * Citus app_user is distributed on partnership_id, and a unique key there must include it
 * (DESIGN.md section 5), so the platform-wide uniqueness lives here instead: a small table,
 * written once per account, that Citus keeps as a reference table (a copy on every node) and
 * sign-in reads locally before going to the one shard that holds the account.
 */
export const userEmail = pgTable(
  'user_email',
  {
    email: text('email').primaryKey(),
    partnershipId: uuid('partnership_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    uniqueIndex('user_email_user').on(t.partnershipId, t.userId),
    // The key app_user's foreign key names (email alone is the primary key).
    uniqueIndex('user_email_account').on(t.email, t.partnershipId, t.userId),
  ],
);

export const membership = pgTable(
  'membership',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Who granted the role: a user id, or `system:<process>` for the platform operator. Null
     * only for memberships granted before this was recorded. With `ended_by` it makes the
     * register of role grants a DPO reads (find-role-grants.ts) without scanning the audit log.
     */
    grantedBy: text('granted_by'),
    /** Memberships are ended, never deleted, so the audit trail can always name a past role. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: text('ended_by'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('membership_active_unique')
      .on(t.partnershipId, t.userId, t.organisationId, t.role)
      .where(sql`${t.endedAt} is null`),
    index('membership_user').on(t.partnershipId, t.userId),
    index('membership_organisation').on(t.partnershipId, t.organisationId, t.createdAt),
    foreignKey({
      name: 'membership_user_fk',
      columns: [t.partnershipId, t.userId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'membership_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
  ],
);
