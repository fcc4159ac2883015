import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import { findOrganisations } from '../partnership/find-organisations.ts';
import type { OrganisationType } from '../partnership/roles.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';

/** An organisation as someone drafting or reading an agreement needs it: who, and what kind. */
export interface AgreementOrganisation {
  readonly id: string;
  readonly name: string;
  readonly type: OrganisationType;
}

/**
 * The organisations of the actor's own partnership that can be parties to its agreements, for
 * anyone who may read agreements (a DPO drafting, a signatory checking the parties). Only the
 * names and kinds: who works there and in what role stays with partnership administration
 * (manage_partnership). Like the other lists of agreements, a refusal is audited and answers
 * "not found"; an allowed list is not, as partner names are published in the flow register.
 */
export async function findAgreementOrganisations(deps: Deps, actor: Actor): Promise<AgreementOrganisation[]> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.organisations');
  return (await findOrganisations(deps.db, actor)).map(({ id, name, type }) => ({ id, name, type }));
}
