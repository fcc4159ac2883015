import type { LinkingDeps } from './held-index.ts';
import { partnershipsWithModel } from './linkage-model-store.ts';

/**
 * Builds the linkage index of every partnership with a fitted model, one after another, so the
 * first link or pair page after a restart does not pay for it (about 2 minutes at 1M held,
 * bench/results/linkage.json). `tessera serve` starts it once the server listens and does not
 * wait for it. Linking that arrives first is still right: it waits, in the partnership's serial
 * queue, for the same build (LinkIndexes.get hands every caller the one promise), and a record
 * committed while the index was being read is scored when it is linked (HeldIndex.addAndScore).
 * A failure is logged and left to the lazy path. Logs ids and counts only.
 */
export async function warmLinkIndexes(deps: LinkingDeps): Promise<void> {
  for (const partnershipId of await partnershipsWithModel(deps.db)) {
    const started = performance.now();
    try {
      const held = await deps.linkIndexes.serial(partnershipId, () =>
        deps.linkIndexes.get(deps, partnershipId),
      );
      deps.logger.info(
        { partnershipId, held: held?.size ?? 0, ms: Math.round(performance.now() - started) },
        'link index ready',
      );
    } catch (error) {
      deps.logger.warn(
        { partnershipId, error: error instanceof Error ? error.name : 'unknown' },
        'link index warm-up failed; it will be built on first use',
      );
    }
  }
}
