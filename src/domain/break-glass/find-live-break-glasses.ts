import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { breakGlass } from './schema.ts';

export interface LiveBreakGlass {
  readonly breakGlassId: string;
  readonly personId: string;
  readonly expiresAt: Date;
}

/**
 * The actor's own break-glasses still running, for the banner that shows the time left. Only the
 * user's own acts, and nothing about the child beyond the id the user already holds.
 */
export async function findLiveBreakGlasses(deps: Deps, actor: Actor): Promise<LiveBreakGlass[]> {
  if (actor.kind !== 'user') return [];
  const now = deps.clock.now();
  return deps.db
    .select({ breakGlassId: breakGlass.id, personId: breakGlass.personId, expiresAt: breakGlass.expiresAt })
    .from(breakGlass)
    .where(
      and(
        eq(breakGlass.partnershipId, actor.partnershipId),
        eq(breakGlass.userId, actor.userId),
        lte(breakGlass.startedAt, now),
        gt(breakGlass.expiresAt, now),
      ),
    )
    .orderBy(asc(breakGlass.expiresAt));
}
