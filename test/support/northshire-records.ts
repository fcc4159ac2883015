import { randomUUID } from 'node:crypto';
import type { FieldGroup } from '../../src/domain/policy/field-groups.ts';
import { subjectRecord } from '../../src/domain/records/schema.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import { northshirePartnershipId, org } from './northshire-flows.ts';
import { ensureOrganisations } from './organisations.ts';

/**
 * Named children and what each agency holds about them, written straight into subject_record as
 * a feed would (the records issue brings real ingest). Test support only: production code reads
 * this table through domain/policy alone.
 */
export const children = {
  /** Sam Taylor, 9: known to the police, the hospital trust, the school, the council and housing. */
  samTaylor: 'child-sam-taylor-9',
  /** Mia Hughes, 4: known only to the hospital trust's health visitors. */
  miaHughes: 'child-mia-hughes-4',
  /** Leo Grant, 7: known only to Riverside Primary School. */
  leoGrant: 'child-leo-grant-7',
  /** Nobody of this key exists anywhere. */
  nobody: 'child-never-known',
} as const;

export interface RecordSpec {
  subjectId: string;
  holder: string;
  fieldGroup: FieldGroup;
  kind: string;
  summary: string;
  eventDate: string;
  factOrOpinion?: 'fact' | 'opinion';
  partnershipId?: string;
  /** The item's payload; { summary } when not given. */
  payload?: Record<string, unknown>;
}

export const northshireRecords: readonly RecordSpec[] = [
  r(
    children.samTaylor,
    org.police,
    'identity',
    'person_record',
    'Sam Taylor, born 12 May 2017',
    '2026-01-10',
  ),
  r(
    children.samTaylor,
    org.police,
    'police_incidents',
    'police_incident',
    'Domestic incident at the home address; Sam present',
    '2026-09-14',
  ),
  r(
    children.samTaylor,
    org.police,
    'domestic_abuse_notifications',
    'encompass_notice',
    'Operation Encompass notice sent to the school',
    '2026-09-15',
  ),
  r(
    children.samTaylor,
    org.trust,
    'physical_health',
    'ed_attendance',
    'Emergency department: bruising to the forearm',
    '2026-09-20',
  ),
  {
    ...r(
      children.samTaylor,
      org.trust,
      'mental_health',
      'camhs_referral',
      'Referred to CAMHS: low mood',
      '2026-10-01',
    ),
    factOrOpinion: 'opinion',
  },
  r(
    children.samTaylor,
    org.school,
    'attendance_exclusions',
    'attendance',
    'Attendance 82% this term',
    '2026-10-20',
  ),
  r(
    children.samTaylor,
    org.school,
    'education',
    'enrolment',
    'Year 5 at Riverside Primary School',
    '2025-09-03',
  ),
  r(
    children.samTaylor,
    org.childrensServices,
    'social_care_involvement',
    'cin_plan',
    'Child in need plan opened',
    '2026-09-25',
  ),
  r(
    children.samTaylor,
    org.housing,
    'housing',
    'temporary_accommodation',
    'Family placed in temporary accommodation',
    '2026-08-01',
  ),
  r(
    children.miaHughes,
    org.trust,
    'physical_health',
    'health_visit',
    'Health visitor: development check',
    '2026-06-11',
  ),
  r(
    children.leoGrant,
    org.school,
    'education',
    'enrolment',
    'Year 3 at Riverside Primary School',
    '2025-09-03',
  ),
];

function r(
  subjectId: string,
  holder: string,
  fieldGroup: FieldGroup,
  kind: string,
  summary: string,
  eventDate: string,
): RecordSpec {
  return { subjectId, holder, fieldGroup, kind, summary, eventDate };
}

export async function insertSubjectRecords(db: Db, specs: readonly RecordSpec[]): Promise<void> {
  const partnerships = new Set(specs.map((s) => s.partnershipId ?? northshirePartnershipId));
  for (const partnershipId of partnerships) {
    const holders = specs.filter((s) => (s.partnershipId ?? northshirePartnershipId) === partnershipId);
    await ensureOrganisations(
      db,
      partnershipId,
      holders.map((s) => s.holder),
    );
  }
  await db.insert(subjectRecord).values(
    specs.map((s) => ({
      partnershipId: s.partnershipId ?? northshirePartnershipId,
      id: randomUUID(),
      subjectId: s.subjectId,
      organisationId: s.holder,
      fieldGroup: s.fieldGroup,
      kind: s.kind,
      payload: s.payload ?? { summary: s.summary },
      eventDate: s.eventDate,
      recordedAt: new Date(`${s.eventDate}T12:00:00Z`),
      factOrOpinion: s.factOrOpinion ?? 'fact',
      sourceReference: `${s.kind}:${s.subjectId}:${s.eventDate}`,
    })),
  );
}
