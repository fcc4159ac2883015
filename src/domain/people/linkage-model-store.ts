import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../shared/database.ts';
import type { KeyPart } from './linkage/blocking-keys.ts';
import type { LinkResult } from './linkage/link-records.ts';
import type { LinkageModel } from './linkage/model.ts';
import { linkageModel } from './schema.ts';

/** A fitted model as stored: what incremental linking needs to score a new record. */
export interface StoredModel {
  readonly id: string;
  readonly heldCount: number;
  readonly model: LinkageModel;
  readonly rules: KeyPart[][];
  readonly mergeWeight: number;
  readonly reviewWeight: number;
}

export async function loadLatestModel(db: Db, partnershipId: string): Promise<StoredModel | undefined> {
  const [row] = await db
    .select()
    .from(linkageModel)
    .where(eq(linkageModel.partnershipId, partnershipId))
    .orderBy(desc(linkageModel.fittedAt))
    .limit(1);
  if (!row) return undefined;
  return {
    id: row.id,
    heldCount: row.heldCount,
    model: row.model as LinkageModel,
    rules: row.rules as KeyPart[][],
    mergeWeight: row.mergeWeight,
    reviewWeight: row.reviewWeight,
  };
}

export async function loadModel(db: Db, partnershipId: string, id: string): Promise<StoredModel | undefined> {
  const [row] = await db
    .select()
    .from(linkageModel)
    .where(and(eq(linkageModel.partnershipId, partnershipId), eq(linkageModel.id, id)));
  if (!row) return undefined;
  return {
    id: row.id,
    heldCount: row.heldCount,
    model: row.model as LinkageModel,
    rules: row.rules as KeyPart[][],
    mergeWeight: row.mergeWeight,
    reviewWeight: row.reviewWeight,
  };
}

/** Stores a batch run's model, rules and thresholds as the partnership's current model. */
export async function saveModel(
  db: Db,
  input: { partnershipId: string; id: string; fittedAt: Date; heldCount: number; result: LinkResult },
): Promise<StoredModel> {
  const stored: StoredModel = {
    id: input.id,
    heldCount: input.heldCount,
    model: input.result.model,
    rules: input.result.candidates.rules.map((r) => [...r.parts]),
    mergeWeight: input.result.threshold.mergeWeight,
    reviewWeight: input.result.threshold.reviewWeight,
  };
  await db.insert(linkageModel).values({
    partnershipId: input.partnershipId,
    id: stored.id,
    fittedAt: input.fittedAt,
    heldCount: stored.heldCount,
    model: stored.model,
    rules: stored.rules,
    mergeWeight: stored.mergeWeight,
    reviewWeight: stored.reviewWeight,
  });
  return stored;
}

/** The partnerships with a fitted model: those whose linkage index is worth building ahead. */
export async function partnershipsWithModel(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ id: linkageModel.partnershipId }).from(linkageModel);
  return rows.map((r) => r.id);
}
