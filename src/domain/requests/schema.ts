import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { decisionRecord } from '../decisions/schema.ts';
import { appUser, organisation, partnership } from '../partnership/schema.ts';

/**
 * Requests for information between agencies (issue 16 point 4). Every key carries
 * partnership_id (DESIGN.md rule 7).
 */

/** A partnership's RAG timescales and office hours, as parsed by ragTimescalesSchema. */
export const ragTimescales = pgTable(
  'rag_timescales',
  {
    partnershipId: uuid('partnership_id').primaryKey(),
    settings: jsonb('settings').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    setBy: uuid('set_by'),
  },
  (t) => [
    foreignKey({
      name: 'rag_timescales_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
  ],
);

/**
 * One request: the child as the requester identified them (it may match no one in Tessera yet),
 * who asked, for what purpose, on which gateway, how urgently.
 */
export const informationRequest = pgTable(
  'information_request',
  {
    partnershipId: uuid('partnership_id').notNull(),
    id: uuid('id').notNull(),
    requesterOrganisationId: uuid('requester_organisation_id').notNull(),
    requesterUserId: uuid('requester_user_id').notNull(),
    /** firstName, lastName and whichever of dob, nhsNumber, upn, postcode were given. */
    child: jsonb('child').notNull(),
    purpose: text('purpose').notNull(),
    gatewayId: text('gateway_id').notNull(),
    rag: text('rag').notNull(),
    question: text('question').notNull(),
    /**
     * The requester's own deadline, sooner than the RAG timescale (a strategy discussion at 3 pm):
     * no check falls due after it, and a stopped clock does not move it.
     */
    respondBy: timestamp('respond_by', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.id] }),
    foreignKey({
      name: 'information_request_partnership_fk',
      columns: [t.partnershipId],
      foreignColumns: [partnership.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'information_request_requester_fk',
      columns: [t.partnershipId, t.requesterOrganisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'information_request_requester_user_fk',
      columns: [t.partnershipId, t.requesterUserId],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    index('information_request_requester').on(t.partnershipId, t.requesterOrganisationId, t.createdAt),
  ],
);

/**
 * One agency asked in a request, with its own clock: when it started, the times it stood still
 * awaiting clarification (`stops`, [{ from, to? }] as ISO instants), and the due and escalation
 * instants the deadline module computed from them (null while stopped), kept so that an inbox
 * can sort and a job can wake on them.
 */
export const partnerCheck = pgTable(
  'partner_check',
  {
    partnershipId: uuid('partnership_id').notNull(),
    requestId: uuid('request_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    status: text('status').notNull(),
    /**
     * The request's RAG rating, copied here when the check is made (a request's rating never
     * changes): the inbox counts an organisation's waiting checks by rating from an index alone,
     * instead of visiting every waiting request (bench/requests).
     */
    rag: text('rag').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    stops: jsonb('stops').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    escalateAt: timestamp('escalate_at', { withTimezone: true }),
    /**
     * What passed between responder and requester while the clock stood still: each question
     * (clarification, identity to verify) and its answer, [{ kind, at, organisationId, userId,
     * text }]. Professional correspondence about the request, kept for the responder.
     */
    messages: jsonb('messages').notNull().default([]),
    /** When the check was answered, refused or withdrawn, and by whom. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    /** The decision record that answered it (domain/decisions), once answered. */
    decisionId: uuid('decision_id'),
    /** A refusal's reasons: { reasons: code[], explanation } (Information sharing 2024, rule 7). */
    refusal: jsonb('refusal'),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.requestId, t.organisationId] }),
    foreignKey({
      name: 'partner_check_request_fk',
      columns: [t.partnershipId, t.requestId],
      foreignColumns: [informationRequest.partnershipId, informationRequest.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'partner_check_organisation_fk',
      columns: [t.partnershipId, t.organisationId],
      foreignColumns: [organisation.partnershipId, organisation.id],
    }).onDelete('restrict'),
    foreignKey({
      name: 'partner_check_closed_by_fk',
      columns: [t.partnershipId, t.closedBy],
      foreignColumns: [appUser.partnershipId, appUser.id],
    }).onDelete('restrict'),
    // The decision record that answered the check (markCheckAnswered, in its transaction). The
    // two schemas name each other; drizzle reads these keys only once both modules are loaded.
    foreignKey({
      name: 'partner_check_decision_fk',
      columns: [t.partnershipId, t.decisionId],
      foreignColumns: [decisionRecord.partnershipId, decisionRecord.id],
    }).onDelete('restrict'),
    index('partner_check_inbox').on(t.partnershipId, t.organisationId, t.status, t.dueAt),
    /** The inbox: an organisation's checks still waiting (not closed), soonest due first. */
    index('partner_check_waiting')
      .on(t.partnershipId, t.organisationId, t.dueAt)
      .where(sql`closed_at is null`),
    /** The inbox's counts by RAG and overdue, and a page of one rating, from the index alone. */
    index('partner_check_waiting_rag')
      .on(t.partnershipId, t.organisationId, t.rag, t.dueAt)
      .where(sql`closed_at is null`),
  ],
);
