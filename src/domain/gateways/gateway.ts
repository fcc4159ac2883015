import { organisationTypes, type OrganisationType } from '../partnership/roles.ts';
import { gatewayKinds, isGatewayKind, type GatewayKind } from './gateway-kinds.ts';

/**
 * One legal gateway of the catalogue ("Appendix 3" of a Tier 1 agreement, DOMAIN.md section 1).
 * `permits` is always a paraphrase: the statutory wording lives on legislation.gov.uk, and
 * `wordingChecked` says whether someone has compared the paraphrase with it.
 */
export interface Gateway {
  readonly id: string;
  readonly kind: GatewayKind;
  readonly title: string;
  readonly citation: string;
  readonly permits: string;
  /** The kinds of organisation the gateway binds or empowers; empty when it rarely applies. */
  readonly organisationTypes: readonly OrganisationType[];
  /** Where the paraphrase comes from: web addresses, or a short description of a source. */
  readonly sources: readonly string[];
  readonly wordingChecked: boolean;
}

export interface CatalogueVersion {
  readonly version: number;
  readonly createdAt: Date;
  /** A user id, or `system:<process>` for the built-in install. */
  readonly createdBy: string;
  readonly note: string;
  readonly rowCount: number;
}

/**
 * Ids are stable codes such as CA1989-S47 that agreements and purposes refer to. They start with
 * a capital letter or digit; later lower-case letters are allowed because DOMAIN.md's ids name
 * sub-points of articles that way (UKGDPR-6-1-e, UKGDPR-9-2-g).
 */
export const GATEWAY_ID_PATTERN = /^[A-Z0-9][A-Za-z0-9-]*$/;

/** Limits keep a catalogue readable in a table and in an agreement's appendix. */
export const gatewayLimits = {
  id: 40,
  title: 200,
  citation: 300,
  permits: 3000,
  source: 500,
  sources: 20,
  note: 500,
  /** An exported catalogue is about 20 KB, so 5 MB is generous. */
  fileBytes: 5 * 1024 * 1024,
} as const;

export type GatewayField = keyof Gateway;

/**
 * Every problem with one gateway, by field. Used on import (each row) and by the test of the
 * built-in catalogue, so both are held to the same rules.
 */
export function gatewayProblems(gateway: Gateway): { field: GatewayField; problem: string }[] {
  const problems: { field: GatewayField; problem: string }[] = [];
  const add = (field: GatewayField, problem: string) => problems.push({ field, problem });
  if (gateway.id === '') add('id', 'Enter an ID');
  else if (gateway.id.length > gatewayLimits.id)
    add('id', `The ID must be ${gatewayLimits.id} characters or fewer`);
  else if (!GATEWAY_ID_PATTERN.test(gateway.id))
    add('id', 'The ID must use only letters, digits and hyphens, and start with a capital letter or a digit');
  if (!isGatewayKind(gateway.kind)) add('kind', `The kind must be one of: ${gatewayKinds.join(', ')}`);
  text(add, 'title', gateway.title, ['Enter a title', 'The title'], gatewayLimits.title);
  text(add, 'citation', gateway.citation, ['Enter a citation', 'The citation'], gatewayLimits.citation);
  text(add, 'permits', gateway.permits, ['Enter what it permits', 'What it permits'], gatewayLimits.permits);
  const unknownTypes = gateway.organisationTypes.filter(
    (t) => !(organisationTypes as readonly string[]).includes(t),
  );
  if (unknownTypes.length > 0)
    add('organisationTypes', `Unknown organisation type: ${unknownTypes.join(', ')}`);
  if (new Set(gateway.organisationTypes).size !== gateway.organisationTypes.length)
    add('organisationTypes', 'An organisation type is listed twice');
  if (gateway.sources.length > gatewayLimits.sources)
    add('sources', `List at most ${gatewayLimits.sources} sources`);
  for (const source of gateway.sources) {
    if (source.length > gatewayLimits.source)
      add('sources', `Each source must be ${gatewayLimits.source} characters or fewer`);
    // Sources become links on the gateway page: only web addresses, never javascript: or data:.
    else if (/^[a-z][a-z0-9+.-]*:\S/i.test(source) && !/^https?:\/\/[^\s]+$/i.test(source))
      add('sources', `A source address must start with http:// or https:// and have no spaces: ${source}`);
  }
  return problems;
}

function text(
  add: (field: GatewayField, problem: string) => void,
  field: GatewayField,
  value: string,
  [missing, name]: readonly [string, string],
  max: number,
): void {
  if (value.trim() === '') add(field, missing);
  else if (value.length > max) add(field, `${name} must be ${max} characters or fewer`);
}

/** Duplicate ids across a whole catalogue, each with the positions it appears at. */
export function duplicateIds(ids: readonly string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  ids.forEach((id, index) => seen.set(id, [...(seen.get(id) ?? []), index]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}
