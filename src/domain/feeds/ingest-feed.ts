import { onItemsIngested, type RaisedAlert } from '../alerts/on-items-ingested.ts';
import { getOrganisationInPartnership } from '../partnership/find-organisations.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import { writeIngestBatch, type IngestItem } from '../records/ingest-store.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, invalid, notFound } from '../shared/errors.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import { mappedColumns, type FeedMapping } from './feed-mapping.ts';
import { closeRun, emptyTotals, openRun, recordBatch, type RunTotals } from './ingest-run-store.ts';
import { isFieldGroupSharedOutside } from './is-field-group-shared-outside.ts';
import { rowPreparer, type RowIssue } from './prepare-row.ts';
import { defaultLimits, readFeedRows, type ReadLimits } from './read-feed-rows.ts';

export interface IngestDeps extends Deps {
  /**
   * Person linkage (people module), called after each batch commits with the agency persons it
   * created or changed, so new records are linked against everything already held. Optional: the
   * composition root wires it; without it the persons wait for the next linkage run.
   */
  readonly linkPeople?: (partnershipId: PartnershipId, agencyPersonIds: readonly string[]) => Promise<void>;
  /**
   * Links the organisation's agency persons that an earlier run committed but never linked
   * (killed between a batch's commit and its linking) or changed without relinking; called at
   * the end of every run, so a kill never leaves a person out of the single view.
   */
  readonly linkPending?: (partnershipId: PartnershipId, organisationId: string) => Promise<number>;
  /**
   * The work that follows alerts raised by a batch, after it commits and never inside it: the
   * escalation of an Operation Encompass notice at its deadline, an email saying there is
   * something to see (alerts/dispatch-alert-jobs.ts). Wired by the composition root to the job
   * queue; without it, escalations are queued when the job workers next start.
   */
  readonly afterAlertsRaised?: (
    partnershipId: PartnershipId,
    raised: readonly RaisedAlert[],
  ) => Promise<void>;
}

export interface IngestInput {
  readonly organisationId: string;
  readonly mapping: FeedMapping;
  /** The file's bytes, streamed: nothing holds the whole file. */
  readonly source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  readonly fileName?: string;
  readonly batchSize?: number;
  readonly limits?: ReadLimits;
  /** Called after each batch commits (the CLI's progress bar). */
  readonly onProgress?: (progress: { rows: number; batches: number }) => void;
}

export interface IngestResult {
  readonly runId: string;
  readonly totals: RunTotals;
  /** agency_person ids created or changed by this run, for person linkage. */
  readonly changedPersonIds: readonly string[];
  /**
   * False when the run wrote records in a field group that no agreement in force lets anyone
   * outside the organisation see (the warning of issue 14: they reach no one); undefined when
   * the run read no record to keep.
   */
  readonly sharedOutside: boolean | undefined;
}

export const DEFAULT_BATCH_SIZE = 2000;

/**
 * Ingests one agency feed file (issue 4 section 1; DESIGN.md rule 8). Rows are read as a stream,
 * checked, and written in batches, each one transaction holding the rows, the run's counters,
 * its rejected and flagged rows, and one audit event. One event per batch, not per row or per
 * run: the audit must be in the transaction that does the act (rule 3), and a run spans many
 * transactions, so a per-run event would leave a killed run's committed rows unaudited; a
 * per-row event would double the writes for rows that disclose nothing to anyone.
 * Because a batch commits whole and every write is keyed on (organisation, external id) with a
 * content hash, a run killed at any point and run again ends with exactly the right rows.
 */
