import { keyColumn, type KeyPart } from './blocking-keys.ts';
import { comparisonsFor, type Comparison } from './comparisons.ts';
import type { Dataset } from './dataset.ts';
import { explainPair, type PairExplanation } from './explain.ts';
import type { PersonFields } from './fields.ts';
import type { LinkResult } from './link-records.ts';
import { PatternCodec, probabilityOf, type LinkageModel } from './model.ts';
import { levelsOf } from './pair-levels.ts';
import { PairScorer } from './scorer.ts';
import { strongEvidence, type StrongEvidence } from './strong-evidence.ts';

export interface ScoredCandidate {
  row: number;
  weight: number;
  probability: number;
}

/**
 * Incremental linking: the records already held, with the fitted model and the blocking rules
 * of the batch run, so that a newly ingested record is scored against everything held that
 * shares a blocking key with it, without refitting. The database layer keeps one per
 * partnership and calls `scoreRecord` (or `addRecord`) on ingest.
 */
export class LinkageIndex {
  readonly comparisons: Comparison[];
  /** The batch clustering's coherence checks (strong-evidence.ts), for the same model. */
  readonly evidence: StrongEvidence;
  private readonly codec: PatternCodec;
  private readonly scorer: PairScorer;
  private readonly blocks: Map<string, number[]>[];
  private readonly levels: Uint8Array;

  constructor(
    readonly ds: Dataset,
    readonly model: LinkageModel,
    readonly rules: readonly (readonly KeyPart[])[],
    /** How many of the held rows to index now; `build` indexes the rest in slices. */
    indexNow = ds.size,
  ) {
    const all = comparisonsFor(ds);
    // The comparisons are the model's, in the model's order, whatever the held data now has.
    this.comparisons = model.comparisons.map((p) => {
      const c = all.find((x) => x.name === p.name);
      if (!c) throw new Error(`the held records have no ${p.name} to compare`);
      return c;
    });
    this.codec = new PatternCodec(this.comparisons);
    this.scorer = new PairScorer(model, this.comparisons, this.codec);
    this.evidence = strongEvidence(ds, this.comparisons, model);
    this.levels = new Uint8Array(this.comparisons.length);
    this.blocks = rules.map(() => new Map());
    this.indexRange(0, indexNow);
  }

  /**
   * The same index, its blocks filled a slice at a time with the event loop let through in
   * between: at a million held, filling them at once holds a server's requests for seconds.
   * Nothing may add records to the data set until it resolves.
   */
  static async build(
    ds: Dataset,
    model: LinkageModel,
    rules: readonly (readonly KeyPart[])[],
    sliceRows = 20_000,
  ): Promise<LinkageIndex> {
    const index = new LinkageIndex(ds, model, rules, 0);
    for (let from = 0; from < ds.size; from += sliceRows) {
      await new Promise((resolve) => setImmediate(resolve));
      index.indexRange(from, Math.min(ds.size, from + sliceRows));
    }
    return index;
  }

  private indexRange(from: number, to: number): void {
    if (to <= from) return;
    const columns = this.rules.map((parts) => parts.map((p) => keyColumn(this.ds, p, from, to)));
    for (let k = 0; k < to - from; k++) {
      columns.forEach((cols, r) => {
        if (cols.some((col) => col[k]! < 0)) return;
        const key = cols.map((col) => col[k]).join('|');
        const list = this.blocks[r]!.get(key);
        if (list) list.push(from + k);
        else this.blocks[r]!.set(key, [from + k]);
      });
    }
  }

  /** The index over a batch run's data set, model and chosen blocking rules. */
  static fromBatch(ds: Dataset, result: LinkResult): LinkageIndex {
    return new LinkageIndex(
      ds,
      result.model,
      result.candidates.rules.map((r) => r.parts),
    );
  }

  private keysOf(row: number): (string | undefined)[] {
    return this.rules.map((parts) => {
      const values = parts.map((p) => keyColumn(this.ds, p, row, row + 1)[0]!);
      return values.some((v) => v < 0) ? undefined : values.join('|');
    });
  }

  private index(row: number): void {
    this.keysOf(row).forEach((key, r) => {
      if (key === undefined) return;
      const list = this.blocks[r]!.get(key);
      if (list) list.push(row);
      else this.blocks[r]!.set(key, [row]);
    });
  }

  /** Every held row sharing a blocking key with `row`, scored, best first. */
  scoreRow(row: number): ScoredCandidate[] {
    const seen = new Set<number>([row]);
    const out: ScoredCandidate[] = [];
    this.keysOf(row).forEach((key, r) => {
      if (key === undefined) return;
      for (const other of this.blocks[r]!.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const weight = this.weight(row, other);
        out.push({ row: other, weight, probability: probabilityOf(weight) });
      }
    });
    return out.sort((a, b) => b.weight - a.weight);
  }

  /** Adds a new record to the held ones and returns it with its scored candidates. */
  addRecord(
    source: number,
    recordId: string,
    fields: PersonFields,
  ): { row: number; candidates: ScoredCandidate[] } {
    const row = this.ds.add(source, recordId, fields);
    const candidates = this.scoreRow(row);
    this.index(row);
    return { row, candidates };
  }

  weight(a: number, b: number): number {
    return this.scorer.weight(this.codec.encode(levelsOf(this.comparisons, a, b, this.levels)), a);
  }

  explain(a: number, b: number): PairExplanation {
    return explainPair(this.model, this.comparisons, a, b);
  }
}
