import { parseFeedMapping } from '../feeds/feed-mapping.ts';
import { ingestFeed, type IngestDeps } from '../feeds/ingest-feed.ts';
import { systemActor } from '../shared/actor.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { demoFeeds, type DemoFeedKey } from './northshire-feed-mappings.ts';
import { generateDemoFeeds } from './northshire-feeds.ts';
import { demoPartnership } from './northshire.ts';

/**
 * Loads Northshire's synthetic population through the real feeds, as each agency would send it
 * (DEMO ONLY): the same ingest, checks, audit and report as any upload. Person details first, so
 * the other feeds find their people; linkage runs through deps.linkPeople when it is wired.
 */
export async function seedDemoFeeds(
  deps: IngestDeps,
  options: { children?: number; onFeed?: (name: string, n: number, of: number) => void } = {},
): Promise<{ runs: number; rows: number }> {
  const actor = systemActor(demoPartnership.id as PartnershipId, 'demo-seed');
  const { files } = generateDemoFeeds(options.children);
  const order = (Object.keys(demoFeeds) as DemoFeedKey[]).sort(
    (a, b) =>
      Number(demoFeeds[b].mapping.recordKind === 'person_details') -
      Number(demoFeeds[a].mapping.recordKind === 'person_details'),
  );
  let rows = 0;
  for (const [n, key] of order.entries()) {
    options.onFeed?.(demoFeeds[key].name, n + 1, order.length);
    const mapping = parseFeedMapping(demoFeeds[key].mapping);
    const result = await ingestFeed(deps, actor, {
      organisationId: mapping.organisation,
      mapping,
      source: [Buffer.from(files[key])],
      fileName: `${demoFeeds[key].name}.${mapping.format === 'json' ? 'jsonl' : 'csv'}`,
    });
    rows += result.totals.rows;
  }
  return { runs: order.length, rows };
}
