import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '../../src/adapters/db/migrate-database.ts';
import { openDatabase, type DatabaseHandle } from '../../src/adapters/db/open-database.ts';

/** DATABASE_URL names the server (any database on it serves as the admin connection). */
export const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  readonly handle: DatabaseHandle;
  readonly serverVersion: string;
  /** Runs a statement on a connection of its own, outside the pool the benchmark measures. */
  admin(statement: string): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated PostgreSQL database named tessera_bench_<random>, so a benchmark never
 * touches anyone's data and leaves nothing behind (drop() is also run on Ctrl-C).
 */
export async function createBenchDatabase(poolSize: number): Promise<BenchDatabase> {
  const name = `tessera_bench_${randomBytes(4).toString('hex')}`;
  const server = new pg.Client({ connectionString: adminUrl });
  await server.connect();
  await server.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const local = new pg.Client({ connectionString: url.toString() });
  let handle: DatabaseHandle | undefined;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await handle?.close().catch(() => {});
    await local.end().catch(() => {});
    await server.query(`drop database if exists ${name} with (force)`);
    await server.end();
  };
  const onInterrupt = () => {
    void drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  try {
    await local.connect();
    handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize });
    await migrateDatabase(handle);
    const version = await local.query<{ version: string }>('select version()');
    return {
      name,
      url: url.toString(),
      handle,
      serverVersion: version.rows[0]!.version,
      admin: (statement) => local.query(statement),
      drop: async () => {
        process.off('SIGINT', onInterrupt);
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}
