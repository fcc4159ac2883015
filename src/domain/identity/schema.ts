import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Server-side sessions. Only a SHA-256 of the session token is stored, so a copy of this table
 * cannot be replayed as cookies.
 */
export const userSession = pgTable(
  'user_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    partnershipId: uuid('partnership_id').notNull(),
    userId: uuid('user_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('user_session_tenant').on(t.partnershipId, t.tokenHash),
    index('user_session_user').on(t.partnershipId, t.userId),
  ],
);
