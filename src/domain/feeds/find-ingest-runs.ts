import { authorise } from '../partnership/authorise.ts';
import { overOrganisation, scopeOf } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { isUuid } from '../shared/ids.ts';
import { notFound } from '../shared/errors.ts';
import { selectRun, selectRuns, type IngestIssueRow, type IngestRunRow } from './ingest-run-store.ts';

/**
 * Ingest reports hold counts and line numbers with reasons, never values from the files, so
 * reading them is not a disclosure of subject data and is not audited as one. Whoever holds
 * ingest_feeds over their own organisation sees its runs; over the partnership, every run.
 */
const ownOrganisation = (actor: Actor) => (actor.kind === 'user' ? actor.organisationId : '');
const runScope = (actor: Actor) =>
  scopeOf(actor, 'ingest_feeds') === 'organisation' ? ownOrganisation(actor) : undefined;

export async function findIngestRuns(
  deps: Deps,
  actor: Actor,
  options: { limit?: number } = {},
): Promise<IngestRunRow[]> {
  await authorise(deps, actor, 'ingest_feeds', overOrganisation(ownOrganisation(actor)), 'feeds.runs.list');
  return selectRuns(deps.db, actor.partnershipId, runScope(actor), options.limit ?? 100);
}

export async function getIngestRun(
  deps: Deps,
  actor: Actor,
  runId: string,
): Promise<{ run: IngestRunRow; issues: IngestIssueRow[] }> {
  await authorise(deps, actor, 'ingest_feeds', overOrganisation(ownOrganisation(actor)), 'feeds.runs.get');
  const found = isUuid(runId) ? await selectRun(deps.db, actor.partnershipId, runId) : undefined;
  const scope = runScope(actor);
  if (!found || (scope !== undefined && found.run.organisationId !== scope)) throw notFound('The ingest run');
  return found;
}
