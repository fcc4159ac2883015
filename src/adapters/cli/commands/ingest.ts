import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../../../config/config.ts';
import { parseFeedMappingText } from '../../../domain/feeds/feed-mapping.ts';
import { getIngestRun } from '../../../domain/feeds/find-ingest-runs.ts';
import { ingestFeed } from '../../../domain/feeds/ingest-feed.ts';
import { fieldGroupDefinitions } from '../../../domain/policy/field-groups.ts';
import { systemActor } from '../../../domain/shared/actor.ts';
import { queryRows } from '../../../domain/shared/database.ts';
import { LinkIndexes } from '../../../domain/people/held-index.ts';
import { personLinker } from '../../../domain/people/person-linker.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { DomainError } from '../../../domain/shared/errors.ts';
import { isUuid, type PartnershipId } from '../../../domain/shared/ids.ts';
import { openRuntime } from '../../../runtime.ts';

export interface IngestCommandOptions {
  org: string;
  mapping: string;
  file: string;
  partnership?: string;
  batchSize?: number;
}

/** A bar on a terminal; plain lines, at most one a second, when the output is a file or a pipe. */
function progressReporter(total: number, tty: boolean) {
  let lastLine = 0;
  return {
    update(bytes: number, rows: number) {
      const share = total > 0 ? Math.min(1, bytes / total) : 1;
      if (tty) {
        const width = 30;
        const done = Math.round(share * width);
        process.stdout.write(
          `\r[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${Math.round(share * 100)}%  ${rows} rows`,
        );
      } else if (lastLine === 0 || Date.now() - lastLine >= 1000) {
        lastLine = Date.now();
        console.log(`ingest: ${rows} rows committed (${Math.round(share * 100)}% of the file read)`);
      }
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}

/**
 * `tessera ingest --org <id> --mapping <file> <data file>`: loads one agency feed file as the
 * system, through the same use case as the upload API. Exit 0 when the run completed (rejected
 * rows are listed: they are the agency's to fix), 1 when it failed, 2 for bad usage.
 */
export async function ingestCommand(
  config: Config,
  logger: Logger,
  options: IngestCommandOptions,
): Promise<number> {
  if (!isUuid(options.org)) {
    console.error('--org must be an organisation id (a UUID)');
    return 2;
  }
  let mappingText: string;
  let size: number;
  try {
    mappingText = await readFile(options.mapping, 'utf8');
    size = (await stat(options.file)).size;
  } catch (error) {
    console.error(`cannot read ${(error as { path?: string }).path ?? 'the file'}`);
    return 2;
  }
  const runtime = await openRuntime(config, logger);
  try {
    const [org] = await queryRows<{ partnership_id: string }>(
      runtime.deps.db,
      sql`select partnership_id::text from organisation where id = ${options.org}`,
    );
    if (!org || (options.partnership && options.partnership !== org.partnership_id)) {
      console.error('The organisation was not found');
      return 2;
    }
    const mapping = parseFeedMappingText(mappingText);
    const actor = systemActor(org.partnership_id as PartnershipId, 'cli-ingest');
    const stream = createReadStream(options.file, { highWaterMark: 256 * 1024 });
    const progress = progressReporter(size, process.stdout.isTTY === true);
    const linkIndexes = new LinkIndexes();
    const linker = personLinker({ ...runtime.deps, linkIndexes });
    const result = await ingestFeed({ ...runtime.deps, ...linker }, actor, {
      organisationId: options.org,
      mapping,
      source: stream,
      fileName: basename(options.file),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      onProgress: ({ rows }) => progress.update(stream.bytesRead, rows),
    });
    progress.end();
    const t = result.totals;
    console.log(
      `run ${result.runId}: ${t.rows} rows read, ${t.inserted} new, ${t.updated} changed, ${t.unchanged} unchanged, ${t.rejected} rejected, ${t.flagged} flagged`,
    );
    if (t.waitingForIdentity > 0)
      console.log(
        `warning: ${t.waitingForIdentity} records kept waiting for identity: their person's details row was refused or has not arrived, so they are linked to no one else's records until it does`,
      );
    if (t.erasedNotReloaded > 0)
      console.log(
        `${t.erasedNotReloaded} rows name records their organisation erased: not reloaded (UK GDPR Art 17)`,
      );
    if (result.sharedOutside === false)
      console.log(
        `warning: no agreement in force lets anyone outside the organisation see ${fieldGroupDefinitions[mapping.fieldGroup].label.toLowerCase()}: these records reach no one`,
      );
    const { issues } = await getIngestRun(runtime.deps, actor, result.runId);
    for (const issue of issues.slice(0, 50))
      console.log(
        `line ${issue.line}${issue.column ? ` (${issue.column})` : ''}: ${issue.severity}: ${issue.reason}`,
      );
    if (issues.length > 50) console.log(`… and more: see the ingest report for run ${result.runId}`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      for (const f of error.fields ?? [])
        if (f.problem !== error.message) console.error(`  ${f.field}: ${f.problem}`);
      return error.code === 'validation_failed' ? 2 : 1;
    }
    throw error;
  } finally {
    await runtime.database.close();
  }
}
