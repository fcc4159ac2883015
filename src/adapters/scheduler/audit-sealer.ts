import { sealAllPartnerships } from '../../domain/audit/seal-all-partnerships.ts';
import type { CheckpointSigner } from '../../domain/audit/signing-key.ts';
import type { AuditWitnessWriter } from '../../domain/audit/witness.ts';
import type { Db } from '../../domain/shared/database.ts';
import type { Logger } from '../../domain/shared/deps.ts';
import { safeErrorSummary } from '../logging/safe-error-summary.ts';

export interface AuditSealer {
  /** Stops the timer and seals whatever is left, so a clean shutdown leaves nothing pending. */
  stop(): Promise<void>;
}

export interface AuditSealerOptions {
  readonly signer: CheckpointSigner;
  readonly witness: AuditWitnessWriter;
  readonly intervalMs: number;
  readonly checkpointEvery: number;
  readonly checkpointIntervalMs: number;
  readonly logger: Logger;
}

/**
 * Runs the sealer every interval, one run at a time; a failed run is logged and retried. A chain
 * the witness disagrees with (its tail cut) is logged every round and left unsealed.
 */
export function startAuditSealer(db: Db, options: AuditSealerOptions): AuditSealer {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = async () => {
    try {
      const result = await sealAllPartnerships(db, {
        signer: options.signer,
        witness: options.witness,
        checkpointEvery: options.checkpointEvery,
        checkpointIntervalMs: options.checkpointIntervalMs,
      });
      for (const refused of result.refused) {
        options.logger.error(
          { partnershipId: refused.partnershipId, reason: refused.reason },
          'audit chain not sealed: it disagrees with the witness; run tessera audit verify',
        );
      }
    } catch (error) {
      options.logger.error({ err: safeErrorSummary(error) }, 'audit sealing failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await run();
    },
  };
}
