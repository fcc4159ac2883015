import type { OrganisationType, Role } from '../partnership/roles.ts';

/**
 * Who in an asked organisation is told that a request arrived: the people who answer there. A
 * school's designated safeguarding lead (KCSIE 2025: the DSL is the school's point of contact
 * for children's social care and the police); everywhere else the agency's front door (the
 * police MASH desk, the health safeguarding team in the MASH, the council's front door). Any
 * holder of answer_requests in the organisation may answer (capabilities.ts); this is only
 * whom the alert is addressed to.
 */
export function requestRecipientRole(type: OrganisationType): Role {
  return type === 'school' ? 'designated_safeguarding_lead' : 'front_door_officer';
}

/** Escalation goes to the responder's manager (issue 16 point 4). */
export const escalationRecipientRole: Role = 'team_manager';
