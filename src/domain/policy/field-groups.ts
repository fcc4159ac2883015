/**
 * Field groups: the unit in which subject data is shared, as data (DESIGN.md rule 4). Every item a
 * feed delivers belongs to exactly one group, and agreements' flows list the groups they carry.
 * Each group has the UK GDPR data category that decides which conditions a flow needs:
 * special category data needs an Art 9 condition (with its DPA 2018 Sched 1 condition) and
 * criminal offence data an Art 10 / Sched 1 condition (DOMAIN.md section 7).
 */
export const dataCategories = ['personal', 'special_category', 'criminal_offence'] as const;
export type DataCategory = (typeof dataCategories)[number];

export const dataCategoryLabels = {
  personal: 'Personal data',
  special_category: 'Special category data (UK GDPR Art 9)',
  criminal_offence: 'Criminal offence data (UK GDPR Art 10)',
} as const satisfies Record<DataCategory, string>;

export const fieldGroups = [
  'identity',
  'contact',
  'family_household',
  'education',
  'attendance_exclusions',
  'special_educational_needs',
  'physical_health',
  'mental_health',
  'sexual_health',
  'social_care_involvement',
  'child_protection_status',
  'lead_contact',
  'police_incidents',
  'domestic_abuse_notifications',
  'youth_justice',
  'housing',
] as const;
export type FieldGroup = (typeof fieldGroups)[number];

export interface FieldGroupDefinition {
  readonly label: string;
  readonly category: DataCategory;
  /** What a practitioner would find in it, shown in agreements and "why can I see this". */
  readonly description: string;
  /**
   * The payload keys an item of this group may show (policy/project-fields.ts): every reader
   * projects each item through its group's list, so a key a feed put in the wrong group, or a
   * key nobody declared, is never shown to anyone (DESIGN.md rule 1).
   */
  readonly fields: readonly string[];
}

export const fieldGroupDefinitions = {
  identity: {
    label: 'Identity',
    category: 'personal',
    description: 'Name, date of birth, sex, NHS number and pupil number',
    fields: ['firstName', 'middleNames', 'lastName', 'dob', 'sex', 'nhsNumber', 'upn'],
  },
  contact: {
    label: 'Contact details',
    category: 'personal',
    description: 'Address, telephone and email',
    fields: ['address', 'postcode', 'city', 'phone', 'email', 'fromDate', 'toDate'],
  },
  family_household: {
    label: 'Family and household',
    category: 'personal',
    description: 'Parents and carers, siblings, and who lives at the address',
    fields: ['relatedPersonId', 'relationship', 'fromDate', 'toDate', 'summary', 'recordedDate'],
  },
  education: {
    label: 'Education',
    category: 'personal',
    description: 'School or setting, year group and enrolment dates',
    fields: ['school', 'yearGroup', 'startDate', 'endDate', 'summary', 'recordedDate'],
  },
  attendance_exclusions: {
    label: 'Attendance and exclusions',
    category: 'personal',
    description: 'Attendance figures, absences, suspensions and exclusions',
    fields: [
      'term',
      'attendancePercent',
      'unauthorisedSessions',
      'exclusionType',
      'startDate',
      'days',
      'reason',
      'summary',
      'recordedDate',
    ],
  },
  // SEN records describe disabilities and health needs, so they are treated as health data.
  special_educational_needs: {
    label: 'Special educational needs',
    category: 'special_category',
    description: 'SEN support, education, health and care plans and the needs they describe',
    fields: ['provision', 'needs', 'startDate', 'endDate', 'summary', 'recordedDate'],
  },
  physical_health: {
    label: 'Physical health',
    category: 'special_category',
    description: 'Emergency department attendances, health visitor contacts, diagnoses and injuries',
    fields: ['contactType', 'contactDate', 'setting', 'summary', 'recordedDate'],
  },
  mental_health: {
    label: 'Mental health',
    category: 'special_category',
    description: 'Mental health services, assessments and self-harm',
    fields: ['contactType', 'contactDate', 'setting', 'summary', 'recordedDate'],
  },
  sexual_health: {
    label: 'Sexual health',
    category: 'special_category',
    description: 'Sexual health services and pregnancy',
    fields: ['contactType', 'contactDate', 'setting', 'summary', 'recordedDate'],
  },
  social_care_involvement: {
    label: "Children's social care involvement",
    category: 'personal',
    description: 'Early help, child in need and looked-after involvement, with the last contact',
    fields: ['involvement', 'startDate', 'endDate', 'lastContactDate', 'summary', 'recordedDate'],
  },
  child_protection_status: {
    label: 'Child protection status',
    category: 'personal',
    description: 'Whether the child is on a child protection plan, looked after or on an unborn-baby plan',
    fields: ['involvement', 'startDate', 'endDate'],
  },
  // Whom to call about a flagged child, kept apart from the status and the involvement so that an
  // agreement can give it to everyone who may see the flag, as NHS England's CP-IS does (the
  // clinician sees the plan and the social care team to contact, nothing of the case itself).
  lead_contact: {
    label: 'Lead practitioner contact',
    category: 'personal',
    description: "The lead practitioner's name, role, work telephone and work email",
    fields: ['leadPractitioner', 'leadPractitionerRole', 'leadPractitionerPhone', 'leadPractitionerEmail'],
  },
  police_incidents: {
    label: 'Police incidents',
    category: 'criminal_offence',
    description: 'Incidents attended, missing episodes, allegations and offences',
    fields: ['incidentType', 'incidentDate', 'reference', 'summary', 'recordedDate'],
  },
  domestic_abuse_notifications: {
    label: 'Domestic abuse notifications',
    category: 'criminal_offence',
    description: 'Police-attended domestic abuse incidents involving the child (Operation Encompass)',
    fields: ['incidentType', 'incidentDate', 'reference', 'summary', 'recordedDate'],
  },
  youth_justice: {
    label: 'Youth justice',
    category: 'criminal_offence',
    description: 'Youth justice orders, interventions and outcomes',
    fields: ['order', 'startDate', 'endDate', 'caseWorker', 'summary', 'recordedDate'],
  },
  housing: {
    label: 'Housing',
    category: 'personal',
    description: 'Tenancy, homelessness applications and temporary accommodation',
    fields: ['tenure', 'status', 'summary', 'recordedDate'],
  },
} as const satisfies Record<FieldGroup, FieldGroupDefinition>;

export function isFieldGroup(value: string): value is FieldGroup {
  return (fieldGroups as readonly string[]).includes(value);
}

export function categoryOf(group: FieldGroup): DataCategory {
  return fieldGroupDefinitions[group].category;
}

/** The keys an item of the group may show, in the declared order. */
export function fieldsOf(group: FieldGroup): readonly string[] {
  return fieldGroupDefinitions[group].fields;
}
