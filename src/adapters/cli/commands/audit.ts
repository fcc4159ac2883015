import { sql } from 'drizzle-orm';
import type { Config } from '../../../config/config.ts';
import { listAuditChains, sealAllPartnerships } from '../../../domain/audit/seal-all-partnerships.ts';
import { verifyAuditChain } from '../../../domain/audit/verify-audit-chain.ts';
import { queryRows } from '../../../domain/shared/database.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { openRuntime } from '../../../runtime.ts';

/**
 * `tessera audit verify`: exit 0 with "verified N events", or exit 1 naming the first bad
 * sequence number and what happened there.
 */
export async function auditVerifyCommand(
  config: Config,
  logger: Logger,
  options: { partnership?: string; checkpoint?: number },
): Promise<number> {
  const runtime = await openRuntime(config, logger);
  try {
    const chains = options.partnership ? [options.partnership] : await listAuditChains(runtime.deps.db);
    let total = 0;
    let pending = 0;
    for (const chain of chains) {
      const range = options.checkpoint ? await checkpointRange(runtime, chain, options.checkpoint) : {};
      if (!range) {
        console.error(`no checkpoint ends at ${options.checkpoint} in chain ${chain}`);
        return 1;
      }
      const started = performance.now();
      const result = await verifyAuditChain(runtime.deps.db, chain, runtime.signer, range);
      if (result.problem) {
        console.error(
          `audit chain ${chain}: FAILED at seq ${result.problem.seq}: ${result.problem.kind} (${result.problem.message})`,
        );
        return 1;
      }
      total += result.verifiedEvents;
      pending += result.pendingEvents;
      logger.info(
        { chain, events: result.verifiedEvents, ms: Math.round(performance.now() - started) },
        'chain verified',
      );
    }
    console.log(`verified ${total} events${pending ? ` (${pending} not yet sealed)` : ''}`);
    return 0;
  } finally {
    await runtime.database.close();
  }
}

async function checkpointRange(
  runtime: Awaited<ReturnType<typeof openRuntime>>,
  chain: string,
  seqTo: number,
) {
  const [row] = await queryRows<{ seq_from: string }>(
    runtime.deps.db,
    sql`select k.seq_from::text from audit_checkpoint k where k.partnership_id = ${chain} and k.seq_to = ${seqTo}`,
  );
  return row ? { fromSeq: Number(row.seq_from), toSeq: seqTo } : undefined;
}

/** `tessera audit checkpoint`: seal everything committed and sign a checkpoint over it now. */
export async function auditCheckpointCommand(config: Config, logger: Logger): Promise<number> {
  const runtime = await openRuntime(config, logger);
  try {
    const result = await sealAllPartnerships(runtime.deps.db, {
      signer: runtime.signer,
      checkpointEvery: config.checkpointEvery,
      forceCheckpoint: true,
    });
    console.log(`sealed ${result.sealed} events; signed ${result.checkpoints} checkpoints`);
    return 0;
  } finally {
    await runtime.database.close();
  }
}
