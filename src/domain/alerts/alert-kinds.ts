import { z } from 'zod';
import { roles } from '../partnership/roles.ts';

/**
 * Every kind of alert with the shape of its content: a closed catalogue, so an alert nobody
 * designed cannot be raised, and its content is checked before it is written (STYLE.md
 * practice 6). Content is the minimum a recipient needs to act and never a child's name or a
 * record's text: an alert can be read on a shared screen, and it is pushed, not asked for, so it
 * carries only what the recipient would see anyway (UK GDPR Art 5(1)(c), 5(1)(f)). The child is
 * the alert's subject, opened through the chokepoint.
 */
const instant = z.iso.datetime({ offset: true });
const organisationRef = z.strictObject({ organisationId: z.uuid(), name: z.string().min(1).max(200) });
/** An agency feed may give only the day of a contact or an incident, not its time. */
const instantOrDay = z.union([instant, z.iso.date()]);

export const alertKinds = {
  /**
   * A child with a child protection plan, looked after, or the mother of an unborn baby on a plan
   * had a contact with another agency: the lead practitioner is told which agency, when and what
   * kind of contact (CP-IS: NHS England, Child Protection – Information Sharing).
   */
  contact_with_flagged_child: z.strictObject({
    flag: z.enum(['child_protection_plan', 'looked_after', 'unborn_baby_plan']),
    contactBy: organisationRef,
    contactKind: z.enum(['emergency_department_attendance', 'unscheduled_care', 'police_incident']),
    contactAt: instantOrDay,
  }),
  /**
   * A police domestic abuse incident with a child present, for the designated safeguarding lead of
   * the child's school before the next school day starts (Operation Encompass; Children's
   * Wellbeing and Schools Act 2025 / KCSIE 2025 para 117).
   */
  operation_encompass: z.strictObject({
    reportedBy: organisationRef,
    incidentAt: instantOrDay,
    schoolDay: z.iso.date(),
  }),
  /**
   * An Operation Encompass notice was not acknowledged by the start of the school day it was due
   * for: the school's senior leader (the team_manager role of the school) makes sure the DSL or a
   * deputy acts on it (KCSIE 2025 paras 103-104: the DSL role may be covered by deputies, and
   * the headteacher and governing body answer for the school's safeguarding arrangements).
   */
  operation_encompass_unacknowledged: z.strictObject({
    alertId: z.uuid(),
    reportedBy: organisationRef,
    incidentAt: instantOrDay,
    acknowledgeBy: instant,
  }),
  /**
   * Someone broke the glass on a child whose records this organisation holds: its data protection
   * officer and Caldicott guardian review it (DOMAIN.md 7; Caldicott principle 8).
   */
  break_glass_used: z.strictObject({
    breakGlassId: z.uuid(),
    by: organisationRef,
    reasonCode: z.string().min(1).max(80),
    at: instant,
    expiresAt: instant,
  }),
  /**
   * A disclosure no agreement in force covers: both organisations' data protection officers decide
   * whether an agreement is needed (ICO data sharing code, "one-off sharing").
   */
  disclosure_outside_agreements: z.strictObject({
    decisionId: z.uuid(),
    from: organisationRef,
    to: organisationRef,
    fieldGroups: z.array(z.string().min(1)).min(1),
    at: instant,
  }),
  /**
   * Consent on which an earlier disclosure rested was withdrawn: the recipient must stop relying
   * on it (UK GDPR Art 7(3)).
   */
  consent_withdrawn: z.strictObject({
    consentId: z.uuid(),
    holder: organisationRef,
    withdrawnAt: instant,
  }),
  /** A request for information reached its escalation point or its deadline unanswered. */
  request_escalated: z.strictObject({
    requestId: z.uuid(),
    stage: z.enum(['escalation', 'breach']),
    rag: z.enum(['red', 'amber', 'green']),
    dueAt: instant,
  }),
  /** A request for information arrived for this organisation to answer. */
  request_received: z.strictObject({
    requestId: z.uuid(),
    from: organisationRef,
    rag: z.enum(['red', 'amber', 'green']),
    dueAt: instant.nullable(),
  }),
} as const satisfies Record<string, z.ZodType>;

export type AlertKind = keyof typeof alertKinds;
export type AlertContent<K extends AlertKind> = z.output<(typeof alertKinds)[K]>;

export const alertRecipientRoles = roles;
