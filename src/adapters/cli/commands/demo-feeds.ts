import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoFeeds, type DemoFeedKey } from '../../../domain/demo/northshire-feed-mappings.ts';
import { generateDemoFeeds } from '../../../domain/demo/northshire-feeds.ts';

/**
 * `tessera demo feeds --out <dir>`: writes the demo agencies' feed files and their mappings
 * (what `npm start` loads), ready for `tessera ingest`. examples/feeds is this command's output.
 */
export async function demoFeedsCommand(options: { out: string; children: number }): Promise<number> {
  await mkdir(options.out, { recursive: true });
  const { files } = generateDemoFeeds(options.children);
  for (const key of Object.keys(demoFeeds) as DemoFeedKey[]) {
    const { name, mapping } = demoFeeds[key];
    await writeFile(join(options.out, `${name}.mapping.json`), `${JSON.stringify(mapping, null, 2)}\n`);
    await writeFile(join(options.out, `${name}.${mapping.format === 'json' ? 'jsonl' : 'csv'}`), files[key]);
  }
  console.log(`wrote ${Object.keys(demoFeeds).length} feeds and their mappings to ${options.out}`);
  return 0;
}
