import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
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
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';
import { partnership } from '../partnership/schema.ts';
// For the foreign keys to agency_person only: a schema declares tables and reads nothing
// (test/boundaries.test.ts).
import { agencyPerson } from '../records/schema.ts';

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
    /**
     * The agency person's content hash when linkage last evaluated this link. When ingest
     * changes the record (a corrected name, date of birth or NHS number) the hashes differ until
     * the link is evaluated again, so a run killed before it relinked is caught by the next one.
     */
    evaluatedHash: text('evaluated_hash'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.agencyPersonId] }),
    index('person_link_person').on(t.partnershipId, t.personId),
    foreignKey({
      name: 'person_link_agency_person_fk',
      columns: [t.partnershipId, t.agencyPersonId],
      foreignColumns: [agencyPerson.partnershipId, agencyPerson.id],
    }).onDelete('restrict'),
  ],
);

/**
 * The fitted linkage model of a partnership (linkage/model.ts), with the blocking rules and
 * thresholds chosen with it, so that incremental linking survives a restart without refitting.
 * A model is replaced only deliberately: by `tessera link refit`, by the batch relink of the
 * demo seed, or when the held records have grown to REFIT_GROWTH times the count it was fitted
 * on (link-agency-persons.ts). Older models stay, so a link can always be explained with the
 * model that made it.
 */
export const linkageModel = pgTable(
  'linkage_model',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    fittedAt: timestamp('fitted_at', { withTimezone: true }).notNull(),
    /** How many agency persons were held when it was fitted. */
    heldCount: integer('held_count').notNull(),
    model: jsonb('model').notNull(),
    rules: jsonb('rules').notNull(),
    mergeWeight: doublePrecision('merge_weight').notNull(),
    reviewWeight: doublePrecision('review_weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    index('linkage_model_latest').on(t.partnershipId, t.fittedAt),
    foreignKey({
      name: 'linkage_model_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
  ],
);

/**
 * A pair of agency persons a person must decide about: scored in the uncertain band, or above
 * the threshold but joining two persons already distinct (how twins and siblings get merged).
 * Until confirmed, each record stays in its own person. Status: 'pending', 'confirmed',
 * 'rejected', or 'undone' (a confirmed merge later reversed).
 */
export const linkReview = pgTable(
  'link_review',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    /** The newly linked record, and the held record it was scored against. */
    agencyPersonId: uuid('agency_person_id').notNull(),
    candidateAgencyPersonId: uuid('candidate_agency_person_id').notNull(),
    matchWeight: doublePrecision('match_weight').notNull(),
    matchProbability: doublePrecision('match_probability').notNull(),
    /** 'uncertain' or 'joins_two_persons'. */
    reason: text('reason').notNull(),
    modelId: uuid('model_id').notNull(),
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The latest decision about the pair (link_decision), null while pending. */
    decisionId: uuid('decision_id'),
  },
  // Typed, since link_review and link_decision name each other.
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    uniqueIndex('link_review_pair').on(t.partnershipId, t.agencyPersonId, t.candidateAgencyPersonId),
    index('link_review_status').on(t.partnershipId, t.status, t.createdAt),
    check('link_review_status_known', sql`${t.status} in ('pending', 'confirmed', 'rejected', 'undone')`),
    foreignKey({
      name: 'link_review_agency_person_fk',
      columns: [t.partnershipId, t.agencyPersonId],
      foreignColumns: [agencyPerson.partnershipId, agencyPerson.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'link_review_candidate_fk',
      columns: [t.partnershipId, t.candidateAgencyPersonId],
      foreignColumns: [agencyPerson.partnershipId, agencyPerson.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'link_review_model_fk',
      columns: [t.partnershipId, t.modelId],
      foreignColumns: [linkageModel.partnershipId, linkageModel.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'link_review_decision_fk',
      columns: [t.partnershipId, t.decisionId],
      foreignColumns: [linkDecision.partnershipId, linkDecision.id],
    }).onDelete('restrict'),
  ],
);

/**
 * The history of link decisions: every write to person_link is one decision ('first', 'auto',
 * 'relink', 'confirmed', 'rejected', 'undone'; 'kept' when a changed record was evaluated again
 * and stayed, with no move), with the moves it made in link_move. Nothing here
 * is updated or deleted, so a merge can be undone exactly and the past explained.
 */
export const linkDecision = pgTable(
  'link_decision',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    reviewId: uuid('review_id'),
    /** For an undo, the decision it reversed. */
    undoesDecisionId: uuid('undoes_decision_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    /** A user id, or the system process that linked automatically. */
    decidedBy: text('decided_by').notNull(),
    reason: text('reason'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    index('link_decision_review').on(t.partnershipId, t.reviewId),
    foreignKey({
      name: 'link_decision_review_fk',
      columns: [t.partnershipId, t.reviewId],
      foreignColumns: [linkReview.partnershipId, linkReview.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'link_decision_undoes_fk',
      columns: [t.partnershipId, t.undoesDecisionId],
      foreignColumns: [t.partnershipId, t.id],
    }).onDelete('restrict'),
  ],
);

/** One agency person moved by a decision: where it was (null if it had no person) and where it went. */
export const linkMove = pgTable(
  'link_move',
  {
    partnershipId: uuid('partnership_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    agencyPersonId: uuid('agency_person_id').notNull(),
    fromPersonId: uuid('from_person_id'),
    fromProbability: doublePrecision('from_probability'),
    fromLinkedBy: text('from_linked_by'),
    toPersonId: uuid('to_person_id').notNull(),
    toProbability: doublePrecision('to_probability').notNull(),
    toLinkedBy: text('to_linked_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.decisionId, t.agencyPersonId] }),
    foreignKey({
      name: 'link_move_decision_fk',
      columns: [t.partnershipId, t.decisionId],
      foreignColumns: [linkDecision.partnershipId, linkDecision.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'link_move_agency_person_fk',
      columns: [t.partnershipId, t.agencyPersonId],
      foreignColumns: [agencyPerson.partnershipId, agencyPerson.id],
    }).onDelete('restrict'),
  ],
);
