import type { FeedMapping } from '../feeds/feed-mapping.ts';
import { demoOrganisations } from './northshire.ts';

/**
 * The mapping files of Northshire's demo feeds: what each agency sends, in its own column names,
 * with the record kind, field group and data category the agreements share by. DEMO ONLY.
 */
const org = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;
const fact = (key: string) => ({ key, item: 'fact' as const });
const opinion = (key: string) => ({ key, item: 'opinion' as const });

/** Every agency's person details use the same column names here; real agencies differ. */
const personColumns = {
  forename: fact('firstName'),
  middle_names: fact('middleNames'),
  surname: fact('lastName'),
  birth_date: fact('dob'),
  sex: fact('sex'),
  nhs_number: fact('nhsNumber'),
  upn: fact('upn'),
  address: fact('address'),
  postcode: fact('postcode'),
  town: fact('city'),
  phone: fact('phone'),
  email: fact('email'),
};

const people = (key: string, feed: string, dateFormat: 'iso' | 'day_first'): FeedMapping => ({
  organisation: org(key),
  feed,
  format: 'csv',
  recordKind: 'person_details',
  fieldGroup: 'identity',
  dataCategory: 'personal',
  personIdColumn: 'person_id',
  externalIdColumn: 'person_id',
  dateFormat,
  columns: personColumns,
});

export interface DemoFeed {
  /** The file name stem in examples/feeds (mapping: <name>.mapping.json, data: <name>.csv|jsonl). */
  readonly name: string;
  readonly mapping: FeedMapping;
}

const base = (key: string, feed: string) => ({
  organisation: org(key),
  feed,
  format: 'csv' as const,
  personIdColumn: 'person_id',
});

