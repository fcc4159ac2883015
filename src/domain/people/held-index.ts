import type { Deps } from '../shared/deps.ts';
import { readAllAgencyPersons, type HeldAgencyPerson } from './agency-person-store.ts';
import { Dataset } from './linkage/dataset.ts';
import { linkDataset, type LinkResult } from './linkage/link-records.ts';
import { LinkageIndex, type ScoredCandidate } from './linkage/linkage-index.ts';
import { loadLatestModel, saveModel, type StoredModel } from './linkage-model-store.ts';

/**
 * Below this many held records there is too little for EM to fit a model without labels, so
 * records are linked as their own persons until a model is fitted (`tessera link refit`, or
 * the batch relink of an initial load).
 */
export const MIN_FIT_RECORDS = 1000;
/** A model is refitted once the held records reach this multiple of the count it was fitted on. */
export const REFIT_GROWTH = 2;

/**
 * Everything held for one partnership, in this process: the data set, the fitted model as an
 * incremental index, and where each agency person sits in it.
 */
export class HeldIndex {
  private readonly rowOf = new Map<string, number>();
  private readonly sourceOf = new Map<string, number>();
  /** Rows replaced by a newer version of their record: never a candidate again. */
  private readonly retired = new Set<number>();

  constructor(
    readonly stored: StoredModel,
    readonly index: LinkageIndex,
    options: { mapRows?: boolean } = {},
  ) {
    if (options.mapRows === false) return;
    const ds = index.ds;
    for (let row = 0; row < ds.size; row++) this.rowOf.set(ds.recordIds[row]!, row);
  }

  /**
   * Built a slice at a time, letting the event loop through between slices (LinkageIndex.build),
   * so a server warming its index at a million held keeps answering requests meanwhile.
   */
  static async build(stored: StoredModel, ds: Dataset, sliceRows = 20_000): Promise<HeldIndex> {
    const index = await LinkageIndex.build(ds, stored.model, stored.rules, sliceRows);
    const held = new HeldIndex(stored, index, { mapRows: false });
    for (let from = 0; from < ds.size; from += sliceRows) {
      await new Promise((resolve) => setImmediate(resolve));
      const to = Math.min(ds.size, from + sliceRows);
      for (let row = from; row < to; row++) held.rowOf.set(ds.recordIds[row]!, row);
    }
    return held;
  }

  get size(): number {
    return this.index.ds.size;
  }

  rowOfPerson(agencyPersonId: string): number | undefined {
    return this.rowOf.get(agencyPersonId);
  }

  agencyPersonOf(row: number): string {
    return this.index.ds.recordIds[row]!;
  }

  /** The row of an agency person, appending it (unscored) if this process has not seen it. */
  ensure(person: HeldAgencyPerson): { row: number; added: boolean } {
    const known = this.rowOf.get(person.id);
    if (known !== undefined) return { row: known, added: false };
    const row = this.index.ds.add(this.source(person.organisationId), person.id, person.fields);
    this.rowOf.set(person.id, row);
    return { row, added: true };
  }

  /**
   * Adds a record for incremental linking: scored against everything held, then indexed. A
   * record `changed` since this process read it is added again as it is now, and its old row
   * retired (the data set only grows; the old values stay in the term frequencies, a small bias
   * until the next refit). Candidates are live rows only, best first.
   */
  addAndScore(person: HeldAgencyPerson, options: { changed: boolean }): ScoredCandidate[] {
    const known = this.rowOf.get(person.id);
    if (known !== undefined && !options.changed) return this.live(this.index.scoreRow(known));
    if (known !== undefined) this.retired.add(known);
    const { row, candidates } = this.index.addRecord(
      this.source(person.organisationId),
      person.id,
      person.fields,
    );
    this.rowOf.set(person.id, row);
    return this.live(candidates);
  }

  private live(candidates: ScoredCandidate[]): ScoredCandidate[] {
    return this.retired.size === 0 ? candidates : candidates.filter((c) => !this.retired.has(c.row));
  }

  /** Two different NHS numbers that pass their check digit are two people (NHS Data Dictionary). */
  contradicts(a: number, b: number): boolean {
    const nhs = this.index.ds.columns.nhs.ids;
    return nhs[a]! >= 0 && nhs[b]! >= 0 && nhs[a] !== nhs[b];
  }

