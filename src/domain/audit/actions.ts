import type { SharingAuditDetails } from './sharing-actions.ts';
/**
 * Every kind of audit event, with the shape of its details: a discriminated union, so that a
 * new act cannot be audited with a payload nobody has designed (STYLE.md practice 6).
 */
export interface AuditDetailsByAction extends SharingAuditDetails {
  /** With the lock notice shown to the holder, if their account was locked since they last signed in. */
  'session.signed_in': { lockNotice?: { lockedAt: string; failedAttempts: number } };
  /**
   * The failed sign-in that locked an email address (subject: its user, if it is an account);
   * the response says nothing more.
   */
  'session.account_locked': { lockedForMinutes: number };
  'session.sign_in_failed': {
    reason: 'unknown_account' | 'wrong_password' | 'rate_limited';
    attemptedEmail: string;
  };
  'session.signed_out': Record<string, never>;
  'session.organisation_switched': { fromMembershipId: string };
  'user.password_changed': { sessionsEnded: number };
  'user.password_change_failed': { reason: 'wrong_password' };
  'partnership.created': { name: string };
  'organisation.created': { name: string; type: string };
  /** An organisation's directory entry set or cleared (partnership/organisation-contact-point.ts). */
  'organisation.contact_point_set': {
    contactPoint: { name: string; role: string | null; phone: string | null; email: string | null } | null;
  };
  'user.created': { email: string; displayName: string };
  'membership.added': { userId: string; organisationId: string; role: string };
  'membership.ended': { userId: string; organisationId: string; role: string; sessionsEnded: number };
  /** A grant or end of a role refused: to oneself, or outside what the actor may grant. */
  'membership.refused': {
    act: 'grant' | 'end';
    userId: string;
    organisationId: string;
    role: string;
    reason: 'own_role' | 'role_level' | 'other_organisation';
  };
  'membership.grants_listed': { organisationId: string; returned: number };
  'access.denied': {
    attempted: string;
    reason?: AccessDeniedReason;
    /** The organisation or partnership a refused capability was asked over. */
    over?: string;
    /** For nothing_disclosable: each (holder, field group) held and why it was withheld. */
    withheld?: readonly WithheldPair[];
  };
  /**
   * Subject data shown to a user; `disclosed` on the event lists the field groups shown and
   * `purpose` the purpose. The policy reader adds how many records and the flows relied on.
   */
  /**
   * A pattern a data protection officer must look at (issue 13 point 9): one user reaching the
   * not-found limit, i.e. opening many ids that name no child they may see.
   */
  'access.anomaly': { kind: 'repeated_not_found'; count: number; windowMinutes: number };
  /**
   * A per-child grant or limit (policy/visibility.ts) made or ended. The subject is the first
   * agency person it names; the details name the rest, the groups and the times, never a value.
   */
  'access.granted': {
    grantId: string;
    kind: 'disclosure' | 'break_glass';
    granteeOrganisationId: string;
    granteeUserId: string | null;
    holderOrganisationId: string | null;
    subjectIds: readonly string[];
    fieldGroups: readonly string[] | null;
    basisGatewayIds: readonly string[];
    sourceId: string | null;
    expiresAt: string;
  };
  'access.grant_revoked': { grantId: string };
  'access.limited': {
    limitId: string;
    kind: 'restriction';
    holderOrganisationId: string;
    recordId: string | null;
    fieldGroups: readonly string[] | null;
  };
  'access.limit_lifted': { limitId: string };
  'subject.viewed': {
    view: string;
    records?: number;
    /** Every agreement flow the disclosure relied on (own records rely on none). */
    agreements?: readonly AgreementRelied[];
    /**
     * Every per-child grant relied on (a disclosure from a decision to share, a break-glass), with
     * any limit a break-glass set aside (policy/visibility.ts).
     */
    grants?: readonly GrantRelied[];
    /** Whether any of the disclosed records were the viewer's own organisation's. */
    ownRecords?: boolean;
    /** The fields shown, where a view shows fewer than its field groups declare (link review). */
    fields?: readonly string[];
    /**
     * Each agency record shown and the version of it shown, as [record id, version]: who saw
     * what a record said before and after it changed (DESIGN.md rule 3: the event names a
     * stable subject, including the version).
     */
    shown?: readonly (readonly [string, number])[];
  };
  /**
   * A person search. The terms are not kept: they are personal data, often of someone the
   * partnership does not know, and an insert-only log could never erase them; an unkeyed hash of
   * an NHS number or a date of birth is reversible by trying every value. What a DPO needs is
   * who searched, when, for what purpose, on which kinds of identifier, and with what result;
   * each person shown in the results has their own `subject.viewed` (view 'search_result').
   */
  'subject.searched': {
    fields: readonly string[];
    returned: number;
    /** Refused before any read: too often, an identifier that fails its check, or too few. */
    reason?: 'rate_limited' | 'invalid_identifier' | 'not_identifying' | AccessDeniedReason;
  };
  /**
   * Subject data written to a file that leaves Tessera (export-chronology.ts): the columns
   * written, the rows, and the names of the filters applied; `disclosed` lists the field groups.
   */
  'subject.exported': {
    view: string;
    format: 'csv';
    columns: readonly string[];
    rows: number;
    filters: readonly string[];
  };
  'audit.searched': { filters: Record<string, string>; returned: number };
  'audit.verified': { ok: boolean; verifiedEvents: number };
  'audit.checkpoint_created': { seqFrom: number; seqTo: number };
  'demo.seeded': { organisations: number; users: number };
  // Legal gateway catalogue (domain/gateways)
  'gateway_catalogue.installed': { version: number; rowCount: number };
  'gateway_catalogue.imported': { version: number; rowCount: number; note: string };
  'gateway_catalogue.exported': { version: number; rowCount: number };
  // Agreements (domain/agreements): every change and every signature.
  'agreement.created': { reference: string; tier: string; version: number; title: string };
  'agreement.draft_updated': { reference: string; version: number };
  'agreement.flow_added': { reference: string; version: number; flowId: string; position: number };
  'agreement.flow_updated': { reference: string; version: number; flowId: string; position: number };
  'agreement.flow_removed': { reference: string; version: number; flowId: string; position: number };
  'agreement.submitted': { reference: string; version: number; warnings: number };
  'agreement.signed': {
    reference: string;
    version: number;
    organisationId: string;
    role: string;
    /** The signatory declared their authority, in these words (agreements/signing-declaration.ts). */
    declared: true;
    declaration: string;
  };
  'agreement.activated': { reference: string; version: number; supersededVersion: number | null };
  'agreement.amended': { reference: string; fromVersion: number; version: number };
  'agreement.suspended': { reference: string; reason: string };
  'agreement.resumed': { reference: string };
  'agreement.terminated': { reference: string; reason: string };
  /**
   * The version in force of an agreement is due for review: its review date has passed or is
   * near (agreements/record-review-reminders.ts), recorded once per version and review date.
   */
  'agreement.review_due': { reference: string; version: number; reviewDate: string; daysUntilReview: number };
  'demo.agreements_seeded': { agreements: number };
  // Person linkage (domain/people): ids and figures only, never a name or a date of birth.
  'person.linked': {
    agencyPersonId: string;
    personId: string;
    linkedBy: string;
    probability: number;
    decisionId: string;
    reviewsQueued: number;
    /** When a changed record was evaluated again: the person it was in before. */
    previousPersonId?: string;
  };
  'people.relinked': { records: number; persons: number; reviewsQueued: number; modelId: string | null };
  'linkage.model_fitted': { modelId: string; heldCount: number; reason: string };
  'link_review.decided': {
    reviewId: string;
    decision: 'confirmed' | 'rejected';
    reason: string;
    decisionId: string;
    moved: number;
  };
  'link_review.undone': {
    reviewId: string;
    decisionId: string;
    undoesDecisionId: string;
    reason: string;
    restored: number;
  };
  // Agency feeds (domain/feeds): counts only, never a value from the file.
  'ingest.started': { runId: string; feed: string; organisationId: string; recordKind: string };
  'ingest.batch_written': IngestCounts & { runId: string; batch: number };
  'ingest.finished': IngestCounts & { runId: string; status: 'completed' | 'failed' };
  /** The list of records waiting for identity: references and agency person ids, never values. */
  'ingest.waiting_listed': { organisationId: string | null; feed: string | null; returned: number };
  /**
   * An agency record erased with all its versions (records/erase-record.ts; subject: the record).
   * Ids, the ground and the controller's reference only: never what the record said.
   */
  'record.erased': {
    organisationId: string;
    externalId: string;
    versions: number;
    ground: string;
    requestReference: string | null;
    /** Rows made from the record that went with it (addresses, relationships, identifiers). */
    derived: { addresses: number; relationships: number; identity: boolean };
  };
}

