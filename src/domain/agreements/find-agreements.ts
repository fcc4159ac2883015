import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { AgreementStatus, Tier } from './agreement-terms.ts';
import { loadOrganisations } from './check-context.ts';
import { summariseAgreement, type AgreementSummary } from './describe-agreement.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreements } from './load-agreements.ts';

/** The partnership's agreements, by reference, optionally of one tier or status. */
export async function findAgreements(
  deps: AgreementDeps,
  actor: Actor,
  filter: { tier?: Tier; status?: AgreementStatus } = {},
): Promise<AgreementSummary[]> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.list');
  const [all, orgs] = await Promise.all([
    loadAgreements(deps.db, actor.partnershipId),
    loadOrganisations(deps.db, actor.partnershipId),
  ]);
  const now = deps.clock.now();
  return all
    .map((a) => summariseAgreement(a, all, orgs, now))
    .filter(
      (s) => (!filter.tier || s.tier === filter.tier) && (!filter.status || s.status === filter.status),
    );
}
