import { fieldGroupDefinitions, isFieldGroup } from './field-groups.ts';

/** An item's payload as a reader may show it: only the keys its field group declares. */
export type ProjectedPayload = Readonly<Record<string, unknown>>;

/**
 * The one projection of subject data (DESIGN.md rule 1: "each field group declares its fields,
 * and every serialiser projects through that one declaration"). The policy's stores map every
 * row they read through it, so no reader, view, export or page outside domain/policy ever holds
 * an unprojected payload: what a feed put in an item beyond its group's declared keys (a lead
 * practitioner's email in a child protection status item, an address in a person details item)
 * is shown to no one, whatever the agreements allow. Unknown groups declare nothing.
 *
 * `opinionFields` (records/ingest: which keys are opinion, DOMAIN.md 2.5) is kept for the keys
 * that survive, so the fact/opinion marking stays true of what is shown.
 */
export function projectPayload(fieldGroup: string, payload: unknown): ProjectedPayload {
  if (!isFieldGroup(fieldGroup) || typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return Object.freeze({});
  const source = payload as Record<string, unknown>;
  const shown: Record<string, unknown> = {};
  for (const key of fieldGroupDefinitions[fieldGroup].fields)
    if (Object.hasOwn(source, key)) shown[key] = source[key];
  const opinions = source.opinionFields;
  if (Array.isArray(opinions)) {
    const kept = opinions.filter((k): k is string => typeof k === 'string' && Object.hasOwn(shown, k));
    if (kept.length > 0) shown.opinionFields = kept;
  }
  return Object.freeze(shown);
}