export interface IngestCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  flagged: number;
  /** Records kept whose person's details had not arrived (feeds/ingest-feed.ts). */
  waitingForIdentity: number;
  /** Rows naming an item its organisation erased: refused, never loaded again (UK GDPR Art 17). */
  erasedNotReloaded: number;
}

// policy: why a read of subject data answered "not found" (the caller cannot tell these apart;
// the audit log can, so a DPO sees refusals for what they were).
export type AccessDeniedReason =
  'no_such_subject' | 'nothing_disclosable' | 'role_not_permitted' | 'system_actor' | 'rate_limited';

/**
 * Why one (holder, field group) the subject has records in was not shown: the decision's own
 * reason (policy/access-decision.ts), or, where no flow in force covers it, the state of the
 * agreement that would (suspended, expired, terminated...). Organisation ids and agreement
 * references only: never a value from the records.
 */
export interface WithheldPair {
  readonly organisationId: string;
  readonly fieldGroup: string;
  readonly reason: string;
  /** References of the agreements the reason is about (none for no_agreement). */
  readonly agreements: readonly string[];
}

export interface AgreementRelied {
  readonly agreementId: string;
  readonly reference: string;
  readonly version: number;
  readonly flowId: string;
}

export interface GrantRelied {
  readonly grantId: string;
  readonly kind: 'disclosure' | 'break_glass';
  readonly sourceId: string | null;
  readonly setAsideLimitIds: readonly string[];
}

