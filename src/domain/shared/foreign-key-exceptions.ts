/**
 * Columns that name another row but carry no foreign key, each with the reason (issue 13).
 *
 * A column named like a reference (`*_id`, `*_ids`) either has a foreign key, declared in its
 * module's schema.ts, or is listed here. test/foreign-keys.test.ts reads pg_constraint after
 * migrating and fails on a reference column that has neither, and on an entry here that no
 * longer describes a column without a key, so a new table cannot forget and this list cannot
 * rot. Keyed `table.column`.
 */

/** Citus (DESIGN.md section 5): a reference table, copied to every node, may not name a row of a distributed one. */
const referenceTableToTenant =
  'user_email is a Citus reference table and may not name a distributed table (DESIGN.md section 5); ' +
  'app_user names its user_email entry instead (app_user_email_fk), and create-user writes both in one transaction';

/** The legal gateway catalogue is versioned and keyed (version, id); an agreement names a gateway by its id alone. */
const gatewayById =
  'a gateway id from the legal gateway catalogue, which is keyed (version, id) and names no version here: ' +
  'the id is checked against the catalogue in force when the version is written (agreements/check-flow.ts), ' +
  'and an id stays meaningful in every later catalogue version';

/** A person is the id its agency persons share: there is no person row to point at. */
const personIsAnId =
  'a person is only the id its agency persons share in person_link (people/schema.ts): there is no person ' +
  'row to reference, so merging and undoing a merge move links without rewriting anything';

/** DESIGN.md rule 3: the audit log is append-only and records facts about rows that may change or go. */
const auditOutlives =
  'audit events must outlive what they name (DESIGN.md rule 3): an event keeps naming an organisation, ' +
  'user, subject or agreement after it is ended or erased, and a key would make erasure impossible ' +
  'without rewriting the append-only log';

const externalId =
  "the agency's own id in its own system (DESIGN.md rule 8, idempotent ingest), not a row here";

const transactionNumber =
  "the number of the PostgreSQL transaction that wrote the event (the sealer's order), not a row's id";

