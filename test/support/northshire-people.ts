import { createHash, randomUUID } from 'node:crypto';
import type { FieldGroup } from '../../src/domain/policy/field-groups.ts';
import { personLink } from '../../src/domain/people/schema.ts';
import { agencyPerson, subjectRecord } from '../../src/domain/records/schema.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import { northshirePartnershipId, org } from './northshire-flows.ts';
import { ensureOrganisations } from './organisations.ts';

/**
 * Named people as linkage leaves them: each agency's person (agency_person), linked to one
 * person id (person_link) with the link's probability, and what each agency holds about them
 * (subject_record), written straight in as feeds and linkage would. Test support only.
 */
export const people = {
  /** Sam Taylor, 9: on a child protection plan; known to the council, police, trust, school and housing. */
  samTaylor: '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a01',
  /** Jordan Taylor, 34: Sam's parent, known to the police. */
  jordanTaylor: '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a02',
  /** Mia Hughes, 4: known only to the hospital trust's health visitors. */
  miaHughes: '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a03',
  /** A person id nobody was ever linked to. */
  nobody: '3f6c1d2a-9b4e-4c71-8a55-0d2e7b9c1a99',
} as const;

export interface AgencyPersonSpec {
  readonly personId: string;
  readonly holder: string;
  readonly externalPersonId: string;
  readonly linkConfidence: number;
  readonly identity: {
    firstName: string;
    lastName: string;
    dob: string;
    sex?: string;
    nhsNumber?: string;
    upn?: string;
  };
  readonly records: readonly {
    fieldGroup: FieldGroup;
    kind: string;
    payload: Record<string, unknown>;
    eventDate: string;
    factOrOpinion?: 'fact' | 'opinion';
  }[];
}

const sam = { firstName: 'Sam', lastName: 'Taylor', dob: '2017-05-12', sex: 'male' };
const samNhs = '9434765919';

export const northshirePeople: readonly AgencyPersonSpec[] = [
  {
    personId: people.samTaylor,
    holder: org.childrensServices,
    externalPersonId: 'CSC-1001',
    linkConfidence: 1,
    identity: { ...sam, nhsNumber: samNhs },
    records: [
      {
        fieldGroup: 'child_protection_status',
        kind: 'involvement',
        payload: { involvement: 'child_protection_plan', startDate: '2026-10-05', category: 'neglect' },
        eventDate: '2026-10-05',
      },
      {
        fieldGroup: 'social_care_involvement',
        kind: 'involvement',
        payload: {
          involvement: 'child_in_need',
          startDate: '2026-09-25',
          lastContactDate: '2026-10-28',
          summary: 'Child in need plan opened',
        },
        eventDate: '2026-09-25',
      },
      {
        fieldGroup: 'lead_contact',
        kind: 'lead_contact',
        payload: {
          leadPractitioner: 'Sam Patel',
          leadPractitionerRole: 'Social worker',
          leadPractitionerPhone: '01632 960 101',
          leadPractitionerEmail: 'sam.patel@northshire.example',
        },
        eventDate: '2026-09-25',
      },
    ],
  },
  {
    personId: people.samTaylor,
    holder: org.police,
    externalPersonId: 'NP-77812',
    linkConfidence: 0.9987,
    identity: { ...sam },
    records: [
      {
        fieldGroup: 'police_incidents',
        kind: 'police_incident',
        payload: {
          incidentType: 'domestic_abuse',
          summary: 'Domestic incident at the home address; Sam present',
        },
        eventDate: '2026-09-14',
      },
      {
        fieldGroup: 'police_incidents',
        kind: 'police_incident',
        // A feed that maps only a free-text summary, and that summary looks like a formula.
        payload: { summary: '=HYPERLINK("http://evil.example")' },
        eventDate: '2026-09-16',
        factOrOpinion: 'opinion',
      },
    ],
  },
  {
    personId: people.samTaylor,
    holder: org.trust,
    externalPersonId: 'MPI-5521',
    linkConfidence: 0.962,
    identity: { firstName: 'Samuel', lastName: 'Taylor', dob: '2017-05-12', nhsNumber: samNhs },
    records: [
      {
        fieldGroup: 'physical_health',
        kind: 'health_contact',
        payload: { contactType: 'ed_attendance', summary: 'Emergency department: bruising to the forearm' },
        eventDate: '2026-09-20',
      },
    ],
  },
  {
    personId: people.samTaylor,
    holder: org.school,
    externalPersonId: 'RPS-0042',
    linkConfidence: 0.999,
    identity: { ...sam, upn: 'A123456789012' },
    records: [
      {
        fieldGroup: 'attendance_exclusions',
        kind: 'school_attendance',
        payload: { term: 'Autumn 2026', attendancePercent: 82, summary: 'Attendance 82% this term' },
        eventDate: '2026-10-20',
      },
    ],
  },
  {
    personId: people.samTaylor,
    holder: org.housing,
    externalPersonId: 'NH-3003',
    linkConfidence: 0.97,
    identity: { ...sam },
    records: [
      {
        fieldGroup: 'housing',
        kind: 'housing',
        payload: { tenure: 'temporary', summary: 'Family placed in temporary accommodation' },
        eventDate: '2026-08-01',
      },
    ],
  },
  {
    personId: people.jordanTaylor,
    holder: org.police,
    externalPersonId: 'NP-77813',
    linkConfidence: 1,
    identity: { firstName: 'Jordan', lastName: 'Taylor', dob: '1992-03-02' },
    records: [],
  },
  {
    personId: people.miaHughes,
    holder: org.trust,
    externalPersonId: 'MPI-7001',
    linkConfidence: 1,
    identity: { firstName: 'Mia', lastName: 'Hughes', dob: '2022-02-14' },
    records: [
      {
        fieldGroup: 'physical_health',
        kind: 'health_contact',
        payload: { contactType: 'health_visitor', summary: 'Health visitor: development check' },
        eventDate: '2026-06-11',
      },
    ],
  },
];

