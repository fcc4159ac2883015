import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { flowGatewayIds } from './agreement-terms.ts';
import { loadOrganisations } from './check-context.ts';
import { describeAgreement, type AgreementDetail } from './describe-agreement.ts';
import type { AgreementDeps, GatewayDescription } from './gateway-directory.ts';
import { loadAgreements } from './load-agreements.ts';

/**
 * One agreement with its whole history, for any member of the partnership: agreements are
 * transparency documents (ICO data sharing code: be open about sharing). Another partnership's
 * agreement is answered exactly like one that does not exist.
 */
export async function getAgreement(
  deps: AgreementDeps,
  actor: Actor,
  agreementId: string,
): Promise<AgreementDetail & { gateways: ReadonlyMap<string, GatewayDescription> }> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.read');
  const all = await loadAgreements(deps.db, actor.partnershipId);
  const record = all.find((a) => a.id === agreementId);
  if (!record) throw notFound('The agreement');
  const cited = record.versions.flatMap((v) => [...v.content.gatewayIds, ...v.flows.flatMap(flowGatewayIds)]);
  const [orgs, gateways] = await Promise.all([
    loadOrganisations(deps.db, actor.partnershipId),
    deps.gateways.describe([...new Set(cited)]),
  ]);
  return { ...describeAgreement(record, all, orgs, deps.clock.now()), gateways };
}
