import { authorise } from '../partnership/authorise.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { isUuid } from '../shared/ids.ts';
import { notFound } from '../shared/errors.ts';
import { selectRun, selectRuns, type IngestIssueRow, type IngestRunRow } from './ingest-run-store.ts';

/**
 * Ingest reports hold counts and line numbers with reasons, never values from the files, so
 * reading them is not a disclosure of subject data and is not audited as one. A data manager
 * sees their own organisation's runs; a system administrator every organisation's.
 */
const scopeOf = (actor: Actor) =>
  actor.kind === 'user' && actor.role !== 'system_admin' ? actor.organisationId : undefined;

export async function findIngestRuns(
  deps: Deps,
  actor: Actor,
  options: { limit?: number } = {},
): Promise<IngestRunRow[]> {
  await authorise(deps, actor, 'ingest_feeds', 'feeds.runs.list');
  return selectRuns(deps.db, actor.partnershipId, scopeOf(actor), options.limit ?? 100);
}

export async function getIngestRun(
  deps: Deps,
  actor: Actor,
  runId: string,
): Promise<{ run: IngestRunRow; issues: IngestIssueRow[] }> {
  await authorise(deps, actor, 'ingest_feeds', 'feeds.runs.get');
  const found = isUuid(runId) ? await selectRun(deps.db, actor.partnershipId, runId) : undefined;
  const scope = scopeOf(actor);
  if (!found || (scope !== undefined && found.run.organisationId !== scope)) throw notFound('The ingest run');
  return found;
}