/** Inserts agency persons, their links and their records; returns each agency person's id by external id. */
export async function insertPeople(
  db: Db,
  specs: readonly AgencyPersonSpec[] = northshirePeople,
  partnershipId: string = northshirePartnershipId,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const at = new Date('2026-10-30T12:00:00Z');
  await ensureOrganisations(
    db,
    partnershipId,
    specs.map((s) => s.holder),
  );
  for (const spec of specs) {
    const id = randomUUID();
    ids.set(spec.externalPersonId, id);
    const common = { partnershipId, organisationId: spec.holder };
    await db.insert(agencyPerson).values({
      ...common,
      id,
      externalPersonId: spec.externalPersonId,
      ...spec.identity,
      // As a feed's person details row leaves it: a person without one is "waiting for identity".
      contentHash: createHash('sha256').update(JSON.stringify(spec.identity)).digest('hex'),
      updatedAt: at,
    });
    await db.insert(personLink).values({
      partnershipId,
      agencyPersonId: id,
      personId: spec.personId,
      matchProbability: spec.linkConfidence,
      linkedBy: spec.linkConfidence === 1 ? 'first' : 'auto',
      linkedAt: at,
    });
    const items = [
      {
        fieldGroup: 'identity' as const,
        kind: 'person_details',
        payload: spec.identity,
        eventDate: '2026-01-10',
      },
      ...spec.records,
    ];
    await db.insert(subjectRecord).values(
      items.map((item, n) => ({
        ...common,
        id: randomUUID(),
        subjectId: id,
        fieldGroup: item.fieldGroup,
        kind: item.kind,
        payload: item.payload,
        eventDate: item.eventDate,
        recordedAt: new Date(`${item.eventDate}T15:00:00Z`),
        factOrOpinion: ('factOrOpinion' in item && item.factOrOpinion) || 'fact',
        sourceReference: `${spec.externalPersonId}/${n}`,
      })),
    );
  }
  return ids;
}