export const foreignKeyExceptions = {
  'user_email.partnership_id': referenceTableToTenant,
  'user_email.user_id': referenceTableToTenant,

  'agreement_version.gateway_ids': `an array, which PostgreSQL cannot key; each element is ${gatewayById}`,
  'agreement_flow.from_organisation_ids':
    'an array of organisation ids, which PostgreSQL cannot key; check-flow.ts refuses one that is not a ' +
    'party of the version, and parties are keyed to organisation (agreement_party_organisation_fk)',
  'agreement_flow.to_organisation_ids':
    'an array of organisation ids, which PostgreSQL cannot key; check-flow.ts refuses one that is not a ' +
    'party of the version, and parties are keyed to organisation (agreement_party_organisation_fk)',
  'agreement_flow.statutory_gateway_ids': `an array, which PostgreSQL cannot key; each element is ${gatewayById}`,
  'agreement_flow.other_gateway_ids': `an array, which PostgreSQL cannot key; each element is ${gatewayById}`,
  'agreement_flow.confidentiality_gateway_id': gatewayById,
  'agreement_flow.art6_basis_id': gatewayById,
  'agreement_flow.art9_condition_id': gatewayById,
  'agreement_flow.art9_sched1_condition_id': gatewayById,
  'agreement_flow.art10_condition_id': gatewayById,
  'agreement_flow.art10_sched1_condition_id': gatewayById,

  'subject_record.external_id': externalId,
  'agency_person.external_person_id': externalId,
  'subject_record.subject_id':
    'text, so fixtures may use readable keys; the single view joins it to agency_person.id as text. ' +
    'Ingest writes the id of an agency_person it found or made in the same transaction (a stub when the ' +
    "person's details have not arrived, DESIGN.md rule 8)",
  'agency_relationship.related_external_person_id':
    "the agency's own id for a person who may not have arrived yet: a relationship may come before the " +
    'person it names, and is resolved by joining agency_person on (organisation, external id)',

  'person_link.person_id': personIsAnId,
  'link_move.from_person_id': personIsAnId,
  'link_move.to_person_id': personIsAnId,

  'audit_event.partnership_id':
    'the platform chain (PLATFORM_PARTNERSHIP_ID, shared/ids.ts) records sign-in attempts for unknown ' +
    'accounts and the creation of partnerships, and belongs to no partnership row',
  'audit_event.tx_id': transactionNumber,
  'audit_event.request_id':
    "the HTTP request's id, for finding the request in the logs: a request is not a row",
  'audit_event.actor_id': auditOutlives,
  'audit_event.actor_organisation_id': auditOutlives,
  'audit_event.subject_id': auditOutlives,
  'audit_event.agreement_id': auditOutlives,
  'audit_chain.event_tx_id': transactionNumber,
  'audit_checkpoint.partnership_id':
    'checkpoints of the platform chain (PLATFORM_PARTNERSHIP_ID) belong to no partnership row',
  'audit_checkpoint.key_id':
    'names the signing key, which is kept outside the database so that the database cannot forge a checkpoint',
  // Per-child grants and limits (policy/schema.ts, visibility.ts).
  'access_grant.basis_gateway_ids': gatewayById,
  'access_grant.subject_ids':
    'the agency persons a grant covers, as subject_record.subject_id names them (text); an array cannot carry a ' +
    'key, and a grant names only agency persons the decision or break-glass read through the policy',
  'access_grant.source_id':
    'the decision record or break-glass request that made the grant: rows of different tables (issue 16), ' +
    'named for the audit trail; the grant is written in the same transaction as its source',
  'access_limit.subject_id':
    'the agency person a limit narrows, as subject_record.subject_id names them (text, see subject_record.subject_id)',
  'access_limit.record_id':
    'a limit outlives an erased record: the register of restrictions a DPO keeps must stay whole (UK GDPR Art 18, ' +
    'Art 30), and a key would make erasure of a restricted record impossible',
  // Consents (consent/schema.ts).
  'consent.subject_ids':
    "the holder's agency persons for the child, as subject_record.subject_id names them (text); an array cannot " +
    'carry a key, and record-consent.ts names only agency persons the policy resolved for the holder',
  'consent.organisation_ids':
    'an array of organisation ids, which PostgreSQL cannot key; record-consent.ts refuses one that is not an ' +
    'organisation of the partnership',
  // Alerts (alerts/schema.ts).
  'decision_record.person_id': personIsAnId,
  'decision_record.subject_ids':
    "the deciding holder's own agency persons of the child, as subject_record.subject_id names them (text); an " +
    'array cannot carry a key, and the disclosure grant names the same ones',
  'alert.subject_id':
    'the agency person an alert is about, as subject_record.subject_id names them (text); an alert outlives an ' +
    'erased record, since who was told what and when must stay answerable',
  'alert.source_id':
    'the decision, break-glass, contact record or request that raised the alert: rows of different tables, ' +
    'named for the recipient to follow; the alert is written in the same transaction as its source',
  // Break-glass (break-glass/schema.ts).
  'break_glass.person_id': personIsAnId,
  'break_glass.set_aside_limit_ids':
    'the limits live on the child when the glass was broken, for the reviewers; an array cannot carry a key, and ' +
    'limits are lifted, never deleted (policy/access-grants.ts)',
  'alert_basis.record_id':
    'the item the row was made from, by id: the alerts schema may not import the records schema (only the policy ' +
    'reads subject data, test/boundaries.test.ts); ingest writes the row in the same transaction as the item, and ' +
    'erasure deletes it with the item (records/erasure-store.ts)',
  'alert_basis.agency_person_id':
    'the agency person the item is about, written by ingest in the transaction that found or made that person; ' +
    'the alerts schema may not import the records schema (test/boundaries.test.ts)',
  // Requests for information (requests/schema.ts).
  'information_request.gateway_id': gatewayById,
  // Record versions and erasure (records/schema.ts).
  'subject_record_version.subject_id':
    'the agency person of that version, as subject_record.subject_id names them (text, see subject_record.subject_id)',
  'subject_record_tombstone.external_id': externalId,
  'subject_record_tombstone.record_id':
    'the id the erased record had: a tombstone exists because the row it names is gone (UK GDPR Art 17)',
} as const satisfies Record<`${string}.${string}`, string>;
