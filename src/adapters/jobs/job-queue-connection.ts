import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { DatabaseHandle } from '../db/open-database.ts';

/** What pg-boss asks of a connection (its `db` option): run one text with its values. */
export interface JobQueueConnection {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss on the database Tessera already holds, rather than a pool of its own: on PGlite there
 * is only the one connection in this process, and on PostgreSQL the jobs share the app's pool
 * (and so its role). pg-boss sends two kinds of text. With values: one statement (extended
 * protocol). Without: maintenance and installation scripts of several statements wrapped in
 * their own BEGIN … COMMIT, which the simple protocol runs; if one fails half-way the
 * connection would stay in an aborted transaction, so each runs on a connection held for it
 * and is rolled back there on failure.
 */
export function jobQueueConnection(handle: DatabaseHandle): JobQueueConnection {
  if (handle.kind === 'pglite') {
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    return {
      async executeSql(text, values) {
        if (values && values.length > 0) return client.query(text, values);
        // PGlite's transaction holds its one connection for us and rolls back on failure; the
        // script's own BEGIN and COMMIT run inside it (PostgreSQL only warns).
        const results = await client.transaction((tx) => tx.exec(text));
        return { rows: results.at(-1)?.rows ?? [] };
      },
    };
  }
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return pool.query(text, values);
      const connection = await pool.connect();
      try {
        const result = (await connection.query(text)) as pg.QueryResult | pg.QueryResult[];
        return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
      } catch (error) {
        await connection.query('rollback').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}
