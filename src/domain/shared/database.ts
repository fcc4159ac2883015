import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';

/**
 * The database handle every domain function receives. PGlite and node-postgres drizzle databases
 * (and their transactions) all satisfy it, so domain code never knows which engine it is on.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** Runs raw SQL and returns its rows on either engine (they wrap results differently). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The comment that opens a hot statement's text (adapters/db/preparing-client.ts looks for it). */
export const HOT_STATEMENT_MARK = '/* hot */';

/**
 * Marks a statement that runs on every request and whose text never varies (values only as
 * parameters): on PostgreSQL it is prepared once per connection, parsed and planned once; on
 * PGlite it runs as it is. Never mark SQL whose text embeds values, or each would be prepared.
 */
export function hotStatement(query: SQL): SQL {
  return sql`${sql.raw(HOT_STATEMENT_MARK)} ${query}`;
}

/**
 * Runs reads one after another and returns their results in order, like Promise.all. For reads
 * that may share one connection (a transaction's client, or PGlite's only one): node-postgres
 * queues overlapping queries on one client today but warns that pg 9 will refuse them.
 */
export async function readInTurn<T extends readonly unknown[]>(
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
