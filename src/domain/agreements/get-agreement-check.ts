import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { latestVersion } from './agreement-status.ts';
import { checkAgreement } from './check-agreement.ts';
import { checkInputForVersion } from './check-context.ts';
import type { AgreementCheckResult } from './check-types.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement } from './load-agreements.ts';

/**
 * What would stop the latest version being submitted, and what a DPO would question, so a
 * drafter can see it before pressing submit.
 */
export async function getAgreementCheck(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string },
): Promise<AgreementCheckResult & { version: number }> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.check');
  const record = await loadAgreement(deps.db, actor.partnershipId, input.agreementId);
  if (!record) throw notFound('The agreement');
  const version = latestVersion(record);
  return { version: version.version, ...checkAgreement(await checkInputForVersion(deps, record, version)) };
}
