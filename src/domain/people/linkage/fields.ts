/**
 * The canonical person fields that the linkage engine understands. A feed or a CSV maps its own
 * columns onto these names; a field that is not mapped, or is empty, is simply missing.
 */
export const canonicalFields = [
  'first_name',
  'middle_names',
  'last_name',
  'dob',
  'sex',
  'nhs_number',
  'identifier',
  'postcode',
  'address',
  'city',
  'email',
  'phone',
] as const;

export type CanonicalField = (typeof canonicalFields)[number];

/** One record about a person as it arrives: raw strings, any of them absent. */
export type PersonFields = Partial<Record<CanonicalField, string>>;

export function isCanonicalField(name: string): name is CanonicalField {
  return (canonicalFields as readonly string[]).includes(name);
}
