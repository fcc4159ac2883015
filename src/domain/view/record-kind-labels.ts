import type { RecordKind } from '../records/record-kinds.ts';

/**
 * The kinds of record in the words practitioners use (Working Together 2023 speaks of
 * involvements, police incidents, health contacts and school attendance). Keyed by the closed
 * RecordKind union, so a new kind of feed fails to compile until someone names it.
 */
export const recordKindLabels = {
  person_details: 'Person details',
  address: 'Address',
  relationship: 'Family relationship',
  involvement: 'Involvement (early help, child in need, plans, looked after)',
  lead_contact: 'Lead practitioner contact',
  school_enrolment: 'School enrolment',
  school_attendance: 'School attendance',
  school_exclusion: 'School exclusion',
  police_incident: 'Police incident',
  health_contact: 'Health contact (emergency department, health visitor)',
  youth_justice_order: 'Youth justice order',
  housing: 'Housing',
} as const satisfies Record<RecordKind, string>;

/**
 * Every kind the chronology can hold: person details make the identity part and lead contacts
 * the agencies part (whom to call), never an entry, since neither is something that happened.
 */
export type ChronologyKind = Exclude<RecordKind, 'person_details' | 'lead_contact'>;
const notEvents: readonly string[] = ['person_details', 'lead_contact'];
export const chronologyKinds: readonly ChronologyKind[] = (
  Object.keys(recordKindLabels) as RecordKind[]
).filter((k): k is ChronologyKind => !notEvents.includes(k));
export const isChronologyEntryKind = (kind: string) => !notEvents.includes(kind);

export const isChronologyKind = (kind: string): kind is ChronologyKind =>
  (chronologyKinds as readonly string[]).includes(kind);

/** The label of a record's kind; a kind no feed mapping names (only tests write one) in plain words. */
export const recordKindLabel = (kind: string): string =>
  kind in recordKindLabels ? recordKindLabels[kind as RecordKind] : kind.replace(/_/g, ' ');
