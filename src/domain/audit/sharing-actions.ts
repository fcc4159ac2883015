/**
 * The audit details of sharing itself (issue 16): decisions to share, requests between agencies,
 * consents, break-glass and alerts. Kept apart from actions.ts only for size; the union of every
 * action is still AuditDetailsByAction there.
 */
export interface SharingAuditDetails {
  /**
   * A consent recorded or withdrawn (domain/consent). The subject is the holder's first agency
   * person for the child; ids and scope only, never the giver's name or the evidence's text.
   */
  'consent.recorded': {
    consentId: string;
    holderOrganisationId: string;
    subjectIds: readonly string[];
    givenBy: 'child' | 'person_with_parental_responsibility';
    organisationIds: readonly string[];
    purposes: readonly string[];
    fieldGroups: readonly string[];
    lawfulBasis: 'consent' | 'engagement';
    expiresAt: string;
  };
  'consent.withdrawn': {
    consentId: string;
    holderOrganisationId: string;
    withdrawnBy: 'child' | 'person_with_parental_responsibility';
    /** The organisations told (alert consent_withdrawn to their data protection officers). */
    notifiedOrganisationIds: readonly string[];
  };
  /** An alert raised for a user or a role in an organisation (alerts/raise-alert.ts). */
  'alert.raised': {
    alertId: string;
    kind: string;
    recipientOrganisationId: string;
    recipientUserId: string | null;
    recipientRole: string | null;
    sourceType: string;
    sourceId: string;
  };
  /**
   * A break-glass (break-glass/break-glass.ts; subject: the person): ids, the reason code, the
   * holders alerted and the limits set aside. Never the reason's own words: they stay in the
   * break_glass row for the reviewers, since free text may name people and the log is forever.
   */
  'break_glass.used': {
    breakGlassId: string;
    grantId: string;
    reasonCode: string;
    holderOrganisationIds: readonly string[];
    setAsideLimitIds: readonly string[];
    expiresAt: string;
  };
  /** A break-glass refused before anything was granted (the person's id is the subject). */
  'break_glass.refused': {
    reason: 'rate_limited' | 'role_not_permitted' | 'no_such_person';
    retryAfterSeconds?: number;
  };
  'break_glass.reviews_listed': { organisationId: string; returned: number };
  /** One holder's review of a break-glass; the reviewer's notes stay in the review row. */
  'break_glass.reviewed': { breakGlassId: string; organisationId: string; outcome: string };
  /** A recipient acknowledged an alert (alerts/acknowledge-alert.ts). */
  'alert.acknowledged': { alertId: string; kind: string; late: boolean };
  /** An email said there is something to see (alerts/email-alert.ts): whom, never what. */
  'alert.emailed': { alertId: string; recipientUserIds: readonly string[] };
  // Requests for information (domain/requests). The child's identity details stay in the request,
  // never in the log; the request id is the event's subject.
  'request.timescales_set': { red: string; amber: string; green: string; escalateAtShare: number };
  'request.created': {
    rag: string;
    purpose: string;
    gatewayId: string;
    /** Each agency asked, with its clock's due instant (ISO). */
    partnerChecks: readonly { organisationId: string; dueAt: string | null }[];
  };
  /** A request read by its requester's organisation or an asked one. */
  'request.viewed': { side: 'requester' | 'responder'; checks: number };
  /** An inbox listed: the view and how many checks it returned, never the children named. */
  'request.inbox_listed': { view: string; rag: string | null; returned: number };
  /** A check's clock stopped or started again, or the check refused: never the words exchanged. */
  'request.clarification_requested': RequestCheckChange;
  'request.clarification_given': RequestCheckChange;
  'request.verification_requested': RequestCheckChange;
  'request.verification_given': RequestCheckChange;
  'request.refused': RequestCheckChange & { reasons: readonly string[] };
  'request.withdrawn': { organisationIds: readonly string[] };
  /** A check answered by a decision record (requests/mark-check-answered.ts). */
  'request.answered': { organisationId: string; decisionId: string; onTime: boolean };
  /**
   * A decision to share or not to share recorded (decisions/record-decision.ts), in the shape of
   * IHE BALP's "disclosure at source": who disclosed (source), to whom (recipient), about whom
   * (patient), which field groups, on what basis, with the purpose as the event's purpose. Ids
   * and codes only: the reasons stay in the decision record.
   */
  'decision.recorded': {
    pattern: 'disclosure_at_source';
    decisionId: string;
    version: number;
    kind: 'original' | 'correction' | 'reopening';
    previousId: string | null;
    decision: 'share' | 'not_share';
    source: { organisationId: string; userId: string };
    recipient: { organisationId: string } | null;
    patient: { personId: string; agencyPersonIds: readonly string[] };
    fieldGroups: readonly string[];
    lawfulBasis: readonly string[];
    grantId: string | null;
    expiresAt: string | null;
    outsideAgreements: boolean;
    requestId: string | null;
    recommendation: string | null;
    followedRecommendation: boolean | null;
  };
  /** Decision records about a child read by a party to them (one, a list, or the disclosures). */
  'decision.viewed': {
    view: 'decision' | 'decisions' | 'disclosures' | 'chronology';
    decisionIds: readonly string[];
  };
}

export interface RequestCheckChange {
  organisationId: string;
  status: string;
  dueAt: string | null;
}
