import { formatLinkConfidence } from '../../../../domain/view/link-confidence.ts';
// Words for the single view's ids, and the small helpers its pages share.
import type { ChildView } from '../../api-types.ts';
import { plainDate } from '../../../../domain/shared/plain-date.ts';
import { formatDate } from '../../format.ts';

export const identityLabels: Readonly<Record<string, string>> = {
  firstName: 'First name',
  middleNames: 'Middle names',
  lastName: 'Last name',
  dob: 'Date of birth',
  sex: 'Sex',
  nhsNumber: 'NHS number',
  upn: 'Unique pupil number',
};

export const relationshipLabels: Readonly<Record<string, string>> = {
  parent_or_carer: 'Parent or carer',
  sibling: 'Sibling',
  partner_of_parent: 'Partner of a parent',
  household: 'Lives in the same household',
};

type Identity = ChildView['identity'];

/** The value most agencies agree on for a field, or null. */
export function firstValue(identity: Identity, field: string): string | null {
  return identity.find((i) => i.field === field)?.values[0]?.value ?? null;
}

export function displayName(identity: Identity): string {
  const name = [firstValue(identity, 'firstName'), firstValue(identity, 'lastName')]
    .filter(Boolean)
    .join(' ');
  return name === '' ? 'Name not recorded' : name;
}

export const showValue = (field: string, value: string) => (field === 'dob' ? formatDate(value) : value);

/** A link's probability as a percentage with one decimal: 99.9%. */
// One wording of a link's confidence for the screen, the print page and the CSV.
export const confidence = formatLinkConfidence;

export const optionalDate = (iso: string | null) => (iso === null ? 'Not recorded' : formatDate(iso));

/** A chronology entry's day as "16 Aug 2026", saying plainly when the agency gave none. */
export const eventDateLabel = (iso: string | null) =>
  iso === null ? 'Date not given by the agency' : plainDate(iso);

/** "Version 2 (changed 3 September 2026)" for a record its agency changed; nothing for a first version. */
export const versionLabel = (version: number, recordedAt: string) =>
  version > 1 ? `Version ${version} (changed ${formatDate(recordedAt)})` : null;

/** The day the agency recorded an entry (its own date, not when Tessera loaded it). */
export const recordedDateLabel = (iso: string | null) =>
  iso === null ? 'Not given by the agency' : plainDate(iso);