  /**
   * The strong-evidence verdict on two held rows (strong-evidence.ts: -1 contradicts, 1 agrees
   * on a birth date, 0 neither), and whether they share an identifier issued to one person.
   */
  judge(a: number, b: number): number {
    return this.index.evidence.judge(a, b);
  }

  /**
   * True when the new row and the person's records that spell the given name as it does, against
   * the person's other records, are two settled spellings one slip apart (strong-evidence.ts).
   */
  namesSettled(row: number, members: readonly number[]): boolean {
    const first = this.index.ds.columns.first.ids;
    const same = [row];
    const rest: number[] = [];
    for (const m of members) if (m !== row) (first[m] === first[row] ? same : rest).push(m);
    return this.index.evidence.namesSettled(same, rest);
  }

  identifies(a: number, b: number): boolean {
    return this.index.evidence.identifies(a, b);
  }

  private source(organisationId: string): number {
    let s = this.sourceOf.get(organisationId);
    if (s === undefined) this.sourceOf.set(organisationId, (s = this.sourceOf.size));
    return s;
  }
}

/** Reads every agency person of a partnership into a data set (record id = agency person id). */
export async function readHeldDataset(deps: Deps, partnershipId: string): Promise<Dataset> {
  const ds = new Dataset();
  const sources = new Map<string, number>();
  for await (const page of readAllAgencyPersons(deps.db, partnershipId)) {
    for (const p of page) {
      let s = sources.get(p.organisationId);
      if (s === undefined) sources.set(p.organisationId, (s = sources.size));
      ds.add(s, p.id, p.fields);
    }
  }
  return ds;
}

/** Fits a model to the held records and stores it as the partnership's current one. */
export async function fitAndSaveModel(
  deps: Deps,
  partnershipId: string,
  ds: Dataset,
): Promise<{ stored: StoredModel; result: LinkResult }> {
  const result = linkDataset(ds);
  const stored = await saveModel(deps.db, {
    partnershipId,
    id: deps.ids.uuid(),
    fittedAt: deps.clock.now(),
    heldCount: ds.size,
    result,
  });
  return { stored, result };
}

/**
 * The in-process linkage indexes, one per partnership, built from agency_person on first use
 * with the stored model (fitted then if there is none and enough is held). Linking is serial per
 * partnership (one promise chain here, an advisory lock in the database), so an index is never
 * changed by two calls at once. A record another process ingests reaches this index when this
 * process is asked to link or review it (HeldIndex.ensure), or after `forget`.
 */
export class LinkIndexes {
  private readonly held = new Map<string, Promise<HeldIndex | undefined>>();
  private readonly built = new Set<string>();
  private readonly queues = new Map<string, Promise<unknown>>();

  /** Runs `work` after any other linking work of the same partnership in this process. */
  serial<T>(partnershipId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(partnershipId) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      partnershipId,
      next.catch(() => undefined),
    );
    return next;
  }

  get(deps: Deps, partnershipId: string): Promise<HeldIndex | undefined> {
    let entry = this.held.get(partnershipId);
    if (!entry) {
      const building = buildHeldIndex(deps, partnershipId);
      entry = building;
      building.then(
        (held) => {
          if (held && this.held.get(partnershipId) === building) this.built.add(partnershipId);
        },
        () => this.held.delete(partnershipId),
      );
      this.held.set(partnershipId, building);
    }
    return entry;
  }

  /** Whether the partnership's index is built and in memory (no link or pair page waits for it). */
  isReady(partnershipId: string): boolean {
    return this.built.has(partnershipId);
  }

  /** Drops a partnership's index, e.g. after a refit, so the next call rebuilds it. */
  forget(partnershipId: string): void {
    this.held.delete(partnershipId);
    this.built.delete(partnershipId);
  }

  set(partnershipId: string, held: HeldIndex): void {
    this.held.set(partnershipId, Promise.resolve(held));
    this.built.add(partnershipId);
  }
}

async function buildHeldIndex(deps: Deps, partnershipId: string): Promise<HeldIndex | undefined> {
  const ds = await readHeldDataset(deps, partnershipId);
  let stored = await loadLatestModel(deps.db, partnershipId);
  if (!stored) {
    if (ds.size < MIN_FIT_RECORDS) return undefined;
    stored = (await fitAndSaveModel(deps, partnershipId, ds)).stored;
  }
  return HeldIndex.build(stored, ds);
}

/** The dependencies of linking: the usual ones and this process's indexes. */
export interface LinkingDeps extends Deps {
  readonly linkIndexes: LinkIndexes;
}
