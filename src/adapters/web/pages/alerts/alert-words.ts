import type { InboxAlert } from '../../api-types.ts';
import { formatDate, formatDateTime } from '../../format.ts';

/** An alert in words: what happened, from whom and when; never a name (the alert holds none). */
const flagWords: Record<string, string> = {
  child_protection_plan: 'on a child protection plan',
  looked_after: 'looked after',
  unborn_baby_plan: 'on an unborn-baby plan (the mother)',
};
const contactWords: Record<string, string> = {
  emergency_department_attendance: 'attended an emergency department',
  unscheduled_care: 'attended unscheduled care',
  police_incident: 'was part of a police incident',
};

const when = (value: unknown) =>
  typeof value !== 'string'
    ? ''
    : /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? formatDate(value)
      : formatDateTime(value);
const orgName = (value: unknown) =>
  typeof value === 'object' && value !== null && 'name' in value
    ? String((value as { name: unknown }).name)
    : 'An agency';

export const alertTitles: Record<InboxAlert['kind'], string> = {
  contact_with_flagged_child: 'Contact with a flagged child',
  operation_encompass: 'Operation Encompass notice',
  operation_encompass_unacknowledged: 'Operation Encompass notice not acknowledged',
  break_glass_used: 'Break-glass access to your records',
  disclosure_outside_agreements: 'Disclosure outside the agreements',
  consent_withdrawn: 'Consent withdrawn',
  request_escalated: 'Request for information escalated',
  request_received: 'Request for information received',
};

export function alertSummary(alert: InboxAlert): string {
  const c = alert.content;
  switch (alert.kind) {
    case 'contact_with_flagged_child':
      return `A child ${flagWords[String(c.flag)] ?? 'with a flag'} ${contactWords[String(c.contactKind)] ?? 'had a contact'}: ${orgName(c.contactBy)}, ${when(c.contactAt)}.`;
    case 'operation_encompass':
      return `${orgName(c.reportedBy)} attended a domestic abuse incident on ${when(c.incidentAt)} with a pupil present. Read it before school starts on ${when(c.schoolDay)}.`;
    case 'operation_encompass_unacknowledged':
      return `An Operation Encompass notice from ${orgName(c.reportedBy)} was not acknowledged by ${when(c.acknowledgeBy)}. Make sure your designated safeguarding lead or a deputy reads it.`;
    default:
      return 'Open Tessera’s record of it for what to do.';
  }
}
