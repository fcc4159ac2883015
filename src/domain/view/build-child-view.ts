import type { ContactPoint } from '../partnership/organisation-contact-point.ts';
import { fieldGroupDefinitions, type FieldGroup } from '../policy/field-groups.ts';
import type { PersonRecord } from '../policy/read-person-records.ts';
import { flagInvolvements, type InvolvementType } from '../records/record-kinds.ts';
import { isChronologyEntryKind, type ChronologyKind } from './record-kind-labels.ts';
import {
  describeRecord,
  eventDateOf,
  involvementLabels,
  payloadOf,
  recordedDateOf,
  text,
} from './describe-record.ts';

/**
 * The parts of the single view (issue 4 section 5), built only from records the policy already
 * allowed, each payload already projected to its field group's declared keys
 * (policy/project-fields.ts): nothing here can widen what is shown, and a part with nothing
 * behind it is empty rather than marked as hidden (nothing hints that hidden data exists).
 */
export const identityFields = [
  'firstName',
  'middleNames',
  'lastName',
  'dob',
  'sex',
  'nhsNumber',
  'upn',
] as const;
export type IdentityField = (typeof identityFields)[number];

/** One identity field as the agencies hold it: each distinct value with who holds it. */
export interface IdentityValue {
  readonly field: IdentityField;
  readonly values: readonly { readonly value: string; readonly sources: readonly string[] }[];
}

export interface ActiveFlag {
  readonly type: InvolvementType;
  readonly label: string;
  readonly startDate: string | null;
  readonly holderOrganisationId: string;
  readonly holderName: string | null;
}

export interface InvolvedAgency {
  readonly organisationId: string;
  readonly name: string | null;
  readonly leadPractitioner: {
    readonly name: string;
    readonly phone: string | null;
    readonly email: string | null;
    readonly role: string | null;
  } | null;
  /**
   * The organisation's directory entry (partnership/organisation-contact-point.ts), given only
   * where none of its records shown names a lead worker: whom to call all the same.
   */
  readonly contactPoint: ContactPoint | null;
  readonly lastContactDate: string | null;
  readonly fieldGroups: readonly FieldGroup[];
}

export interface ChronologyEntry {
  readonly id: string;
  readonly holderOrganisationId: string;
  readonly holderName: string | null;
  readonly fieldGroup: FieldGroup;
  readonly kind: string;
  /** A plain sentence: dates in words, codes in words, no agency-internal ids (describe-record.ts). */
  readonly summary: string;
  /** The day it happened, from the feed's event date or the payload's own; null if the agency gave none. */
  readonly eventDate: string | null;
  /** The day the agency recorded it, if its feed says (payload `recordedDate`); null if not given. */
  readonly recordedDate: string | null;
  /** When Tessera received the item (the ingest run's time): not when the agency recorded it. */
  readonly recordedAt: Date;
  readonly factOrOpinion: 'fact' | 'opinion';
  /** The probability of the link that placed the record in this person's view. */
  readonly linkConfidence: number;
  /** The version of the agency's record shown: above 1 once the agency changed it (recordedAt is then the change). */
  readonly version: number;
}

const holderLabel = (r: PersonRecord) => r.holderName ?? 'An organisation';

export function buildIdentity(records: readonly PersonRecord[]): IdentityValue[] {
  const details = records.filter((r) => r.fieldGroup === 'identity' && r.kind === 'person_details');
  return identityFields.flatMap((field) => {
    const byValue = new Map<string, Set<string>>();
    for (const r of details) {
      const value = text(payloadOf(r.payload), field);
      if (value === null) continue;
      const sources = byValue.get(value) ?? new Set<string>();
      sources.add(holderLabel(r));
      byValue.set(value, sources);
    }
    if (byValue.size === 0) return [];
    const values = [...byValue].map(([value, sources]) => ({ value, sources: [...sources].sort() }));
    // The value most agencies agree on first.
    values.sort((a, b) => b.sources.length - a.sources.length || a.value.localeCompare(b.value));
    return [{ field, values }];
  });
}

const isFlag = (v: string | null): v is InvolvementType =>
  v !== null && (flagInvolvements as readonly string[]).includes(v);

/** An involvement is active on `today` if it has started and has not ended (an end date is exclusive). */
function isActive(payload: Record<string, unknown>, today: string): boolean {
  const start = text(payload, 'startDate');
  const end = text(payload, 'endDate');
  return (start === null || start <= today) && (end === null || end > today);
}

export function buildFlags(records: readonly PersonRecord[], today: string): ActiveFlag[] {
  const flags = new Map<InvolvementType, ActiveFlag>();
  for (const r of records) {
    if (r.kind !== 'involvement') continue;
    const payload = payloadOf(r.payload);
    const type = text(payload, 'involvement');
    if (!isFlag(type) || !isActive(payload, today)) continue;
    const startDate = text(payload, 'startDate');
    const known = flags.get(type);
    if (known && (known.startDate ?? '') <= (startDate ?? '')) continue;
    flags.set(type, {
      type,
      label: involvementLabels[type],
      startDate,
      holderOrganisationId: r.holderOrganisationId,
      holderName: r.holderName,
    });
  }
  return flagInvolvements.flatMap((t) => flags.get(t) ?? []);
}