export const demoFeeds = {
  cscPeople: { name: 'csc-people', mapping: people('csc', 'csc-people', 'day_first') },
  cscInvolvements: {
    name: 'csc-involvements',
    mapping: {
      ...base('csc', 'csc-involvements'),
      recordKind: 'involvement',
      fieldGroup: 'social_care_involvement',
      dataCategory: 'personal',
      externalIdColumn: 'episode_id',
      eventDateColumn: 'start_date',
      dateFormat: 'day_first',
      columns: {
        involvement: fact('involvement'),
        start_date: fact('startDate'),
        end_date: fact('endDate'),
        last_contact: fact('lastContactDate'),
        concerns: opinion('summary'),
      },
    },
  },
  cscChildProtection: {
    name: 'csc-child-protection',
    mapping: {
      ...base('csc', 'csc-child-protection'),
      recordKind: 'involvement',
      fieldGroup: 'child_protection_status',
      dataCategory: 'personal',
      externalIdColumn: 'plan_id',
      eventDateColumn: 'start_date',
      dateFormat: 'day_first',
      columns: {
        status: fact('involvement'),
        start_date: fact('startDate'),
        end_date: fact('endDate'),
      },
    },
  },
  // Whom to call about the child: its own item and field group (lead_contact), so that the CP-IS
  // agreement can give it with the flag while the status item says only the status.
  cscLeadContacts: {
    name: 'csc-lead-contacts',
    mapping: {
      ...base('csc', 'csc-lead-contacts'),
      recordKind: 'lead_contact',
      fieldGroup: 'lead_contact',
      dataCategory: 'personal',
      externalIdColumn: 'contact_id',
      dateFormat: 'day_first',
      columns: {
        lead_practitioner: fact('leadPractitioner'),
        lead_role: fact('leadPractitionerRole'),
        lead_phone: fact('leadPractitionerPhone'),
        lead_email: fact('leadPractitionerEmail'),
      },
    },
  },
  cscRelationships: {
    name: 'csc-relationships',
    mapping: {
      ...base('csc', 'csc-relationships'),
      recordKind: 'relationship',
      fieldGroup: 'family_household',
      dataCategory: 'personal',
      externalIdColumn: 'relationship_id',
      dateFormat: 'day_first',
      columns: { related_person_id: fact('relatedPersonId'), relationship: fact('relationship') },
    },
  },
  policePeople: { name: 'police-people', mapping: people('police', 'police-people', 'day_first') },
  policeIncidents: {
    name: 'police-incidents',
    mapping: {
      ...base('police', 'police-incidents'),
      format: 'json',
      recordKind: 'police_incident',
      fieldGroup: 'police_incidents',
      dataCategory: 'criminal_offence',
      externalIdColumn: 'occurrence',
      eventDateColumn: 'date',
      dateFormat: 'iso',
      columns: {
        occurrence: fact('reference'),
        type: fact('incidentType'),
        date: fact('incidentDate'),
        summary: opinion('summary'),
      },
    },
  },
  // Operation Encompass (Victims and Prisoners Act 2024): a domestic abuse incident the police
  // attended with a child present is filed as a domestic abuse notification, the category the
  // Encompass agreement shares with the child's school. Filed as a police incident, it reached
  // no school in the trial (issue 14). Every other incident stays a police incident.
  policeDomesticAbuse: {
    name: 'police-domestic-abuse',
    mapping: {
      ...base('police', 'police-domestic-abuse'),
      format: 'json',
      recordKind: 'police_incident',
      fieldGroup: 'domestic_abuse_notifications',
      dataCategory: 'criminal_offence',
      externalIdColumn: 'occurrence',
      eventDateColumn: 'date',
      dateFormat: 'iso',
      columns: {
        occurrence: fact('reference'),
        type: fact('incidentType'),
        date: fact('incidentDate'),
        child_present: fact('childPresent'),
        summary: opinion('summary'),
      },
    },
  },
  nhsPeople: { name: 'nhs-people', mapping: people('trust', 'nhs-people', 'iso') },
  nhsContacts: {
    name: 'nhs-contacts',
    mapping: {
      ...base('trust', 'nhs-contacts'),
      recordKind: 'health_contact',
      fieldGroup: 'physical_health',
      dataCategory: 'special_category',
      externalIdColumn: 'contact_id',
      eventDateColumn: 'date',
      dateFormat: 'iso',
      columns: {
        type: fact('contactType'),
        date: fact('contactDate'),
        setting: fact('setting'),
        notes: opinion('summary'),
      },
    },
  },
  schoolPeople: { name: 'school-people', mapping: people('school', 'school-people', 'iso') },
  schoolEnrolments: {
    name: 'school-enrolments',
    mapping: {
      ...base('school', 'school-enrolments'),
      recordKind: 'school_enrolment',
      fieldGroup: 'education',
      dataCategory: 'personal',
      externalIdColumn: 'enrolment_id',
      eventDateColumn: 'start_date',
      dateFormat: 'iso',
      columns: { school: fact('school'), year_group: fact('yearGroup'), start_date: fact('startDate') },
    },
  },
  schoolAttendance: {
    name: 'school-attendance',
    mapping: {
      ...base('school', 'school-attendance'),
      recordKind: 'school_attendance',
      fieldGroup: 'attendance_exclusions',
      dataCategory: 'personal',
      externalIdColumn: 'attendance_id',
      dateFormat: 'iso',
      columns: {
        term: fact('term'),
        attendance: fact('attendancePercent'),
        unauthorised: fact('unauthorisedSessions'),
      },
    },
  },
  schoolExclusions: {
    name: 'school-exclusions',
    mapping: {
      ...base('school', 'school-exclusions'),
      recordKind: 'school_exclusion',
      fieldGroup: 'attendance_exclusions',
      dataCategory: 'personal',
      externalIdColumn: 'exclusion_id',
      eventDateColumn: 'start_date',
      dateFormat: 'iso',
      columns: {
        type: fact('exclusionType'),
        start_date: fact('startDate'),
        days: fact('days'),
        reason: opinion('reason'),
      },
    },
  },
  // Every agency that files records about a person also sends who the person is: without it the
  // records wait for identity and reach no one (issue 14 point 1).
  yjsPeople: { name: 'yjs-people', mapping: people('yjs', 'yjs-people', 'iso') },
  yjsOrders: {
    name: 'yjs-orders',
    mapping: {
      ...base('yjs', 'yjs-orders'),
      recordKind: 'youth_justice_order',
      fieldGroup: 'youth_justice',
      dataCategory: 'criminal_offence',
      externalIdColumn: 'order_id',
      eventDateColumn: 'start_date',
      dateFormat: 'iso',
      columns: {
        order: fact('order'),
        start_date: fact('startDate'),
        end_date: fact('endDate'),
        case_worker: fact('caseWorker'),
      },
    },
  },
  housingPeople: { name: 'housing-people', mapping: people('housing', 'housing-people', 'iso') },
  housingAddresses: {
    name: 'housing-addresses',
    mapping: {
      ...base('housing', 'housing-addresses'),
      recordKind: 'address',
      fieldGroup: 'contact',
      dataCategory: 'personal',
      externalIdColumn: 'tenancy_id',
      eventDateColumn: 'from_date',
      dateFormat: 'iso',
      columns: {
        address: fact('address'),
        postcode: fact('postcode'),
        from_date: fact('fromDate'),
        to_date: fact('toDate'),
      },
    },
  },
  housingRecords: {
    name: 'housing-records',
    mapping: {
      ...base('housing', 'housing-records'),
      recordKind: 'housing',
      fieldGroup: 'housing',
      dataCategory: 'personal',
      externalIdColumn: 'case_id',
      dateFormat: 'iso',
      columns: { tenure: fact('tenure'), status: fact('status'), summary: opinion('summary') },
    },
  },
} as const satisfies Record<string, DemoFeed>;

export type DemoFeedKey = keyof typeof demoFeeds;
