import { makesBasis } from '../alerts/contact-kinds.ts';
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
  // Person details first, so the other feeds find their people; then what alerts are raised on
  // (plans, lead practitioners, enrolments), so that the contacts and the police notices after
  // them raise the demo's alerts as they would in a partnership already running
  // (alerts/on-items-ingested.ts).
  const rank = (key: DemoFeedKey) => {
    const { recordKind, fieldGroup } = demoFeeds[key].mapping;
    if (recordKind === 'person_details') return 0;
    return makesBasis(recordKind, fieldGroup) ? 1 : 2;
  };
  const order = (Object.keys(demoFeeds) as DemoFeedKey[]).sort((a, b) => rank(a) - rank(b));
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
