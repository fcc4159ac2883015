import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { systemActor } from '../shared/actor.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { readAgencyPersonsToLink } from './agency-person-store.ts';
import { linkOneAgencyPerson, LINKAGE_PROCESS, type LinkOutcome } from './link-one-agency-person.ts';
import {
  fitAndSaveModel,
  HeldIndex,
  MIN_FIT_RECORDS,
  readHeldDataset,
  REFIT_GROWTH,
  type LinkingDeps,
} from './held-index.ts';
import { DomainError } from '../shared/errors.ts';
import { LinkageIndex } from './linkage/linkage-index.ts';

/**
 * Incremental linking, called by ingest after each commit with the agency persons it wrote.
 * Each is scored against everything held (the partnership's LinkageIndex) and, in its own
 * transaction with its audit event (link-one-agency-person.ts):
 * - joins the one person it matches above the threshold ('auto'), unless a record of that person
 *   has a different valid NHS number or the record does not agree with the person's records on
 *   average (the batch clustering's rule), in which case the pair goes to review;
 * - otherwise becomes a new person ('first'), with any pair in the uncertain band queued for
 *   review, and any match above the threshold with two or more persons queued too: joining two
 *   persons already distinct is how twins and siblings get merged, so a person decides.
 * A linked record whose content changed since its link was decided is evaluated again
 * (plan-relink.ts says how); one unchanged is left alone ('already_linked').
 */
export async function linkAgencyPersons(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
  agencyPersonIds: readonly string[],
): Promise<LinkOutcome[]> {
  return deps.linkIndexes.serial(partnershipId, async () => {
    const people = await readAgencyPersonsToLink(deps.db, partnershipId, agencyPersonIds);
    const out: LinkOutcome[] = [];
    let held: HeldIndex | undefined | null = null;
    for (const person of people) {
      if (person.upToDate && person.link) {
        out.push({ agencyPersonId: person.id, ...person.link, linkedBy: 'already_linked', reviewsQueued: 0 });
        continue;
      }
      // The index is built (or refitted) only when something needs linking.
      if (held === null) held = await heldForLinking(deps, partnershipId);
      out.push(await linkOneAgencyPerson(deps, partnershipId, held, person));
    }
    if (held === undefined) deps.linkIndexes.forget(partnershipId);
    return out;
  });
}

/** The index, refitted first if the held records have grown REFIT_GROWTH-fold since the fit. */
async function heldForLinking(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
): Promise<HeldIndex | undefined> {
  const held = await deps.linkIndexes.get(deps, partnershipId);
  if (!held || held.size < REFIT_GROWTH * held.stored.heldCount) return held;
  return refitHeldModel(deps, partnershipId, `held records grew ${REFIT_GROWTH}-fold`);
}

/**
 * Fits the model again to everything held (`tessera link refit`, or growth). Existing links are
 * kept; only records linked from now on use the new model.
 */
export async function refitHeldModel(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
  reason: string,
): Promise<HeldIndex> {
  const ds = await readHeldDataset(deps, partnershipId);
  // EM without labels needs enough pairs inside the blocks to tell matches from relatives.
  if (ds.size < MIN_FIT_RECORDS)
    throw new DomainError(
      'conflict',
      `Too few records to fit a model: ${ds.size} held, ${MIN_FIT_RECORDS} needed`,
    );
  const { stored } = await deps.db.transaction(async (tx) => {
    const fitted = await fitAndSaveModel({ ...deps, db: tx }, partnershipId, ds);
    await appendAuditEvent(tx, {
      actor: systemActor(partnershipId, LINKAGE_PROCESS),
      action: 'linkage.model_fitted',
      outcome: 'success',
      details: { modelId: fitted.stored.id, heldCount: ds.size, reason },
    });
    return fitted;
  });
  const held = new HeldIndex(stored, new LinkageIndex(ds, stored.model, stored.rules));
  deps.linkIndexes.set(partnershipId, held);
  return held;
}
