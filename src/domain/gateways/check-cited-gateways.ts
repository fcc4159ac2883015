import type { Db } from '../shared/database.ts';
import type { FieldProblem } from '../shared/errors.ts';
import type { Gateway } from './gateway.ts';
import { gatewayKindLabels } from './gateway-kinds.ts';

/** One live agreement, in some partnership, that cites a gateway of the catalogue. */
export interface GatewayCitation {
  readonly gatewayId: string;
  readonly partnershipId: string;
  /** The agreement's reference in its partnership ("T2-014"). */
  readonly reference: string;
}

/**
 * Where the import learns which gateways agreements rely on: the agreements module's
 * findGatewayCitations. Injected, because agreements depend on the catalogue and not the other
 * way round.
 */
export type GatewayCitations = (db: Db, at: Date) => Promise<readonly GatewayCitation[]>;

const shownReferences = 5;

function citedBy(citations: readonly GatewayCitation[]): string {
  const refs = [...new Set(citations.map((c) => c.reference))].sort();
  const partnerships = new Set(citations.map((c) => c.partnershipId)).size;
  const listed = refs.slice(0, shownReferences).join(', ');
  const more = refs.length > shownReferences ? ` and ${refs.length - shownReferences} more` : '';
  const where = partnerships === 1 ? '1 partnership' : `${partnerships} partnerships`;
  return `${listed}${more} (${where})`;
}

/**
 * A new catalogue must keep every gateway that an agreement in force or in draft cites, with
 * the same kind: an agreement's flows were checked against that kind (an Art 9 condition where
 * special category data flows, a statute for a public discloser...), so dropping the gateway or
 * turning it into another kind of law would leave live agreements citing law that is not there
 * or that no longer does what they rely on it for.
 */
export function citedGatewayProblems(input: {
  readonly current: readonly Gateway[];
  readonly next: readonly Gateway[];
  readonly lines: readonly number[];
  readonly citations: readonly GatewayCitation[];
}): FieldProblem[] {
  const byGateway = new Map<string, GatewayCitation[]>();
  for (const c of input.citations) byGateway.set(c.gatewayId, [...(byGateway.get(c.gatewayId) ?? []), c]);
  const problems: FieldProblem[] = [];
  for (const was of input.current) {
    const citing = byGateway.get(was.id);
    if (!citing) continue;
    const at = input.next.findIndex((g) => g.id === was.id);
    if (at < 0) {
      problems.push({
        field: 'rows',
        problem: `The catalogue must keep ${was.id}: agreements in force or in draft cite it: ${citedBy(citing)}`,
      });
      continue;
    }
    const now = input.next[at]!;
    if (now.kind !== was.kind) {
      const line = input.lines[at]!;
      problems.push({
        field: `rows.${line}.kind`,
        problem: `Row ${line}: ${was.id} must stay “${gatewayKindLabels[was.kind]}”: agreements in force or in draft cite it as that: ${citedBy(citing)}`,
      });
    }
  }
  return problems;
}
