import type { PartnershipId } from '../shared/ids.ts';
import type { AgencyPersonToLink } from './agency-person-store.ts';
import type { HeldIndex, LinkingDeps } from './held-index.ts';
import { queuedPairs, readLinkState, writeLinkOutcome } from './link-writes.ts';
import { planLink, type PlannedReview } from './plan-link.ts';
import { planRelink } from './plan-relink.ts';
import { lockAutomaticLinking, type CurrentLink, type LinkedBy } from './person-link-store.ts';

export interface LinkOutcome {
  readonly agencyPersonId: string;
  readonly personId: string;
  /** 'kept': a changed record evaluated again that stays in its person. */
  readonly linkedBy: 'first' | 'auto' | 'kept' | 'already_linked';
  readonly probability: number;
  readonly reviewsQueued: number;
}

export const LINKAGE_PROCESS = 'person-linkage';
const NO_MODEL = '00000000-0000-0000-0000-000000000000';

type Decision =
  | { kind: 'first' | 'auto'; personId?: string; probability: number; reviews: PlannedReview[] }
  | { kind: 'kept'; reviews: PlannedReview[] };

/**
 * Links one agency person: scored in memory before the transaction (so the lock is held
 * briefly), then BEGIN, the partnership's lock (commit without waiting for the disk:
 * lockAutomaticLinking says why that is safe), ONE read of the links the decision depends on,
 * ONE write of everything decided with its audit event, COMMIT.
 */
export async function linkOneAgencyPerson(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
  held: HeldIndex | undefined,
  person: AgencyPersonToLink,
): Promise<LinkOutcome> {
  const candidates = held
    ? held
        .addAndScore(person, { changed: person.linked && !person.upToDate })
        .filter((c) => c.weight >= held.stored.reviewWeight)
    : [];
  const candidateIds = held ? candidates.map((c) => held.agencyPersonOf(c.row)) : [];
  // The members of a person are needed only to join it (one strong candidate) or to judge a
  // changed record against its own person; none are read for a record with no strong match.
  const strongIds = held
    ? candidates.filter((c) => c.weight >= held.stored.mergeWeight).map((c) => held.agencyPersonOf(c.row))
    : [];
  return deps.db.transaction(async (tx) => {
    await lockAutomaticLinking(tx, partnershipId);
    const { links, members } = await readLinkState(
      tx,
      partnershipId,
      [person.id, ...candidateIds],
      [person.id, ...strongIds],
    );
    const current = links.get(person.id);
    // Another process may have linked it, as it is now, while this one waited for the lock.
    if (current && current.evaluatedHash === person.contentHash)
      return {
        agencyPersonId: person.id,
        personId: current.personId,
        linkedBy: 'already_linked' as const,
        probability: current.probability,
        reviewsQueued: 0,
      };
    const row = held?.rowOfPerson(person.id);
    let decision: Decision = { kind: 'first', probability: 1, reviews: [] };
    if (held && row !== undefined && current) {
      const plan = planRelink({ held, row, agencyPersonId: person.id, current, candidates, links, members });
      decision = plan.kind === 'kept' ? plan : { probability: 1, ...plan };
      if (plan.kind === 'first') {
        // Held apart only if a reviewer will be asked: pairs decided before are not queued again,
        // and a person's decision about these records stands.
        const asked = await queuedPairs(
          tx,
          partnershipId,
          person.id,
          plan.reviews.map((r) => r.candidateAgencyPersonId),
        );
        const reviews = plan.reviews.filter((r) => !asked.has(r.candidateAgencyPersonId));
        decision = reviews.length > 0 ? { ...decision, reviews } : { kind: 'kept', reviews: [] };
      }
    } else if (held && row !== undefined && candidates.length > 0) {
      decision = { probability: 1, ...planLink({ held, row, candidates, links, members }) };
    } else if (current) {
      // No model yet: a changed record of its own stays where it is.
      decision = { kind: 'kept', reviews: [] };
    }
    const to = targetOf(decision, current, deps.ids.uuid);
    const reviewsQueued = await writeLinkOutcome(tx, {
      partnershipId,
      decisionId: deps.ids.uuid(),
      kind: decision.kind,
      decidedAt: deps.clock.now(),
      decidedBy: LINKAGE_PROCESS,
      agencyPersonId: person.id,
      contentHash: person.contentHash,
      from: current,
      to,
      modelId: held?.stored.id ?? NO_MODEL,
      reviews: decision.reviews.map((r) => ({ ...r, agencyPersonId: person.id, id: deps.ids.uuid() })),
    });
    return {
      agencyPersonId: person.id,
      personId: to.personId,
      linkedBy: decision.kind,
      probability: to.probability,
      reviewsQueued,
    };
  });
}

function targetOf(
  decision: Decision,
  current: CurrentLink | undefined,
  uuid: () => string,
): { personId: string; probability: number; linkedBy: LinkedBy } {
  if (decision.kind === 'kept' && current)
    return {
      personId: current.personId,
      probability: current.probability,
      linkedBy: current.linkedBy as LinkedBy,
    };
  if (decision.kind === 'auto' && decision.personId)
    return { personId: decision.personId, probability: decision.probability, linkedBy: 'auto' };
  return { personId: uuid(), probability: 1, linkedBy: 'first' };
}
