import { sql } from 'drizzle-orm';
import type { Config } from '../../../config/config.ts';
import { LinkIndexes } from '../../../domain/people/held-index.ts';
import { refitHeldModel } from '../../../domain/people/link-agency-persons.ts';
import { relinkPartnership } from '../../../domain/people/relink-partnership.ts';
import { queryRows } from '../../../domain/shared/database.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { DomainError } from '../../../domain/shared/errors.ts';
import { isUuid, type PartnershipId } from '../../../domain/shared/ids.ts';
import { openRuntime } from '../../../runtime.ts';

/**
 * `tessera people relink`: batch linkage of every agency person of a partnership that has no
 * links yet (the initial load). `tessera people refit`: fit the linkage model again to
 * everything held, keeping every existing link. Exit 0 done, 2 bad usage or refused, 1 failed.
 */
export async function peopleCommand(
  config: Config,
  logger: Logger,
  options: { act: 'relink' | 'refit'; partnership?: string },
): Promise<number> {
  const runtime = await openRuntime(config, logger);
  try {
    const partnershipId = options.partnership ?? (await onlyPartnership(runtime));
    if (!partnershipId || !isUuid(partnershipId)) {
      console.error('--partnership <id> is needed: there is not exactly one partnership');
      return 2;
    }
    const deps = { ...runtime.deps, linkIndexes: new LinkIndexes() };
    const started = performance.now();
    if (options.act === 'relink') {
      const summary = await relinkPartnership(deps, partnershipId as PartnershipId);
      console.log(
        `linked ${summary.records} records into ${summary.persons} persons; ${summary.reviewsQueued} pairs to review`,
      );
    } else {
      const held = await refitHeldModel(deps, partnershipId as PartnershipId, 'tessera people refit');
      console.log(`fitted model ${held.stored.id} to ${held.size} records`);
    }
    logger.info({ act: options.act, ms: Math.round(performance.now() - started) }, 'people');
    return 0;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'conflict') {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await runtime.database.close();
  }
}

async function onlyPartnership(
  runtime: Awaited<ReturnType<typeof openRuntime>>,
): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    runtime.deps.db,
    sql`select id::text from partnership limit 2`,
  );
  return rows.length === 1 ? rows[0]!.id : undefined;
}
