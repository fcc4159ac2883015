import { mkdir } from 'node:fs/promises';
import type { Config } from './config/config.ts';
import { migrateDatabase } from './adapters/db/migrate-database.ts';
import { openDatabase, type DatabaseHandle } from './adapters/db/open-database.ts';
import { loadSigningKey } from './adapters/keys/load-signing-key.ts';
import type { CheckpointSigner } from './domain/audit/signing-key.ts';
import { installGatewayCatalogue } from './domain/gateways/install-gateway-catalogue.ts';
import { systemClock } from './domain/shared/clock.ts';
import type { Deps, Logger } from './domain/shared/deps.ts';
import { randomIds } from './domain/shared/ids.ts';

export interface Runtime {
  readonly deps: Deps;
  readonly signer: CheckpointSigner;
  readonly database: DatabaseHandle;
  readonly config: Config;
}

/**
 * Opens and migrates the configured database, installs the built-in gateway catalogue if there is
 * none, and loads the signing key: shared by serve and the CLI.
 */
export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  if (config.database.kind === 'pglite') await mkdir(config.database.dataDir, { recursive: true });
  const database = await openDatabase(
    config.database.kind === 'pglite'
      ? { kind: 'pglite', dataDir: config.database.dataDir }
      : { kind: 'postgres', url: config.database.url, poolSize: config.database.poolSize },
  );
  try {
    await migrateDatabase(database);
    const deps: Deps = { db: database.db, clock: systemClock, ids: randomIds, logger };
    // The legal gateway catalogue is reference data every partnership needs from the first start.
    await installGatewayCatalogue(deps);
    const signer = await loadSigningKey(config, logger);
    return {
      deps,
      signer,
      database,
      config,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
