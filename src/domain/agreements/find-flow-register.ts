import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { flowGatewayIds, type ConfidentialityGround } from './agreement-terms.ts';
import { loadOrganisations } from './check-context.ts';
import type { NamedOrganisation } from './describe-agreement.ts';
import { findFlowRowsInForce } from './find-flows-in-force.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import type { FlowRecord } from './load-agreements.ts';

export interface GatewayReference {
  readonly id: string;
  readonly title: string;
}

export interface FlowRegisterEntry extends Omit<
  FlowRecord,
  'fromOrganisationIds' | 'toOrganisationIds' | 'confidentialityGround'
> {
  readonly agreementId: string;
  readonly reference: string;
  readonly title: string;
  readonly version: number;
  readonly from: readonly NamedOrganisation[];
  readonly to: readonly NamedOrganisation[];
  readonly confidentialityGround: ConfidentialityGround | null;
  /** Every gateway the flow cites, with its title from the catalogue. */
  readonly gateways: readonly GatewayReference[];
  readonly startDate: string;
  readonly reviewDate: string;
  readonly endDate: string | null;
}

/**
 * The partnership's register of information flows in force (UK GDPR Art 30 records of
 * processing draw on it; the ICO data sharing code expects partners to know what they share).
 */
export async function findFlowRegister(
  deps: AgreementDeps,
  actor: Actor,
  input: { at?: Date | undefined } = {},
): Promise<{ at: Date; flows: FlowRegisterEntry[] }> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.flow_register');
  const at = input.at ?? deps.clock.now();
  const [rows, orgs] = await Promise.all([
    findFlowRowsInForce(deps.db, actor.partnershipId, at),
    loadOrganisations(deps.db, actor.partnershipId),
  ]);
  const gateways = await deps.gateways.describe([...new Set(rows.flatMap((r) => flowGatewayIds(r.flow)))]);
  const named = (id: string) => ({ organisationId: id, name: orgs.get(id)?.name ?? 'Unknown organisation' });
  return {
    at,
    flows: rows.map(({ flow, ...row }) => {
      const { fromOrganisationIds, toOrganisationIds, ...rest } = flow;
      return {
        ...rest,
        ...row,
        from: fromOrganisationIds.map(named),
        to: toOrganisationIds.map(named),
        gateways: flowGatewayIds(flow).map((id) => ({ id, title: gateways.get(id)?.title ?? id })),
      };
    }),
  };
}
