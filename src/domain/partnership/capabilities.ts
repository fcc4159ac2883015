import type { Actor } from '../shared/actor.ts';
import type { Role } from './roles.ts';

/**
 * What each role may do in the administration of the partnership itself. Access to subject data
 * is decided by the policy module from agreements, never from this table.
 */
export type Capability =
  // The partnership's organisations: add them, list them.
  | 'manage_partnership'
  // People: create users, grant and end roles. Which roles, and where, is decided by the role's
  // level (role-grants.ts), not only by this capability's scope.
  | 'manage_users'
  // The register of role grants and ends in an organisation (UK GDPR Arts 32, 39(1)(b)).
  | 'read_role_grants'
  | 'read_audit'
  | 'verify_audit'
  // No capability replaces the legal gateway catalogue: it is national law shared by every
  // partnership, so only the platform (the operator's command line) may (domain/gateways).
  // Agreements (domain/agreements): read by every member, since agreements are transparency
  // documents; put forward as drafts by administrators and DPOs; governed (edited, submitted,
  // amended, suspended, resumed, terminated) by the parties' administrators and DPOs; signed by
  // the parties' signatories.
  | 'read_agreements'
  | 'draft_agreements'
  | 'manage_agreements'
  | 'sign_agreements'
  // Person linkage review (domain/people): deciding whether two agency records are one person.
  | 'review_links'
  // Agency feeds (domain/feeds): loading an organisation's records and reading its ingest reports.
  | 'ingest_feeds'
  // Requests for information (domain/requests): asking partner agencies about a child for a
  // purpose, on the partnership's RAG clocks, in the name of one's own organisation.
  | 'make_requests'
  // Answering the partner checks put to one's own organisation: asking the requester to clarify
  // or to verify who they are, refusing with reasons, answering by a decision record.
  | 'answer_requests'
  // The manager's inbox: the organisation's checks past their escalation point or overdue.
  | 'oversee_requests'
  // Erasing one of the organisation's records, with its versions, leaving a tombstone
  // (records/erase-record.ts; UK GDPR Art 17).
  | 'erase_records'
  // An organisation's directory entry, the contact point partners call about a child when no
  // record names a lead worker (organisation-contact-point.ts).
  | 'manage_directory_entry'
  // The retrospective review of break-glasses on children whose records the organisation holds
  // (domain/break-glass): its DPO and Caldicott guardian (Caldicott principle 8, UK GDPR Art
  // 39(1)(b)). Who may break glass is the policy's (role-purposes.ts breakGlassRoles).
  | 'review_break_glass'
  // Recording a consent to share the organisation's records about a child, and its withdrawal
  // (domain/consent): the practitioners who work with the family and seek it.
  | 'record_consent';

/**
 * Over what a capability reaches (DESIGN.md rule 4: capabilities carry a scope).
 * - organisation: the organisation of the membership the actor acts through, and no other;
 * - partnership: every organisation of the actor's partnership, and the partnership as a whole;
 * - platform: every partnership; only the platform operator (a system actor: the command line,
 *   the demo seed, scheduled work) holds it, never a signed-in user.
 */
export type Scope = 'organisation' | 'partnership' | 'platform';

type Grants = Partial<Record<Capability, Scope>>;

/**
 * Who signs an agreement for a party: a person with authority to commit the organisation.
 * - team_manager: the manager holding delegated authority for the service (a partnership may
 *   map its heads of service and directors to this role);
 * - caldicott_guardian: approves sharing of confidential health and care information (Caldicott
 *   principles; NHS and council social care);
 * - designated_safeguarding_lead: for a school, a member of its senior leadership team (Keeping
 *   Children Safe in Education), so able to commit the school.
 * The data protection officer drafts and monitors agreements but does not sign them: the DPO
 * advises the controller and must not decide its purposes and means (UK GDPR Arts 38(6), 39).
 *
 * Every agreement act that changes one (edit a draft, change its flows, submit, amend, suspend,
 * resume, terminate) and every signature is scoped to the actor's own organisation, which must
 * be a party: each party is a controller answerable for its own sharing (UK GDPR Arts 5(2),
 * 24, 26), so no other organisation's staff may commit or stop it.
 */
