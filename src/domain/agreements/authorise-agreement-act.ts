import { authorise } from '../partnership/authorise.ts';
import { can, overAnyOf, overOrganisation, type Capability } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { activeVersion, latestVersion } from './agreement-status.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';

/**
 * The organisations an act on an agreement is over: the parties of the version in force and of
 * the latest version (an amendment in draft may add or drop one).
 */
export function partiesOf(record: AgreementRecord): string[] {
  const versions = [activeVersion(record), latestVersion(record)];
  return [...new Set(versions.flatMap((v) => v?.content.parties.map((p) => p.organisationId) ?? []))];
}

/**
 * Authorises an act on an existing agreement (edit a draft, change a flow, submit, amend,
 * suspend, resume, terminate) over its parties: with `manage_agreements` scoped to their own
 * organisation, only a party's administrators and DPO act, so a council administrator cannot
 * suspend the police's agreement with a school (issue 13). Each party is a controller
 * answerable for its own sharing (UK GDPR Arts 5(2), 24, 26). A missing agreement is checked
 * over the actor's own organisation: "not found" either way, audited for anyone without the
 * capability.
 */
export async function authoriseAgreementAct(
  deps: Deps,
  actor: Actor,
  capability: Capability,
  agreementId: string,
  attempted: string,
): Promise<void> {
  const record = await loadAgreement(deps.db, actor.partnershipId, agreementId);
  if (!record) {
    await authorise(deps, actor, capability, ownOrganisation(actor), attempted);
    throw notFound('The agreement');
  }
  await authorise(deps, actor, capability, overAnyOf(partiesOf(record)), attempted);
}

/**
 * The same check again inside the act's transaction, with the agreement locked: a draft's
 * parties may have changed since. Losing that race is rare and harmless to refuse; it answers
 * "not found" like the audited refusal above.
 */
export function assertStillParty(actor: Actor, capability: Capability, record: AgreementRecord): void {
  if (!can(actor, capability, overAnyOf(partiesOf(record)))) throw notFound('The page');
}

const ownOrganisation = (actor: Actor) => overOrganisation(actor.kind === 'user' ? actor.organisationId : '');

/** Refusal of a draft that leaves out the drafter's own organisation, named by its field. */
export const mustBeParty = () =>
  invalid('parties', 'Include your own organisation as a party: you can draft agreements for it only');
