import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { activeVersion, versionStatus } from './agreement-status.ts';
import { addDays, daysBetween, londonDate } from './calendar-dates.ts';
import { loadOrganisations } from './check-context.ts';
import { summariseAgreement, type AgreementSummary } from './describe-agreement.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreements } from './load-agreements.ts';

const reviewable = new Set(['active', 'review_due', 'suspended']);

/**
 * Agreements in force (or suspended) whose review date has passed or falls within the coming
 * `withinDays`, soonest first. Regular review is what keeps sharing necessary and proportionate
 * (ICO data sharing code; ICO 10 step guide, step 6).
 */
export async function findAgreementsDueForReview(
  deps: AgreementDeps,
  actor: Actor,
  input: { withinDays: number },
): Promise<(AgreementSummary & { daysUntilReview: number })[]> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.due_for_review');
  const now = deps.clock.now();
  const today = londonDate(now);
  const horizon = addDays(today, input.withinDays);
  const [all, orgs] = await Promise.all([
    loadAgreements(deps.db, actor.partnershipId),
    loadOrganisations(deps.db, actor.partnershipId),
  ]);
  return all
    .flatMap((a) => {
      const inForce = activeVersion(a);
      if (!inForce || !reviewable.has(versionStatus(a, inForce, now))) return [];
      if (inForce.content.reviewDate > horizon) return [];
      const summary = summariseAgreement(a, all, orgs, now);
      return [{ ...summary, daysUntilReview: daysBetween(today, inForce.content.reviewDate) }];
    })
    .sort((x, y) => x.daysUntilReview - y.daysUntilReview || x.reference.localeCompare(y.reference));
}
