import { boolean, foreignKey, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The legal gateway catalogue is national law, the same for every partnership, so these are
 * platform-wide reference tables with no partnership_id (a Citus reference table, DESIGN.md
 * section 5; listed in test/tenancy.test.ts's exceptions). The catalogue is versioned: an import
 * writes a whole new version and the current one is the highest. Versions are never changed
 * once written (trigger in drizzle/*_gateway_catalogue_insert_only.sql), so an agreement can
 * always say which wording it relied on.
 */
export const gatewayCatalogueVersion = pgTable('gateway_catalogue_version', {
  version: integer('version').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** A user id, or `system:<process>` for the built-in install. */
  createdBy: text('created_by').notNull(),
  note: text('note').notNull(),
  rowCount: integer('row_count').notNull(),
});

export const gateway = pgTable(
  'gateway',
  {
    version: integer('version').notNull(),
    id: text('id').notNull(),
    /** The row's place in the catalogue (Appendix 3 order), kept through export and import. */
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    citation: text('citation').notNull(),
    permits: text('permits').notNull(),
    organisationTypes: text('organisation_types').array().notNull(),
    sources: text('sources').array().notNull(),
    wordingChecked: boolean('wording_checked').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.version, t.id] }),
    foreignKey({ columns: [t.version], foreignColumns: [gatewayCatalogueVersion.version] }).onDelete(
      'restrict',
    ),
  ],
);