/**
 * The lead practitioner an item names: a lead_contact item (name, role, work phone and email),
 * or the case worker of a youth justice order. Only items whose group declares these keys carry
 * them once projected, so a status item names no one.
 */
function leadOf(r: PersonRecord): InvolvedAgency['leadPractitioner'] {
  const payload = payloadOf(r.payload);
  const name = text(payload, 'leadPractitioner') ?? text(payload, 'caseWorker');
  if (name === null) return null;
  return {
    name,
    phone: text(payload, 'leadPractitionerPhone'),
    email: text(payload, 'leadPractitionerEmail'),
    role: text(payload, 'leadPractitionerRole'),
  };
}

/**
 * Each agency with something shown, its lead practitioner (from its most recent item naming
 * one) and its last contact: the latest lastContactDate it recorded or event it holds.
 */
export function buildAgencies(records: readonly PersonRecord[]): InvolvedAgency[] {
  const byHolder = new Map<string, PersonRecord[]>();
  for (const r of records)
    byHolder.set(r.holderOrganisationId, [...(byHolder.get(r.holderOrganisationId) ?? []), r]);
  const agencies = [...byHolder].map(([organisationId, held]): InvolvedAgency => {
    // Records arrive newest event first, so the first lead found is the current one.
    const lead = held.map(leadOf).find((l) => l !== null) ?? null;
    const dates = held.flatMap((r) => {
      const contact = text(payloadOf(r.payload), 'lastContactDate');
      return [r.eventDate, contact].filter((d): d is string => d !== null);
    });
    return {
      organisationId,
      name: held[0]!.holderName,
      leadPractitioner: lead,
      contactPoint: null,
      lastContactDate: dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null,
      fieldGroups: [...new Set(held.map((r) => r.fieldGroup))].sort(),
    };
  });
  // Agencies with a lead practitioner first (what practitioners want first), then by last contact.
  return agencies.sort(
    (a, b) =>
      Number(b.leadPractitioner !== null) - Number(a.leadPractitioner !== null) ||
      (b.lastContactDate ?? '').localeCompare(a.lastContactDate ?? '') ||
      (a.name ?? '').localeCompare(b.name ?? ''),
  );
}

/** Each agency without a named lead worker gets its directory entry, if it has one. */
export function withContactPoints(
  agencies: readonly InvolvedAgency[],
  contactPoints: ReadonlyMap<string, ContactPoint>,
): InvolvedAgency[] {
  return agencies.map((a) =>
    a.leadPractitioner === null ? { ...a, contactPoint: contactPoints.get(a.organisationId) ?? null } : a,
  );
}

export function buildChronology(records: readonly PersonRecord[]): ChronologyEntry[] {
  const entries = records
    .filter((r) => isChronologyEntryKind(r.kind))
    .map((r) => {
      const payload = payloadOf(r.payload);
      return {
        id: r.id,
        holderOrganisationId: r.holderOrganisationId,
        holderName: r.holderName,
        fieldGroup: r.fieldGroup,
        kind: r.kind,
        summary: describeRecord(r.kind, r.fieldGroup, payload),
        eventDate: eventDateOf(r.eventDate, payload),
        recordedDate: recordedDateOf(payload),
        recordedAt: r.recordedAt,
        factOrOpinion: r.factOrOpinion,
        linkConfidence: r.linkConfidence,
        version: r.version,
      };
    });
  // Newest event first, undated last; a date found in the payload may move an entry up (stable).
  return entries.sort((a, b) =>
    a.eventDate === b.eventDate
      ? 0
      : a.eventDate === null
        ? 1
        : b.eventDate === null
          ? -1
          : b.eventDate.localeCompare(a.eventDate),
  );
}

export interface ChronologyFilters {
  readonly organisationIds?: readonly string[];
  readonly kinds?: readonly ChronologyKind[];
  /** Inclusive ISO dates on the event date; an entry with no event date is outside any range. */
  readonly from?: string;
  readonly to?: string;
  readonly factOrOpinion?: 'fact' | 'opinion';
}

export function filterChronology(
  entries: readonly ChronologyEntry[],
  f: ChronologyFilters,
): ChronologyEntry[] {
  return entries.filter(
    (e) =>
      (!f.organisationIds?.length || f.organisationIds.includes(e.holderOrganisationId)) &&
      (!f.kinds?.length || (f.kinds as readonly string[]).includes(e.kind)) &&
      (!f.from || (e.eventDate !== null && e.eventDate >= f.from)) &&
      (!f.to || (e.eventDate !== null && e.eventDate <= f.to)) &&
      (!f.factOrOpinion || e.factOrOpinion === f.factOrOpinion),
  );
}

export const fieldGroupLabel = (g: FieldGroup) => fieldGroupDefinitions[g].label;
