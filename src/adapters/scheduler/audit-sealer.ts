import { sealAllPartnerships } from '../../domain/audit/seal-all-partnerships.ts';
import type { CheckpointSigner } from '../../domain/audit/signing-key.ts';
import type { Db } from '../../domain/shared/database.ts';
import type { Logger } from '../../domain/shared/deps.ts';
import { safeErrorSummary } from '../logging/safe-error-summary.ts';

export interface AuditSealer {
  /** Stops the timer and seals whatever is left, so a clean shutdown leaves nothing pending. */
  stop(): Promise<void>;
}

/** Runs the sealer every interval, one run at a time; a failed run is logged and retried. */
export function startAuditSealer(
  db: Db,
  options: { signer: CheckpointSigner; intervalMs: number; checkpointEvery: number; logger: Logger },
): AuditSealer {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = async () => {
    try {
      await sealAllPartnerships(db, { signer: options.signer, checkpointEvery: options.checkpointEvery });
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
