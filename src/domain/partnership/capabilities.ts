import type { Actor } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import type { Role } from './roles.ts';

/**
 * What each role may do in the administration of the partnership itself. Access to subject data
 * is decided by the policy module from agreements, never from this table.
 */
export type Capability =
  | 'manage_partnership'
  | 'read_audit'
  | 'verify_audit'
  // No capability replaces the legal gateway catalogue: it is national law shared by every
  // partnership, so only the platform (the operator's command line) may (domain/gateways).
  // Agreements (domain/agreements): read by every member, since agreements are transparency
  // documents; drafted and governed by administrators and DPOs; signed by signatories.
  | 'read_agreements'
  | 'manage_agreements'
  | 'sign_agreements'
  // Person linkage review (domain/people): deciding whether two agency records are one person.
  | 'review_links'
  // Agency feeds (domain/feeds): loading an organisation's records and reading its ingest reports.
  // The partnership administrator acts as each organisation's data manager for its own
  // organisation; the system administrator for any organisation of the partnership.
  | 'ingest_feeds';

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
 */
export const roleCapabilities = {
  practitioner: ['read_agreements'],
  designated_safeguarding_lead: ['read_agreements', 'sign_agreements'],
  front_door_officer: ['read_agreements'],
  team_manager: ['read_agreements', 'sign_agreements'],
  // UK GDPR Art 39(1)(b): the DPO monitors compliance, which needs the access log.
  data_protection_officer: ['read_audit', 'verify_audit', 'read_agreements', 'manage_agreements'],
  // Caldicott principle 8 / NHS guidance: the guardian oversees access to health information.
  caldicott_guardian: ['read_audit', 'verify_audit', 'read_agreements', 'sign_agreements'],
  // The partnership's data quality officers work under its administration (business support
  // and information teams), so they review doubtful matches as partnership administrators: the
  // reviewer must see both records' identity, and UK GDPR Art 5(1)(d) (accuracy) is theirs to
  // keep. The DPO monitors these decisions in the audit log but does not make them (Art 38(6)).
  partnership_admin: [
    'manage_partnership',
    'verify_audit',
    'read_agreements',
    'manage_agreements',
    'review_links',
    'ingest_feeds',
  ],
  system_admin: ['manage_partnership', 'read_audit', 'verify_audit', 'read_agreements', 'ingest_feeds'],
} as const satisfies Record<Role, readonly Capability[]>;

export function can(actor: Actor, capability: Capability): boolean {
  if (actor.kind === 'system') return true;
  return (roleCapabilities[actor.role] as readonly Capability[]).includes(capability);
}

/**
 * Throws not_found rather than "forbidden": a user without the capability learns nothing about
 * what exists behind it (DESIGN.md rule 2). The caller audits the denial.
 */
export function assertCan(actor: Actor, capability: Capability): void {
  if (!can(actor, capability)) throw new DomainError('not_found', 'The page was not found');
}
