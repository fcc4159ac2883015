import { flagInvolvements, type InvolvementType } from '../records/record-kinds.ts';
import type { AlertBasisKind } from './schema.ts';

/**
 * Which ingested items are contacts with another agency, which are Operation Encompass notices,
 * and which make what alerts are raised on: pure, by record kind, field group and the payload
 * keys of record-kinds.ts.
 */
export type ContactKind = 'emergency_department_attendance' | 'unscheduled_care' | 'police_incident';

/**
 * CP-IS alerts on attendance at unscheduled care (emergency departments, walk-in and urgent
 * treatment centres, minor injury units, out-of-hours services, ambulance, maternity and
 * paediatric wards: NHS England, CP-IS); a scheduled contact (a health visitor's review) is not
 * one. Any police incident the child is part of is a contact.
 */
const unscheduledCare: Record<string, ContactKind> = {
  ed_attendance: 'emergency_department_attendance',
  emergency_department_attendance: 'emergency_department_attendance',
  urgent_care: 'unscheduled_care',
  walk_in: 'unscheduled_care',
  minor_injuries: 'unscheduled_care',
  out_of_hours: 'unscheduled_care',
  ambulance: 'unscheduled_care',
  maternity: 'unscheduled_care',
  paediatric_ward: 'unscheduled_care',
};

export function contactKindOf(kind: string, payload: Record<string, unknown>): ContactKind | null {
  if (kind === 'police_incident') return 'police_incident';
  if (kind === 'health_contact') {
    const type = payload.contactType;
    return typeof type === 'string' ? (unscheduledCare[type] ?? null) : null;
  }
  return null;
}

const yes = new Set(['yes', 'y', 'true', '1', 'present']);

/**
 * A police-attended domestic abuse incident with a child present, filed as a domestic abuse
 * notification (the category the Operation Encompass agreement shares with schools).
 */
export function isEncompassNotice(fieldGroup: string, payload: Record<string, unknown>): boolean {
  if (fieldGroup !== 'domestic_abuse_notifications') return false;
  const present = payload.childPresent;
  return present === true || (typeof present === 'string' && yes.has(present.trim().toLowerCase()));
}

/** Whether items of this kind and group make an alert basis (or may remove one). */
export function makesBasis(kind: string, fieldGroup: string): boolean {
  return fieldGroup === 'child_protection_status' || kind === 'lead_contact' || kind === 'school_enrolment';
}

/** What alert basis an item makes, or null when it makes none (a plan became child in need). */
export function basisOf(
  kind: string,
  fieldGroup: string,
  payload: Record<string, unknown>,
): AlertBasisKind | null {
  if (fieldGroup === 'child_protection_status') {
    const involvement = payload.involvement;
    return typeof involvement === 'string' && flagInvolvements.includes(involvement as InvolvementType)
      ? (involvement as AlertBasisKind)
      : null;
  }
  if (kind === 'lead_contact') return 'lead_practitioner';
  if (kind === 'school_enrolment') return 'school_enrolment';
  return null;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
export function dayOf(value: unknown): string | null {
  return typeof value === 'string' && isoDay.test(value) ? value : null;
}
