import { sql } from 'drizzle-orm';
import type { Config } from '../../../config/config.ts';
import { listAuditChains, sealAllPartnerships } from '../../../domain/audit/seal-all-partnerships.ts';
import { loadCheckpointVerifier } from '../../../domain/audit/signing-key.ts';
import { verifyAuditChain, type ChainVerification } from '../../../domain/audit/verify-audit-chain.ts';
import { verifyWitnessedChain } from '../../../domain/audit/verify-witnessed-chain.ts';
import type { AuditWitness } from '../../../domain/audit/witness.ts';
import { queryRows } from '../../../domain/shared/database.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { openRuntime, type Runtime } from '../../../runtime.ts';
import { loadSigningKey } from '../../keys/load-signing-key.ts';
import { startAuditSealer } from '../../scheduler/audit-sealer.ts';
import { folderWitness } from '../../witness/folder-witness.ts';

/**
 * `tessera audit verify`: exit 0 with "verified N events", or exit 1 naming the first bad
 * sequence number and what happened there. The chain is held against the witness folder
 * (TESSERA_AUDIT_WITNESS_DIR), so a cut tail is found as `truncated`.
 */
export async function auditVerifyCommand(
  config: Config,
  logger: Logger,
  options: { partnership?: string; checkpoint?: number },
): Promise<number> {
  const runtime = await openRuntime(config, logger);
  const witness = folderWitness(config.auditWitnessDir);
  try {
    const chains = options.partnership ? [options.partnership] : await listAuditChains(runtime.deps.db);
    let total = 0;
    let pending = 0;
    let unwitnessed = 0;
    for (const chain of chains) {
      const started = performance.now();
      let result: ChainVerification & { unwitnessedCheckpoints?: number };
      if (options.checkpoint) {
        const range = await checkpointRange(runtime, chain, options.checkpoint);
        if (!range) {
          console.error(`no checkpoint ends at ${options.checkpoint} in chain ${chain}`);
          return 1;
        }
        result = await verifyAuditChain(runtime.deps.db, chain, await witnessVerifier(witness), range);
      } else {
        result = await verifyWitnessedChain(runtime.deps.db, chain, witness);
      }
      if (result.problem) {
        console.error(
          `audit chain ${chain}: FAILED at seq ${result.problem.seq}: ${result.problem.kind} (${result.problem.message})`,
        );
        return 1;
      }
      total += result.verifiedEvents;
      pending += result.pendingEvents;
      unwitnessed += result.unwitnessedCheckpoints ?? 0;
      logger.info(
        { chain, events: result.verifiedEvents, ms: Math.round(performance.now() - started) },
        'chain verified',
      );
    }
    console.log(`verified ${total} events${pending ? ` (${pending} not yet sealed)` : ''}`);
    if (unwitnessed) {
      console.log(
        `${unwitnessed} checkpoints are not yet in the witness folder (the sealer copies them on its next round)`,
      );
    }
    return 0;
  } finally {
    await runtime.database.close();
  }
}

async function witnessVerifier(witness: AuditWitness) {
  const pem = await witness.readPublicKey();
  return pem === undefined ? undefined : loadCheckpointVerifier(pem);
}

async function checkpointRange(runtime: Runtime, chain: string, seqTo: number) {
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
      signer: await loadSigningKey(config, logger),
      witness: folderWitness(config.auditWitnessDir),
      checkpointEvery: config.checkpointEvery,
      forceCheckpoint: true,
    });
    console.log(`sealed ${result.sealed} events; signed ${result.checkpoints} checkpoints`);
    for (const refused of result.refused) {
      console.error(`audit chain ${refused.partnershipId} not sealed: ${refused.reason}`);
    }
    return result.refused.length > 0 ? 1 : 0;
  } finally {
    await runtime.database.close();
  }
}

/**
 * `tessera audit seal`: the sealer as a process of its own, the only one that holds the signing
 * key (DESIGN.md rule 3). It seals every TESSERA_SEAL_INTERVAL_MS, signs a checkpoint every
 * TESSERA_CHECKPOINT_EVERY events or TESSERA_CHECKPOINT_INTERVAL_MS, whichever comes first,
 * and writes each to the witness folder. It runs until stopped (SIGINT or SIGTERM), sealing
 * what is left before it exits.
 */
export async function auditSealCommand(config: Config, logger: Logger): Promise<number> {
  const runtime = await openRuntime(config, logger);
  try {
    const sealer = startAuditSealer(runtime.deps.db, {
      signer: await loadSigningKey(config, logger),
      witness: folderWitness(config.auditWitnessDir),
      intervalMs: config.sealIntervalMs,
      checkpointEvery: config.checkpointEvery,
      checkpointIntervalMs: config.checkpointIntervalMs,
      logger,
    });
    console.log('sealing the audit log; stop with Ctrl+C');
    await new Promise<void>((resolve) => {
      // The sealer's timer does not hold the process open; this does, until a signal.
      const keepAlive = setInterval(() => {}, 60_000);
      const stop = () => {
        clearInterval(keepAlive);
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await sealer.stop();
    console.log('sealer stopped');
    return 0;
  } finally {
    await runtime.database.close();
  }
}
