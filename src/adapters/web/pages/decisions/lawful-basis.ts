// The legal gateway catalogue (GET /api/gateways) grouped for the lawful basis page, in the order
// a decision needs them: an Article 6 basis, then the conditions some information needs, then the
// law that gives the power or duty and what sets the duty of confidence aside (DOMAIN.md 1).
import type { Gateway } from '../../api-types.ts';

const ORDER = [
  'uk_gdpr_art6',
  'uk_gdpr_art9',
  'dpa_sched1',
  'uk_gdpr_art10',
  'statute_duty',
  'statute_power',
  'common_law',
  'dpa_part3',
] as const;

export interface BasisGroup {
  readonly kind: string;
  readonly label: string;
  readonly gateways: readonly Gateway[];
}

export function basisGroups(gateways: readonly Gateway[]): BasisGroup[] {
  return ORDER.map((kind) => {
    const of = gateways.filter((g) => g.kind === kind);
    return { kind, label: of[0]?.kindLabel ?? kind, gateways: of };
  }).filter((group) => group.gateways.length > 0);
}

/** "Title (citation)" for a gateway id, or the id when the catalogue does not hold it. */
export function gatewayName(gateways: readonly Gateway[], id: string): string {
  const gateway = gateways.find((g) => g.id === id);
  return gateway ? `${gateway.title} (${gateway.citation})` : id;
}
