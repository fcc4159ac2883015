import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase, migrationsFolder } from '../../src/adapters/db/migrate-database.ts';
import { jobQueueInstallation } from '../../src/adapters/jobs/install-job-queue.ts';
import {
  dumpPglite,
  openDatabase,
  type DatabaseHandle,
  type DatabaseKind,
} from '../../src/adapters/db/open-database.ts';

/**
 * Database suites run on PGlite always, and on PostgreSQL too when DATABASE_URL is set
 * (DESIGN.md section 6). Each call gives a fresh, migrated, empty database.
 */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A test database, and a second connection to the same one, as another app instance has. */
export interface TestDatabaseHandle extends DatabaseHandle {
  /**
   * PostgreSQL: a new pool on the same database, closed on its own. PGlite is one connection in
   * this process, so the same handle comes back (closing it does nothing).
   */
  connectAgain(): Promise<DatabaseHandle>;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabaseHandle> {
  if (kind === 'postgres') return openFreshPostgres();
  const handle = await openPgliteFromTemplate();
  return {
    ...handle,
    connectAgain: () => Promise.resolve({ db: handle.db, kind: handle.kind, close: () => Promise.resolve() }),
  };
}

const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'tessera-test');

/** A new PGlite takes seconds to initialise; loading a migrated dump takes a fraction of that. */
async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
  return openDatabase({ kind: 'pglite', dataDir: undefined, loadDataDir: await pgliteTemplate() });
}

/**
 * A migrated, empty PGlite kept in `dataDir` (a temporary folder), for tests that close the
 * database and open it again, as a restart does.
 */
export async function openTestPgliteInFolder(dataDir: string): Promise<DatabaseHandle> {
  return openDatabase({ kind: 'pglite', dataDir, loadDataDir: await pgliteTemplate() });
}

async function pgliteTemplate(): Promise<Blob> {
  const key = await migrationsFingerprint();
  const file = join(cacheDir, `pglite-${key}.tar.gz`);
  let dump: Blob | undefined;
  try {
    dump = new Blob([await readFile(file)]);
  } catch {
    const fresh = await openDatabase({ kind: 'pglite', dataDir: undefined });
    await migrateDatabase(fresh);
    dump = await dumpPglite(fresh);
    await fresh.close();
    await mkdir(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(temporary, Buffer.from(await dump.arrayBuffer()));
    await rename(temporary, file);
  }
  return dump;
}

async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(migrationsFolder)).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(await readFile(join(migrationsFolder, name)));
  }
  hash.update(jobQueueInstallation());
  return hash.digest('hex').slice(0, 16);
}

/** A throwaway PostgreSQL database per test file, dropped on close. */
async function openFreshPostgres(): Promise<TestDatabaseHandle> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `tessera_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  await migrateDatabase(handle);
  return {
    ...handle,
    connectAgain: () => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 }),
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
