import type { FieldGroup } from '../policy/field-groups.ts';

/**
 * The kinds of item agency feeds deliver (issue 4), with the field group each belongs to unless
 * a feed's mapping says otherwise, and the payload keys the single view reads. Every payload is
 * a JSON object of the mapped columns; the keys below are the ones with meaning across agencies.
 * Each mapped item also carries whether it is fact or opinion (DOMAIN.md 2.5): the record's
 * fact_or_opinion is 'opinion' if any item in it is, and payload.opinionFields lists them.
 * Any kind may also carry `recordedDate`, the day the agency itself recorded the item (mapped
 * from the agency's own column); the chronology shows it as "Recorded", never the load time.
 */
export const recordKinds = {
  person_details: {
    group: 'identity',
    keys: ['firstName', 'middleNames', 'lastName', 'dob', 'sex', 'nhsNumber', 'upn'],
  },
  address: { group: 'contact', keys: ['address', 'postcode', 'fromDate', 'toDate'] },
  relationship: {
    group: 'family_household',
    keys: ['relatedPersonId', 'relationship', 'fromDate', 'toDate'],
  },
  involvement: {
    group: 'social_care_involvement',
    keys: ['involvement', 'startDate', 'endDate', 'lastContactDate'],
  },
  // Whom to call (what practitioners most want first), in the lead_contact group of its own so
  // an agreement can give it with the flag and nothing of the involvement (the CP-IS model).
  lead_contact: {
    group: 'lead_contact',
    keys: ['leadPractitioner', 'leadPractitionerRole', 'leadPractitionerPhone', 'leadPractitionerEmail'],
  },
  school_enrolment: { group: 'education', keys: ['school', 'yearGroup', 'startDate', 'endDate'] },
  school_attendance: {
    group: 'attendance_exclusions',
    keys: ['term', 'attendancePercent', 'unauthorisedSessions'],
  },
  school_exclusion: {
    group: 'attendance_exclusions',
    keys: ['exclusionType', 'startDate', 'days', 'reason'],
  },
  police_incident: { group: 'police_incidents', keys: ['incidentType', 'summary', 'reference'] },
  health_contact: { group: 'physical_health', keys: ['contactType', 'summary', 'setting'] },
  youth_justice_order: { group: 'youth_justice', keys: ['order', 'startDate', 'endDate', 'caseWorker'] },
  housing: { group: 'housing', keys: ['tenure', 'status', 'summary'] },
} as const satisfies Record<string, { group: FieldGroup; keys: readonly string[] }>;
export type RecordKind = keyof typeof recordKinds;

/**
 * Involvements (payload.involvement) that make a flag on the child's summary. A child protection
 * plan, being looked after and an unborn-baby plan are carried in the child_protection_status
 * group, which some agreements disclose as "a record exists" on its own (the NHS CP-IS flag).
 */
export const involvementTypes = [
  'early_help',
  'child_in_need',
  'child_protection_plan',
  'looked_after',
  'unborn_baby_plan',
] as const;
export type InvolvementType = (typeof involvementTypes)[number];
export const flagInvolvements: readonly InvolvementType[] = [
  'child_protection_plan',
  'looked_after',
  'unborn_baby_plan',
];
