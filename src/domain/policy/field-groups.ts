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
}

export const fieldGroupDefinitions = {
  identity: {
    label: 'Identity',
    category: 'personal',
    description: 'Name, date of birth, sex, NHS number and pupil number',
  },
  contact: { label: 'Contact details', category: 'personal', description: 'Address, telephone and email' },
  family_household: {
    label: 'Family and household',
    category: 'personal',
    description: 'Parents and carers, siblings, and who lives at the address',
  },
  education: {
    label: 'Education',
    category: 'personal',
    description: 'School or setting, year group and enrolment dates',
  },
  attendance_exclusions: {
    label: 'Attendance and exclusions',
    category: 'personal',
    description: 'Attendance figures, absences, suspensions and exclusions',
  },
  // SEN records describe disabilities and health needs, so they are treated as health data.
  special_educational_needs: {
    label: 'Special educational needs',
    category: 'special_category',
    description: 'SEN support, education, health and care plans and the needs they describe',
  },
  physical_health: {
    label: 'Physical health',
    category: 'special_category',
    description: 'Emergency department attendances, health visitor contacts, diagnoses and injuries',
  },
  mental_health: {
    label: 'Mental health',
    category: 'special_category',
    description: 'Mental health services, assessments and self-harm',
  },
  sexual_health: {
    label: 'Sexual health',
    category: 'special_category',
    description: 'Sexual health services and pregnancy',
  },
  social_care_involvement: {
    label: "Children's social care involvement",
    category: 'personal',
    description: 'Early help, child in need and looked-after involvement, with the lead practitioner',
  },
  child_protection_status: {
    label: 'Child protection status',
    category: 'personal',
    description: 'Whether the child is on a child protection plan, looked after or on an unborn-baby plan',
  },
  police_incidents: {
    label: 'Police incidents',
    category: 'criminal_offence',
    description: 'Incidents attended, missing episodes, allegations and offences',
  },
  domestic_abuse_notifications: {
    label: 'Domestic abuse notifications',
    category: 'criminal_offence',
    description: 'Police-attended domestic abuse incidents involving the child (Operation Encompass)',
  },
  youth_justice: {
    label: 'Youth justice',
    category: 'criminal_offence',
    description: 'Youth justice orders, interventions and outcomes',
  },
  housing: {
    label: 'Housing',
    category: 'personal',
    description: 'Tenancy, homelessness applications and temporary accommodation',
  },
} as const satisfies Record<FieldGroup, FieldGroupDefinition>;

export function isFieldGroup(value: string): value is FieldGroup {
  return (fieldGroups as readonly string[]).includes(value);
}

export function categoryOf(group: FieldGroup): DataCategory {
  return fieldGroupDefinitions[group].category;
}
