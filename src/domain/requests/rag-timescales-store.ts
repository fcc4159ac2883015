import { eq } from 'drizzle-orm';
import { parseRagTimescales, type RagTimescales } from '../deadlines/rag-timescales.ts';
import type { Db } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { ragTimescales } from './schema.ts';

/**
 * The partnership's RAG timescales, parsed again on the way out so that a row written by an
 * older schema is refused rather than trusted. A partnership that has set none cannot start a
 * clock: there is no national standard to fall back on (DOMAIN.md section 1).
 */
export async function loadRagTimescales(db: Db, partnershipId: string): Promise<RagTimescales> {
  const [row] = await db
    .select({ settings: ragTimescales.settings })
    .from(ragTimescales)
    .where(eq(ragTimescales.partnershipId, partnershipId));
  if (!row)
    throw new DomainError(
      'conflict',
      'Your partnership has not set its RAG timescales yet; a partnership administrator sets them',
    );
  return parseRagTimescales(row.settings);
}
