import type { OrganisationType, Role } from '../partnership/roles.ts';
import { purposeOrganisationTypes, purposes, type Purpose } from './purposes.ts';

/**
 * The purposes each role may act for, as data (DESIGN.md rule 4). This is the first gate of every
 * access decision: a role that may not act for a purpose sees nothing for it, whatever the
 * agreements say, because purpose limitation (UK GDPR Art 5(1)(b)) binds the person as well as
 * the organisation. Agreements then decide which organisation's data reaches which organisation;
 * this table never widens what an agreement allows. Keyed by the closed Role union, so a new role
 * fails to compile until someone decides what it may do (STYLE.md practice 2).
 */
export const rolePurposes = {
  // Social workers, police officers, health and education staff doing casework. Working Together
  // to Safeguard Children 2023 has a social worker lead child in need assessments (CA1989 s17)
  // and s47 enquiries, with police and health contributing to strategy discussions, enquiries
  // and conferences; looked-after children have a social worker (CA1989 s22). Early help
  // practitioners work with families' agreement (CA2004 s10). Screening at the front door,
  // Operation Encompass notices and the partnership's own reviews belong to other roles.
  practitioner: [
    'early_help',
    'child_in_need_assessment',
    'strategy_discussion',
    's47_enquiry',
    'child_protection_conference',
    'looked_after_care',
  ],
  // A school's designated safeguarding lead (Keeping Children Safe in Education, Annex C):
  // refers and contributes to early help and to assessments, is invited to strategy discussions
  // when the school referred, attends and reports to child protection conferences, and is the
  // key adult who receives Operation Encompass notices before the next school day. The DSL does
  // not conduct s47 enquiries (the council does) or look after a child in care (the designated
  // teacher and the social worker do).
  designated_safeguarding_lead: [
    'early_help',
    'child_in_need_assessment',
    'strategy_discussion',
    'child_protection_conference',
    'operation_encompass',
  ],
  // MASH staff screen contacts with partner checks and feed the strategy discussion that
  // decides whether s47 enquiries start (DOMAIN.md section 6). Once enquiries start, the case
  // leaves the front door for a social work team.
  front_door_officer: ['front_door_screening', 'strategy_discussion'],
  // Team managers convene strategy discussions, authorise s47 enquiries and conferences, RAG-rate
  // contacts at the front door ("by a qualified social work manager", DOMAIN.md section 6) and
  // supervise their practitioners' casework. Agency managers are also the people partnerships
  // nominate for multi-agency case audits and rapid reviews (CA2004 s16E arrangements, s16F
  // reviews), so those two partnership purposes sit here rather than with a separate role.
  team_manager: [
    'early_help',
    'child_in_need_assessment',
    'front_door_screening',
    'strategy_discussion',
    's47_enquiry',
    'child_protection_conference',
    'looked_after_care',
    'learning_review',
    'multi_agency_audit',
  ],
  // The DPO monitors compliance and advises (UK GDPR Art 39) and must be free of conflicting
  // tasks (Art 38(6)); acting on children's cases would be one. Oversight comes from the audit
  // log (partnership/capabilities.ts), which shows who saw what, never the records themselves.
  data_protection_officer: [],
  // The Caldicott guardian advises on and approves uses of confidential health information
  // (Caldicott principles 1 to 8); approving a disclosure is not a reason to read the record,
  // and principle 4 (need-to-know access) argues against a standing right. Audit log only.
  caldicott_guardian: [],
  // Administrators administer the partnership (organisations, users, memberships): they do not
  // read children's records, so a compromised admin account discloses nothing about a child.
  // An organisation's administrator is no exception: administering its people and feeds is
  // not casework (UK GDPR Art 5(1)(b), (c)).
  organisation_admin: [],
  partnership_admin: [],
  system_admin: [],
} as const satisfies Record<Role, readonly Purpose[]>;

// emergency is absent from every role: no one reads for it by standing right. It is reachable only
// through a live break-glass grant of the reader (visibility.ts), which the roles below may make.

/**
 * Who may break glass (domain/break-glass): the people doing casework who may meet a child at
 * risk of death or serious harm out of hours, when the agreement that would carry what they need
 * is not in force for them. Not administrators: they read no child's record (above), and an
 * administrator's account is the one an attacker wants. Not the DPO nor the Caldicott guardian:
 * they review every break-glass afterwards, and a reviewer who could break glass would review
 * their own kind of act (UK GDPR Art 38(6), no conflict of tasks; Caldicott principle 8).
 */
export const breakGlassRoles = [
  'practitioner',
  'designated_safeguarding_lead',
  'front_door_officer',
  'team_manager',
] as const satisfies readonly Role[];

export function mayBreakGlass(role: Role): boolean {
  return (breakGlassRoles as readonly Role[]).includes(role);
}

// s16h_request is deliberately absent: under CA2004 s16H the safeguarding partners require a
// person or body to supply information, so it is answered by the holder through the requests
// module, not read by a role of the requester for casework.

const purposeBit = new Map<Purpose, number>(purposes.map((p, i) => [p, 1 << i]));

/** Per role, a bitmask of its purposes: the hot path asks it once per decision. */
const roleMasks = new Map<Role, number>(
  Object.entries(rolePurposes).map(([role, list]) => [
    role as Role,
    (list as readonly Purpose[]).reduce((mask, p) => mask | purposeBit.get(p)!, 0),
  ]),
);

/** Per organisation type, a bitmask of the purposes its staff act for (purposes.ts). */
const organisationMasks = new Map<OrganisationType, number>();
for (const [purpose, types] of Object.entries(purposeOrganisationTypes) as [
  Purpose,
  readonly OrganisationType[],
][])
  for (const type of types)
    organisationMasks.set(type, (organisationMasks.get(type) ?? 0) | purposeBit.get(purpose)!);

/** Whether a role may act for a purpose anywhere: the decision's own first gate (decide-access.ts). */
export function mayActFor(role: Role, purpose: Purpose): boolean {
  return ((roleMasks.get(role) ?? 0) & (purposeBit.get(purpose) ?? 0)) !== 0;
}

/**
 * Whether this role, in an organisation of this type, may act for a purpose: the gate every read
 * passes (policy-access.ts) and what the purpose pickers offer. Both tables must agree.
 */
export function mayActForAs(
  actor: { readonly role: Role; readonly organisationType: OrganisationType },
  purpose: Purpose,
): boolean {
  const bit = purposeBit.get(purpose) ?? 0;
  return (
    ((roleMasks.get(actor.role) ?? 0) & (organisationMasks.get(actor.organisationType) ?? 0) & bit) !== 0
  );
}

export function purposesOf(role: Role): readonly Purpose[] {
  return rolePurposes[role];
}
