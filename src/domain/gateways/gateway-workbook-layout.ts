import { organisationTypeLabels, organisationTypes, type OrganisationType } from '../partnership/roles.ts';
import { gatewayKindLabels, gatewayKinds, type GatewayKind } from './gateway-kinds.ts';
import type { Gateway } from './gateway.ts';

/**
 * The layout of the catalogue workbook, shared by export and import so that whatever export
 * writes, import reads back unchanged. Kinds and organisation types are written as their labels
 * (what a person reads) and read back from either the label or the code.
 */
export const GATEWAY_SHEET = 'Legal gateways';
export const README_SHEET = 'Read me';

export const columns = [
  { field: 'id', heading: 'ID', width: 22 },
  { field: 'kind', heading: 'Kind', width: 30 },
  { field: 'title', heading: 'Title', width: 45 },
  { field: 'citation', heading: 'Citation', width: 40 },
  { field: 'permits', heading: 'What it permits', width: 80 },
  { field: 'organisationTypes', heading: 'Organisation types', width: 32 },
  { field: 'sources', heading: 'Sources', width: 60 },
  { field: 'wordingChecked', heading: 'Wording checked', width: 16 },
] as const satisfies readonly { field: keyof Gateway; heading: string; width: number }[];

export const MAX_GATEWAY_ROWS = 1000;

/** List cells hold one item per line; semicolons are accepted too when reading. */
export const LIST_SEPARATOR = '\n';
export const splitList = (cell: string): string[] =>
  cell
    .split(/[\n;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Straight and curly apostrophes are the same letter to a person typing "children's". */
const normalise = (text: string) =>
  text
    .trim()
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase();

const byText = <T extends string>(codes: readonly T[], labels: Record<T, string>) =>
  new Map<string, T>(
    codes.flatMap((code) => [[normalise(code), code] as const, [normalise(labels[code]), code] as const]),
  );

const kindByText = byText(gatewayKinds, gatewayKindLabels);
const organisationTypeByText = byText(organisationTypes, organisationTypeLabels);

export function kindFromText(text: string): GatewayKind | undefined {
  return kindByText.get(normalise(text));
}

export function organisationTypeFromText(text: string): OrganisationType | undefined {
  return organisationTypeByText.get(normalise(text));
}

export const YES = 'Yes';
export const NO = 'No';

export function checkedFromText(text: string): boolean | undefined {
  const t = normalise(text);
  if (t === 'yes' || t === 'true' || t === 'y') return true;
  if (t === 'no' || t === 'false' || t === 'n') return false;
  return undefined;
}
