import { mkdir } from 'node:fs/promises';
import type { Config } from './config/config.ts';
import { migrateDatabase } from './adapters/db/migrate-database.ts';
import { openDatabase, type DatabaseHandle } from './adapters/db/open-database.ts';
import { installGatewayCatalogue } from './domain/gateways/install-gateway-catalogue.ts';
import { systemClock } from './domain/shared/clock.ts';
import type { Deps, Logger } from './domain/shared/deps.ts';
import { randomIds } from './domain/shared/ids.ts';

export interface Runtime {
  readonly deps: Deps;
  readonly database: DatabaseHandle;
  readonly config: Config;
}

/**
 * Opens the configured database, migrates it unless an owner connection is configured (then only
 * `tessera db migrate` migrates, as the owner: the server's role may not alter tables), and
 * installs the built-in gateway catalogue if there is none: shared by serve and the CLI. The
 * audit signing key is not loaded here: only the sealer holds it (adapters/keys).
 */
export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  if (config.database.kind === 'pglite') await mkdir(config.database.dataDir, { recursive: true });
  const database = await openDatabase(
    config.database.kind === 'pglite'
      ? { kind: 'pglite', dataDir: config.database.dataDir }
      : { kind: 'postgres', url: config.database.url, poolSize: config.database.poolSize },
  );
  try {
    if (config.database.kind === 'pglite' || !config.database.ownerUrl) await migrateDatabase(database);
    const deps: Deps = { db: database.db, clock: systemClock, ids: randomIds, logger };
    // The legal gateway catalogue is reference data every partnership needs from the first start.
    await installGatewayCatalogue(deps);
    return { deps, database, config };
  } catch (error) {
    await database.close();
    throw error;
  }
}
