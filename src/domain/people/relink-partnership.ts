import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { systemActor } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { queryRows } from '../shared/database.ts';
import { sql } from 'drizzle-orm';
import { markLinksEvaluated } from './agency-person-store.ts';
import { fitAndSaveModel, HeldIndex, readHeldDataset, type LinkingDeps } from './held-index.ts';
import { LinkageIndex } from './linkage/linkage-index.ts';
import {
  lockLinking,
  queueReviews,
  writeDecision,
  type Move,
  type NewReviewItem,
} from './person-link-store.ts';

export interface RelinkSummary {
  readonly records: number;
  readonly persons: number;
  readonly reviewsQueued: number;
  /** Null when nothing is held, so there was nothing to fit. */
  readonly modelId: string | null;
}

/**
 * The initial load (the demo seed, a partnership's first feeds): batch linkage of every agency
 * person held (linkage/link-records.ts: block, fit without labels, choose the threshold,
 * cluster), stored as one 'relink' decision, with the fitted model kept for incremental linking
 * and the uncertain and refused pairs queued for review. Only for a partnership with no links
 * yet: relinking over reviewed decisions would silently overturn them.
 */
export async function relinkPartnership(
  deps: LinkingDeps,
  partnershipId: PartnershipId,
): Promise<RelinkSummary> {
  return deps.linkIndexes.serial(partnershipId, async () => {
    const ds = await readHeldDataset(deps, partnershipId);
    if (ds.size === 0) return { records: 0, persons: 0, reviewsQueued: 0, modelId: null };
    const summary = await deps.db.transaction(async (tx) => {
      await lockLinking(tx, partnershipId);
      const [linked] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from person_link where partnership_id = ${partnershipId}`,
      );
      if (linked!.n > 0)
        throw new DomainError(
          'conflict',
          'This partnership already has linked records; refit the model instead',
        );
      const { stored, result } = await fitAndSaveModel({ ...deps, db: tx }, partnershipId, ds);
      const index = new LinkageIndex(ds, stored.model, stored.rules);
      const members = new Map<number, number[]>();
      for (let row = 0; row < ds.size; row++) {
        const c = result.clusterOf[row]!;
        const list = members.get(c);
        if (list) list.push(row);
        else members.set(c, [row]);
      }
      const moves: Move[] = [];
      for (const rows of members.values()) {
        const personId = deps.ids.uuid();
        rows.forEach((row, k) => {
          // The probability shown beside an entry is that of the strongest link into its person.
          let weight = -Infinity;
          for (const other of rows) if (other !== row) weight = Math.max(weight, index.weight(row, other));
          const probability = k === 0 && rows.length === 1 ? 1 : 1 / (1 + 2 ** -weight);
          moves.push({
            agencyPersonId: ds.recordIds[row]!,
            from: undefined,
            to: { personId, probability, linkedBy: rows.length === 1 ? 'first' : 'auto' },
          });
        });
      }
      const now = deps.clock.now();
      await writeDecision(tx, deps.ids, {
        partnershipId,
        kind: 'relink',
        decidedAt: now,
        decidedBy: 'person-linkage',
        moves,
      });
      await markLinksEvaluated(tx, partnershipId);
      const items: NewReviewItem[] = result.review.map((r) => ({
        agencyPersonId: ds.recordIds[r.right]!,
        candidateAgencyPersonId: ds.recordIds[r.left]!,
        weight: r.weight,
        probability: r.probability,
        reason: r.reason === 'uncertain' ? 'uncertain' : 'merge_refused',
      }));
      const reviewsQueued = await queueReviews(tx, deps.ids, {
        partnershipId,
        modelId: stored.id,
        createdAt: now,
        items,
      });
      const out = { records: ds.size, persons: members.size, reviewsQueued, modelId: stored.id };
      await appendAuditEvent(tx, {
        actor: systemActor(partnershipId, 'person-linkage'),
        action: 'people.relinked',
        outcome: 'success',
        details: out,
      });
      return { out, held: new HeldIndex(stored, index) };
    });
    deps.linkIndexes.set(partnershipId, summary.held);
    return summary.out;
  });
}
