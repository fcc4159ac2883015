import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseGroupCommitWriter, useGroupCommitForReads } from '../../domain/audit/group-commit-writer.ts';
import type { Db } from '../../domain/shared/database.ts';
import { PreparingClient } from './preparing-client.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the drizzle handle the domain uses, and how to close it. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly kind: DatabaseKind;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { readonly kind: 'pglite'; readonly dataDir: string | undefined; readonly loadDataDir?: Blob }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number };

/**
 * PGlite (PostgreSQL compiled to WASM) is the zero-setup default; PostgreSQL is production. Both
 * run the same migrations and the same SQL. `dataDir: undefined` keeps PGlite in memory (tests).
 *
 * Reads' audit events are committed by a group-commit writer (audit/group-commit-writer.ts). On
 * PostgreSQL it has a connection of its own, so a batch never queues in the pool behind the
 * reads waiting for it; PGlite has one connection, which the writer shares (a read never holds
 * a transaction while it waits for its event).
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'pglite') {
    const client = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
    const db = drizzlePglite(client) as unknown as Db;
    const writer = databaseGroupCommitWriter(db);
    useGroupCommitForReads(db, writer);
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await writer.close();
        await client.close();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    Client: PreparingClient,
  });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const auditPool = new pg.Pool({ connectionString: target.url, max: 1, Client: PreparingClient });
  auditPool.on('error', () => {});
  const db = drizzlePg(pool) as unknown as Db;
  const writer = databaseGroupCommitWriter(drizzlePg(auditPool) as unknown as Db);
  useGroupCommitForReads(db, writer);
  return {
    db,
    kind: 'postgres',
    close: async () => {
      await writer.close();
      await Promise.all([pool.end(), auditPool.end()]);
    },
  };
}

/** For PGlite tests: a migrated database copied as a tarball and loaded into memory. */
export async function dumpPglite(handle: DatabaseHandle): Promise<Blob> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('gzip');
}