export const roleCapabilities = {
  // Who answers a partner check (answer_requests, own organisation only): the people who decide
  // to share in each agency. Information sharing advice 2024 (DOMAIN.md section 3) puts the
  // decision with the practitioner holding the information, with advice from their manager or
  // designated safeguarding professional; in a MASH the agency's front door (police MASH desk,
  // health safeguarding team) answers; in a school the designated safeguarding lead does (KCSIE
  // 2025 paras 103-110); the team manager answers too, and oversees (oversee_requests) the
  // checks past their escalation point, since escalation goes to the responder's manager.
  // DPOs, Caldicott guardians and administrators advise or administer; they do not answer.
  practitioner: {
    read_agreements: 'partnership',
    make_requests: 'organisation',
    answer_requests: 'organisation',
    record_consent: 'organisation',
  },
  designated_safeguarding_lead: {
    read_agreements: 'partnership',
    sign_agreements: 'organisation',
    make_requests: 'organisation',
    record_consent: 'organisation',
    answer_requests: 'organisation',
  },
  front_door_officer: {
    read_agreements: 'partnership',
    make_requests: 'organisation',
    record_consent: 'organisation',
    answer_requests: 'organisation',
  },
  team_manager: {
    read_agreements: 'partnership',
    sign_agreements: 'organisation',
    make_requests: 'organisation',
    record_consent: 'organisation',
    answer_requests: 'organisation',
    oversee_requests: 'organisation',
  },
  // UK GDPR Art 39(1)(b): the DPO monitors compliance, which needs the access log and the
  // register of who was given which role in their organisation, by whom (Art 32(1)(b), (4):
  // access to personal data only by people the controller authorised).
  data_protection_officer: {
    read_audit: 'partnership',
    verify_audit: 'partnership',
    read_role_grants: 'organisation',
    read_agreements: 'partnership',
    draft_agreements: 'organisation',
    manage_agreements: 'organisation',
    // UK GDPR Arts 17, 39(1)(a): the DPO handles the organisation's erasure requests for the
    // controller, and only for records their own organisation holds: each agency is the
    // controller of what it loaded (Art 24), so no other partner may erase it.
    erase_records: 'organisation',
    review_break_glass: 'organisation',
  },
  // Caldicott principle 8 / NHS guidance: the guardian oversees access to health information.
  caldicott_guardian: {
    read_audit: 'partnership',
    verify_audit: 'partnership',
    read_agreements: 'partnership',
    sign_agreements: 'organisation',
    review_break_glass: 'organisation',
  },
  // One organisation's administrator: its people, its agreements and its feeds, nothing beyond.
  // A role of its own because each partner is a separate controller (UK GDPR Art 24): who works
  // for the police, with which role, and what the police load into Tessera are the police's
  // decisions, which a partnership-wide administrator must not be able to take for them (issue
  // 13: a partnership administrator made himself a police officer). The platform operator
  // creates each organisation's first administrator; that administrator grants roles within
  // the organisation only. Like every administrator it reads no child's record (role-purposes).
  // ingest_feeds: each agency is the controller of the records it loads and must be able to
  // show that its processing is lawful and accurate (Arts 5(2), 24), so only its own data
  // manager loads its feeds.
  organisation_admin: {
    manage_users: 'organisation',
    read_agreements: 'partnership',
    draft_agreements: 'organisation',
    manage_agreements: 'organisation',
    ingest_feeds: 'organisation',
    manage_directory_entry: 'organisation',
  },
  // The partnership's business unit, hosted by one partner (usually the council): it manages
  // the partnership's organisations, grants partnership-level roles, puts agreements forward
  // for any partners (a draft binds nobody: only the parties can edit, submit and sign it), and
  // its data quality officers review doubtful matches: the reviewer must see both records'
  // identity, and UK GDPR Art 5(1)(d) (accuracy) is theirs to keep; the DPO monitors these
  // decisions in the audit log but does not make them (Art 38(6)). Inside its host
  // organisation it also governs that organisation's agreements and loads its feeds, as its
  // data manager: organisation scope, so never another partner's. A partnership administrator
  // may not load a police feed: the police are the controller accountable for what is loaded
  // as theirs (Arts 5(2), 24), and a fabricated incident in their name would be a record they
  // never made.
  partnership_admin: {
    manage_partnership: 'partnership',
    manage_users: 'partnership',
    verify_audit: 'partnership',
    read_agreements: 'partnership',
    draft_agreements: 'partnership',
    manage_agreements: 'organisation',
    review_links: 'partnership',
    ingest_feeds: 'organisation',
    // The partnership's directory of partners is the business unit's to keep: Working Together
    // 2023 expects partners to have clear arrangements for sharing, which start with whom to call.
    manage_directory_entry: 'partnership',
  },
  // The platform operator's administrator in a partnership, created only by the operator
  // (role-grants.ts). It loads any partner's feeds as the operator does, a processor acting on
  // each controller's documented instructions (UK GDPR Art 28(3)(a)), and grants no roles.
  system_admin: {
    manage_partnership: 'partnership',
    read_audit: 'partnership',
    verify_audit: 'partnership',
    read_agreements: 'partnership',
    ingest_feeds: 'partnership',
  },
} as const satisfies Record<Role, Grants>;

/** What a capability is asked over: the partnership as a whole, one organisation, or any of several. */
export type Target =
  | { readonly over: 'partnership' }
  | { readonly over: 'organisation'; readonly organisationId: string }
  /** An agreement: the actor must reach one of its parties. */
  | { readonly over: 'any_of'; readonly organisationIds: readonly string[] };

export const partnershipWide: Target = { over: 'partnership' };
export const overOrganisation = (organisationId: string): Target => ({
  over: 'organisation',
  organisationId,
});
export const overAnyOf = (organisationIds: readonly string[]): Target => ({
  over: 'any_of',
  organisationIds,
});

/** The scope in which the actor holds the capability, or undefined if it does not hold it. */
export function scopeOf(actor: Actor, capability: Capability): Scope | undefined {
  if (actor.kind === 'system') return 'platform';
  return (roleCapabilities[actor.role] as Grants)[capability];
}

/** The capabilities a role holds, for the session (the web app hides what the server refuses). */
export function capabilitiesOf(role: Role): Capability[] {
  return Object.keys(roleCapabilities[role]) as Capability[];
}

/** May this actor do this over this target? Pure; `authorise` audits a refusal. */
export function can(actor: Actor, capability: Capability, target: Target): boolean {
  const scope = scopeOf(actor, capability);
  if (scope === undefined) return false;
  if (scope !== 'organisation') return true;
  if (actor.kind !== 'user') return false;
  switch (target.over) {
    case 'partnership':
      return false;
    case 'organisation':
      return target.organisationId === actor.organisationId;
    case 'any_of':
      return target.organisationIds.includes(actor.organisationId);
  }
}

/** A target as one line for the audit event of a refusal. */
export function describeTarget(target: Target): string {
  switch (target.over) {
    case 'partnership':
      return 'partnership';
    case 'organisation':
      return `organisation:${target.organisationId}`;
    case 'any_of':
      return `any_of:${target.organisationIds.join(',')}`;
  }
}
