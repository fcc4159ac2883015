import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser, membership } from '../partnership/schema.ts';

/**
 * Server-side sessions. Only a SHA-256 of the session token is stored, so a copy of this table
 * cannot be replayed as cookies.
 *
 * Keyed on (partnership_id, token_hash), not the token alone, so the table distributes on
 * partnership_id with the rest of the partnership (DESIGN.md section 5: Citus needs the
 * distribution column in every unique key). The token itself carries its partnership's id
 * (session-token.ts), so every request finds its session on one shard.
 */
export const userSession = pgTable(
  'user_session',
  {
    tokenHash: text('token_hash').notNull(),
    partnershipId: uuid('partnership_id').notNull(),
    userId: uuid('user_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.tokenHash] }),
    index('user_session_user').on(t.partnershipId, t.userId),
    foreignKey({
      name: 'user_session_user_fk',
      columns: [t.partnershipId, t.userId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'user_session_membership_fk',
      columns: [t.partnershipId, t.membershipId],
      foreignColumns: [membership.partnershipId, membership.id],
    }).onDelete('restrict'),
  ],
);
