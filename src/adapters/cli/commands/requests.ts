import type { Config } from '../../../config/config.ts';
import { findOverdueChecks } from '../../../domain/requests/find-overdue-checks.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { isUuid } from '../../../domain/shared/ids.ts';
import { openRuntime } from '../../../runtime.ts';

/**
 * `tessera requests overdue [--partnership <id>]`: every partner check past its deadline and
 * still waiting, grouped by partnership, for the operator's daily look. Ids and agencies only.
 * Exit 0 (with or without overdue checks), 2 bad usage.
 */
export async function overdueRequestsCommand(
  config: Config,
  logger: Logger,
  options: { partnership?: string },
): Promise<number> {
  if (options.partnership !== undefined && !isUuid(options.partnership)) {
    console.error('--partnership must be a partnership id (a UUID)');
    return 2;
  }
  const runtime = await openRuntime(config, logger);
  try {
    const now = runtime.deps.clock.now();
    const overdue = await findOverdueChecks(
      runtime.deps,
      options.partnership ? { partnershipId: options.partnership } : {},
    );
    if (overdue.length === 0) {
      console.log('no partner check is overdue');
      return 0;
    }
    let partnership = '';
    for (const check of overdue) {
      if (check.partnershipName !== partnership) {
        partnership = check.partnershipName;
        console.log(
          `${partnership}: ${overdue.filter((c) => c.partnershipName === partnership).length} overdue`,
        );
      }
      const hours = Math.floor((now.getTime() - check.dueAt.getTime()) / 3_600_000);
      const minutes = Math.floor((now.getTime() - check.dueAt.getTime()) / 60_000) % 60;
      console.log(
        `  ${check.requestId}  ${check.rag.padEnd(5)}  ${check.organisationName}  due ${check.dueAt.toISOString()}  overdue by ${hours} h ${minutes} min`,
      );
    }
    return 0;
  } finally {
    await runtime.database.close();
  }
}