export type AuditAction = keyof AuditDetailsByAction;
export type AuditOutcome = 'success' | 'failure' | 'denied';

export const auditActions = [
  'session.signed_in',
  'session.sign_in_failed',
  'session.account_locked',
  'session.signed_out',
  'session.organisation_switched',
  'user.password_changed',
  'user.password_change_failed',
  'partnership.created',
  'organisation.created',
  'organisation.contact_point_set',
  'user.created',
  'membership.added',
  'membership.ended',
  'membership.refused',
  'membership.grants_listed',
  'access.denied',
  'access.anomaly',
  'access.granted',
  'access.grant_revoked',
  'access.limited',
  'access.limit_lifted',
  'alert.raised',
  'break_glass.used',
  'break_glass.refused',
  'break_glass.reviews_listed',
  'break_glass.reviewed',
  'consent.recorded',
  'consent.withdrawn',
  'alert.acknowledged',
  'alert.emailed',
  'subject.viewed',
  'subject.searched',
  'subject.exported',
  'audit.searched',
  'audit.verified',
  'audit.checkpoint_created',
  'demo.seeded',
  // Legal gateway catalogue (domain/gateways)
  'gateway_catalogue.installed',
  'gateway_catalogue.imported',
  'gateway_catalogue.exported',
  // Agreements (domain/agreements).
  'agreement.created',
  'agreement.draft_updated',
  'agreement.flow_added',
  'agreement.flow_updated',
  'agreement.flow_removed',
  'agreement.submitted',
  'agreement.signed',
  'agreement.activated',
  'agreement.amended',
  'agreement.suspended',
  'agreement.resumed',
  'agreement.terminated',
  'agreement.review_due',
  'demo.agreements_seeded',
  // Person linkage (domain/people).
  'person.linked',
  'people.relinked',
  'linkage.model_fitted',
  'link_review.decided',
  'link_review.undone',
  // Agency feeds (domain/feeds).
  'ingest.started',
  'ingest.batch_written',
  'ingest.finished',
  'ingest.waiting_listed',
  // Requests for information (domain/requests).
  'request.timescales_set',
  'request.created',
  'request.viewed',
  'request.inbox_listed',
  'request.clarification_requested',
  'request.clarification_given',
  'request.verification_requested',
  'request.verification_given',
  'request.refused',
  'request.withdrawn',
  'request.answered',
  // Records (domain/records).
  'record.erased',
  // Decisions to share (domain/decisions).
  'decision.recorded',
  'decision.viewed',
] as const satisfies readonly AuditAction[];

// Compile-time proof that the runtime list names every action.
type MissingActions = Exclude<AuditAction, (typeof auditActions)[number]>;
const _everyActionListed: MissingActions extends never ? true : false = true;
void _everyActionListed;
