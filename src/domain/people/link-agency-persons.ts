import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { systemActor } from '../shared/actor.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { readAgencyPersons, type HeldAgencyPerson } from './agency-person-store.ts';
import { planLink, type LinkPlan } from './plan-link.ts';
import { currentLinks, lockLinking, membersOf, queueReviews, writeDecision } from './person-link-store.ts';
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

export interface LinkOutcome {
  readonly agencyPersonId: string;
  readonly personId: string;
  readonly linkedBy: 'first' | 'auto' | 'already_linked';
  readonly probability: number;
  readonly reviewsQueued: number;
}

const PROCESS = 'person-linkage';

/**
 * Incremental linking, called by ingest after each commit with the agency persons it wrote.
 * Each is scored against everything held (the partnership's LinkageIndex) and, in its own
 * transaction with its audit event:
 * - joins the one person it matches above the threshold ('auto'), unless a record of that person
 *   has a different valid NHS number or the record does not agree with the person's records on
 *   average (the batch clustering's rule), in which case the pair goes to review;
 * - otherwise becomes a new person ('first'), with any pair in the uncertain band queued for
 *   review, and any match above the threshold with two or more persons queued too: joining two
 *   persons already distinct is how twins and siblings get merged, so a person decides.
 * An agency person already linked keeps its person (a changed record does not move by itself).
 */
export async function linkAgencyPersons(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
  agencyPersonIds: readonly string[],
): Promise<LinkOutcome[]> {
  return deps.linkIndexes.serial(partnershipId, async () => {
    const people = await readAgencyPersons(deps.db, partnershipId, agencyPersonIds);
    const held = await heldForLinking(deps, partnershipId);
    const out: LinkOutcome[] = [];
    for (const person of people) out.push(await linkOne(deps, partnershipId, held, person));
    if (!held) deps.linkIndexes.forget(partnershipId);
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
      actor: systemActor(partnershipId, PROCESS),
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

async function linkOne(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
  held: HeldIndex | undefined,
  person: HeldAgencyPerson,
): Promise<LinkOutcome> {
  // Scored before the transaction: pure computation over memory, so the lock is held briefly.
  const candidates = held ? held.addAndScore(person).filter((c) => c.weight >= held.stored.reviewWeight) : [];
  return deps.db.transaction(async (tx) => {
    await lockLinking(tx, partnershipId);
    // One query for the record itself (already linked?) and the person of every candidate.
    const ids = held ? candidates.map((c) => held.agencyPersonOf(c.row)) : [];
    const links = await currentLinks(tx, partnershipId, [person.id, ...ids]);
    const existing = links.get(person.id);
    if (existing)
      return {
        agencyPersonId: person.id,
        personId: existing.personId,
        linkedBy: 'already_linked' as const,
        probability: existing.probability,
        reviewsQueued: 0,
      };
    let plan: LinkPlan = { kind: 'first', reviews: [] };
    if (held && candidates.length > 0) {
      const strongPersons = new Set<string>();
      for (const c of candidates) {
        const personId = links.get(held.agencyPersonOf(c.row))?.personId;
        if (c.weight >= held.stored.mergeWeight && personId !== undefined) strongPersons.add(personId);
      }
      // The records of the person joined are needed only when there is exactly one to join.
      const members =
        strongPersons.size === 1
          ? await membersOf(tx, partnershipId, [...strongPersons])
          : new Map<string, string[]>();
      plan = planLink({ held, row: held.rowOfPerson(person.id)!, candidates, links, members });
    }
    const personId = plan.kind === 'auto' ? plan.personId : deps.ids.uuid();
    const probability = plan.kind === 'auto' ? plan.probability : 1;
    const now = deps.clock.now();
    const decisionId = await writeDecision(tx, deps.ids, {
      partnershipId,
      kind: plan.kind,
      decidedAt: now,
      decidedBy: PROCESS,
      moves: [
        { agencyPersonId: person.id, from: undefined, to: { personId, probability, linkedBy: plan.kind } },
      ],
    });
    const reviewsQueued = await queueReviews(tx, deps.ids, {
      partnershipId,
      modelId: held?.stored.id ?? '00000000-0000-0000-0000-000000000000',
      createdAt: now,
      items: plan.reviews.map((r) => ({ ...r, agencyPersonId: person.id })),
    });
    await appendAuditEvent(tx, {
      actor: systemActor(partnershipId, PROCESS),
      action: 'person.linked',
      outcome: 'success',
      subject: { type: 'person', id: person.id },
      details: {
        agencyPersonId: person.id,
        personId,
        linkedBy: plan.kind,
        probability: Math.round(probability * 1e6) / 1e6,
        decisionId,
        reviewsQueued,
      },
    });
    return { agencyPersonId: person.id, personId, linkedBy: plan.kind, probability, reviewsQueued };
  });
}
