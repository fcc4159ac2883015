import type { WithdrawnFlow } from '../policy/flows-in-force-source.ts';
import type { Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { frameworkInForceAt, versionAsAt, versionStateAt } from './agreement-status.ts';
import { loadAgreements } from './load-agreements.ts';

/**
 * The Tier 2 flows that would reach `to.organisationId` for `to.purpose` but whose agreement is
 * not in force at `at`, each with why (the version's state as agreement-status.ts derives it, or
 * its Tier 1 framework not being in force). The policy reads this only to audit a refusal with
 * its real reason (a suspended or expired agreement rather than "no agreement"); it never allows
 * anything. A partnership holds tens of agreements, so they are read whole.
 */
export async function findWithdrawnFlows(
  db: Db,
  partnershipId: PartnershipId,
  at: Date,
  to: { readonly organisationId: string; readonly purpose: string },
): Promise<WithdrawnFlow[]> {
  const all = await loadAgreements(db, partnershipId);
  return all
    .filter((a) => a.tier === 'tier2')
    .flatMap((a) => {
      const v = versionAsAt(a, at);
      const state = versionStateAt(a, v, at);
      const why =
        state !== 'in_force' ? state : frameworkInForceAt(a, all, at) ? undefined : 'framework_not_in_force';
      if (why === undefined) return [];
      return v.flows
        .filter(
          (f) => f.toOrganisationIds.includes(to.organisationId) && f.purposes.some((p) => p === to.purpose),
        )
        .map((f) => ({
          reference: a.reference,
          version: v.version,
          state: why,
          fromOrganisationIds: f.fromOrganisationIds,
          fieldGroups: f.fieldGroups,
        }));
    });
}
