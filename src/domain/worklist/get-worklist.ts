import { pendingVersion } from '../agreements/agreement-status.ts';
import type { AgreementDeps } from '../agreements/gateway-directory.ts';
import { loadAgreements } from '../agreements/load-agreements.ts';
import { findIngestRuns } from '../feeds/find-ingest-runs.ts';
import { can, overOrganisation, partnershipWide } from '../partnership/capabilities.ts';
import { countReviews } from '../people/link-review-store.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import { purposes } from '../policy/purposes.ts';
import { mayActForAs } from '../policy/role-purposes.ts';
import type { Actor } from '../shared/actor.ts';
import { findRecentChildren, type RecentChild } from './find-recent-children.ts';

export interface Worklist {
  /** Null where the role has no such work: the home page leaves the part out. */
  readonly recentChildren: readonly RecentChild[] | null;
  readonly signaturesAwaited:
    readonly { id: string; reference: string; title: string; version: number }[] | null;
  readonly linkReviewsWaiting: number | null;
  readonly feedRunsWithRejections:
    readonly { id: string; feed: string; startedAt: Date; rejected: number; rowsRead: number }[] | null;
}

/**
 * What is waiting for this person, by role: the children they opened lately, agreements their
 * organisation has still to sign, doubtful matches to review and feed runs that rejected rows.
 * Each part is asked only of a role that holds its capability (partnership/capabilities.ts), so
 * the home page never provokes an audited refusal.
 */
export async function getWorklist(deps: AgreementDeps & PolicyDeps, actor: Actor): Promise<Worklist> {
  if (actor.kind !== 'user') throw new Error('a worklist belongs to a user');
  const readsChildren = purposes.some((p) => mayActForAs(actor, p));
  const [recentChildren, signaturesAwaited, linkReviewsWaiting, feedRunsWithRejections] = await Promise.all([
    readsChildren ? findRecentChildren(deps, actor) : null,
    can(actor, 'sign_agreements', overOrganisation(actor.organisationId))
      ? awaitingOurSignature(deps, actor)
      : null,
    can(actor, 'review_links', partnershipWide)
      ? countReviews(deps.db, actor.partnershipId, 'pending')
      : null,
    can(actor, 'ingest_feeds', overOrganisation(actor.organisationId))
      ? runsWithRejections(deps, actor)
      : null,
  ]);
  return { recentChildren, signaturesAwaited, linkReviewsWaiting, feedRunsWithRejections };
}

/** Versions awaiting signatures where the actor's organisation is a party that has not signed. */
async function awaitingOurSignature(deps: AgreementDeps, actor: Actor & { kind: 'user' }) {
  const agreements = await loadAgreements(deps.db, actor.partnershipId);
  return agreements.flatMap((a) => {
    const v = pendingVersion(a);
    if (v?.status !== 'awaiting_signatures') return [];
    const party = v.content.parties.some((p) => p.organisationId === actor.organisationId);
    const signed = v.signatures.some((s) => s.organisationId === actor.organisationId);
    return party && !signed
      ? [{ id: a.id, reference: a.reference, title: v.content.title, version: v.version }]
      : [];
  });
}

async function runsWithRejections(deps: AgreementDeps, actor: Actor) {
  const runs = await findIngestRuns(deps, actor, { limit: 50 });
  return runs
    .filter((r) => r.rejected > 0)
    .slice(0, 5)
    .map((r) => ({
      id: r.id,
      feed: r.feed,
      startedAt: r.startedAt,
      rejected: r.rejected,
      rowsRead: r.rowsRead,
    }));
}
