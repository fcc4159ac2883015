import { doublePrecision, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Which person each agency person belongs to: the result of person linkage. A person is just the
 * id its agency persons share; merging two persons moves the links of one to the other, and
 * undoing the merge moves them back, so no record is ever rewritten (issue 4, review queue).
 * The probability is that of the strongest link that placed the agency person in its person
 * (1 for the first record of a person and for a reviewer's confirmation), shown beside each
 * chronology entry as the confidence of the link.
 */
export const personLink = pgTable(
  'person_link',
  {
    partnershipId: uuid('partnership_id').notNull(),
    agencyPersonId: uuid('agency_person_id').notNull(),
    personId: uuid('person_id').notNull(),
    matchProbability: doublePrecision('match_probability').notNull(),
    /** 'first' (no earlier match), 'auto' (above the threshold), 'review' (a reviewer confirmed). */
    linkedBy: text('linked_by').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.agencyPersonId] }),
    index('person_link_person').on(t.partnershipId, t.personId),
  ],
);
