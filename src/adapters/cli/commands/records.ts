import { sql } from 'drizzle-orm';
import type { Config } from '../../../config/config.ts';
import { eraseRecord } from '../../../domain/records/erase-record.ts';
import { isErasureGround, erasureGroundKeys } from '../../../domain/records/erasure-grounds.ts';
import { systemActor } from '../../../domain/shared/actor.ts';
import { queryRows } from '../../../domain/shared/database.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { DomainError } from '../../../domain/shared/errors.ts';
import { isUuid, type PartnershipId } from '../../../domain/shared/ids.ts';
import { openRuntime } from '../../../runtime.ts';

export interface EraseCommandOptions {
  recordId: string;
  ground: string;
  reference?: string;
  partnership?: string;
}

/**
 * `tessera records erase <record id> --ground <ground>`: the platform operator erases a record
 * on its controller's documented instruction (UK GDPR Art 28(3)(a), (e)), through the same use
 * case as the DPO's `POST /api/records/{id}/erasure`, audited as the command line. Exit 0
 * erased, 2 bad usage, not found or refused.
 */
export async function eraseRecordCommand(
  config: Config,
  logger: Logger,
  options: EraseCommandOptions,
): Promise<number> {
  if (!isErasureGround(options.ground)) {
    console.error(`--ground must be one of ${erasureGroundKeys.join(', ')}`);
    return 2;
  }
  const runtime = await openRuntime(config, logger);
  try {
    const partnershipId = options.partnership ?? (await onlyPartnership(runtime.deps.db));
    if (!partnershipId || !isUuid(partnershipId)) {
      console.error('--partnership <id> is needed: there is not exactly one partnership');
      return 2;
    }
    const actor = systemActor(partnershipId as PartnershipId, 'cli-records-erase');
    const erased = await eraseRecord(runtime.deps, actor, {
      recordId: options.recordId,
      ground: options.ground,
      requestReference: options.reference,
    });
    console.log(
      `erased record ${erased.recordId} (${erased.externalId}) and ${erased.versions} versions; its tombstone keeps a later feed from loading it again`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.fields?.map((f) => `${f.field}: ${f.problem}`).join('\n') || error.message);
      return 2;
    }
    throw error;
  } finally {
    await runtime.database.close();
  }
}

async function onlyPartnership(db: Awaited<ReturnType<typeof openRuntime>>['deps']['db']) {
  const rows = await queryRows<{ id: string }>(db, sql`select id::text from partnership limit 2`);
  return rows.length === 1 ? rows[0]!.id : undefined;
}