export async function ingestFeed(deps: IngestDeps, actor: Actor, input: IngestInput): Promise<IngestResult> {
  // Only for an organisation the actor's ingest_feeds scope covers (partnership/capabilities.ts):
  // each agency is the controller accountable for what is loaded as its records.
  await authorise(deps, actor, 'ingest_feeds', overOrganisation(input.organisationId), 'feeds.ingest');
  const { mapping } = input;
  // An organisation of another partnership answers exactly like one that does not exist (rule 2).
  const organisation = await getOrganisationInPartnership(deps.db, actor.partnershipId, input.organisationId);
  if (!organisation) throw notFound('The organisation');
  if (mapping.organisation !== input.organisationId)
    throw invalid('mapping.organisation', 'The mapping is for another organisation');

  const rows = readFeedRows(
    input.source,
    mapping.format,
    mappedColumns(mapping),
    input.limits ?? defaultLimits,
  );
  const iterator = rows[Symbol.asyncIterator]();
  // The header (or the first item) is read before anything is written: a mapping naming a
  // column the file lacks, or a file in UTF-16, writes nothing.
  let next = await iterator.next();

  const runId = deps.ids.uuid();
  await openRun(deps.db, actor, {
    id: runId,
    organisationId: input.organisationId,
    mapping,
    fileName: input.fileName,
    at: deps.clock.now(),
  });
  const totals = emptyTotals();
  const changed = new Set<string>();
  const prepare = rowPreparer(mapping);
  const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const ctx = {
    partnershipId: actor.partnershipId,
    organisationId: input.organisationId as OrganisationId,
    runId,
    kind: mapping.recordKind,
    fieldGroup: mapping.fieldGroup,
    newId: () => deps.ids.uuid(),
    knownPersons: new Map<string, string>(),
  };
  let batch = new Map<string, IngestItem>();
  let issues: RowIssue[] = [];
  let counts = emptyTotals();

  const write = async (items: IngestItem[], batchIssues: RowIssue[], batchCounts: RunTotals) => {
    batchCounts.batches = totals.batches + 1;
    const at = deps.clock.now();
    const result = await deps.db.transaction(async (tx) => {
      const written = await writeIngestBatch(tx, { ...ctx, at }, items);
      const byExt = new Map(items.map((i) => [i.externalId, i]));
      // Flags, lead practitioners and enrolments kept, and the alerts the batch calls for raised,
      // in the batch's own transaction (alerts/on-items-ingested.ts).
      const raised = await onItemsIngested(tx, actor, {
        organisationId: input.organisationId,
        kind: mapping.recordKind,
        fieldGroup: mapping.fieldGroup,
        at,
        items: written.written.map((w) => ({
          ...w,
          payload: byExt.get(w.externalId)!.payload,
          eventDate: byExt.get(w.externalId)!.eventDate,
        })),
      });
      Object.assign(batchCounts, {
        inserted: written.inserted,
        updated: written.updated,
        unchanged: written.unchanged,
        waitingForIdentity: written.waitingForIdentity,
        erasedNotReloaded: written.erasedNotReloaded,
      });
      totals.issuesStored = await recordBatch(
        tx,
        actor,
        runId,
        batchCounts,
        batchIssues,
        totals.issuesStored,
      );
      return { ...written, raised };
    });
    if (deps.afterAlertsRaised && result.raised.length > 0)
      await deps.afterAlertsRaised(actor.partnershipId, result.raised);
    for (const key of [
      'rows',
      'inserted',
      'updated',
      'unchanged',
      'rejected',
      'flagged',
      'waitingForIdentity',
      'erasedNotReloaded',
      'duplicates',
    ] as const)
      totals[key] += batchCounts[key];
    totals.batches = batchCounts.batches;
    for (const id of result.changedPersonIds) changed.add(id);
    if (deps.linkPeople && result.changedPersonIds.length > 0)
      await deps.linkPeople(actor.partnershipId, result.changedPersonIds);
    input.onProgress?.({ rows: totals.rows, batches: totals.batches });
  };
  // The next batch is read and checked while the previous one is written (one in flight, in
  // file order): on two cores parsing and the database then overlap.
  let inFlight: Promise<void> = Promise.resolve();
  let failed: { error: unknown } | undefined;
  const flush = async () => {
    await inFlight;
    if (failed) throw failed.error;
    if (counts.rows === 0) return;
    const job = write([...batch.values()], issues, counts);
    batch = new Map();
    issues = [];
    counts = emptyTotals();
    inFlight = job.catch((error: unknown) => {
      failed = { error };
    });
  };

  try {
    while (!next.done) {
      const prepared = prepare(next.value);
      counts.rows++;
      if (prepared.ok) {
        if (batch.delete(prepared.item.externalId)) counts.duplicates++;
        batch.set(prepared.item.externalId, prepared.item);
        if (prepared.flags.length > 0) {
          counts.flagged++;
          issues.push(...prepared.flags);
        }
      } else {
        counts.rejected++;
        issues.push(prepared.issue);
      }
      if (counts.rows >= batchSize) await flush();
      next = await iterator.next();
    }
    await flush();
    await inFlight;
    if (failed) throw failed.error;
    if (deps.linkPending) await deps.linkPending(actor.partnershipId, input.organisationId);
  } catch (error) {
    await inFlight;
    const failure = error instanceof DomainError ? error.message : 'The file could not be read to the end';
    await closeRun(deps.db, actor, runId, { status: 'failed', failure, totals, at: deps.clock.now() });
    throw error;
  }
  const at = deps.clock.now();
  const kept = totals.inserted + totals.updated + totals.unchanged;
  const sharedOutside =
    kept === 0
      ? undefined
      : await isFieldGroupSharedOutside(deps.db, {
          partnershipId: actor.partnershipId,
          organisationId: input.organisationId,
          fieldGroup: mapping.fieldGroup,
          at,
        });
  await closeRun(deps.db, actor, runId, { status: 'completed', totals, at, sharedOutside });
  return { runId, totals, changedPersonIds: [...changed], sharedOutside };
}
