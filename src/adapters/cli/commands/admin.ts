import { sql } from 'drizzle-orm';
import type { Config } from '../../../config/config.ts';
import { catalogueGatewayDirectory } from '../../../domain/agreements/catalogue-gateway-directory.ts';
import { seedDemoPartnership } from '../../../domain/demo/seed-demo-partnership.ts';
import { createUser } from '../../../domain/partnership/create-user.ts';
import { isRole, roles } from '../../../domain/partnership/roles.ts';
import { systemActor } from '../../../domain/shared/actor.ts';
import { queryRows } from '../../../domain/shared/database.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { DomainError } from '../../../domain/shared/errors.ts';
import type { PartnershipId } from '../../../domain/shared/ids.ts';
import { openRuntime } from '../../../runtime.ts';
import { grantAppRole } from '../../db/grant-app-role.ts';
import { migrateDatabase } from '../../db/migrate-database.ts';
import { openDatabase } from '../../db/open-database.ts';

/**
 * `tessera db migrate`. With DATABASE_OWNER_URL it migrates as the owner and then makes the role
 * in DATABASE_URL the server's restricted role (adapters/db/grant-app-role.ts); without it, the
 * one role in DATABASE_URL (or the embedded database) migrates itself, as before.
 */
export async function dbMigrateCommand(config: Config, logger: Logger): Promise<number> {
  if (config.database.kind === 'postgres' && config.database.ownerUrl) {
    const owner = await openDatabase({ kind: 'postgres', url: config.database.ownerUrl, poolSize: 1 });
    try {
      await migrateDatabase(owner);
      const granted = await grantAppRole(owner, config.database.url);
      console.log(
        `database migrated (postgres) as the owner; server role ${granted.role} ${granted.created ? 'created and ' : ''}granted data access only`,
      );
    } finally {
      await owner.close();
    }
  }
  const runtime = await openRuntime(config, logger);
  await runtime.database.close();
  if (config.database.kind === 'pglite' || !config.database.ownerUrl) {
    console.log(`database migrated (${runtime.database.kind})`);
  }
  return 0;
}

export async function demoSeedCommand(config: Config, logger: Logger): Promise<number> {
  const runtime = await openRuntime(config, logger);
  try {
    const result = await seedDemoPartnership(runtime.deps, {
      gateways: catalogueGatewayDirectory(runtime.deps.db),
      feeds: true,
      onProgress: (step) => console.log(`  ${step}…`),
    });
    console.log(
      result.users === 0
        ? 'the demo partnership is already there'
        : `seeded the demo partnership: ${result.organisations} organisations, ${result.users} users`,
    );
    return 0;
  } finally {
    await runtime.database.close();
  }
}

export interface UserAddOptions {
  email: string;
  name: string;
  organisation: string;
  role: string;
  partnership?: string;
  password: string;
}

/** `tessera user add`: an administrator's way in before anyone can sign in to the web app. */
export async function userAddCommand(
  config: Config,
  logger: Logger,
  options: UserAddOptions,
): Promise<number> {
  if (!isRole(options.role)) {
    console.error(`--role must be one of: ${roles.join(', ')}`);
    return 2;
  }
  const runtime = await openRuntime(config, logger);
  try {
    const partnershipId = options.partnership ?? (await onlyPartnership(runtime.deps.db));
    if (!partnershipId) {
      console.error('--partnership is needed: there is not exactly one partnership');
      return 2;
    }
    const actor = systemActor(partnershipId as PartnershipId, 'cli:user-add');
    const user = await createUser(runtime.deps, actor, {
      email: options.email,
      displayName: options.name,
      password: options.password,
      organisationId: options.organisation,
      role: options.role,
    });
    console.log(`added user ${user.id} (${user.email})`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      const fields = error.fields?.map((f) => `${f.field}: ${f.problem}`).join('; ');
      console.error(`${error.message}${fields ? ` - ${fields}` : ''}`);
      return 1;
    }
    throw error;
  } finally {
    await runtime.database.close();
  }
}

async function onlyPartnership(db: Parameters<typeof queryRows>[0]): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(db, sql`select id::text from partnership limit 2`);
  return rows.length === 1 ? rows[0]!.id : undefined;
}
