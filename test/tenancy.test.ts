import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/adapters/db/open-database.ts';
import { queryRows } from '../src/domain/shared/database.ts';
import { openTestDatabase, testDatabaseKinds } from './support/test-database.ts';

/**
 * DESIGN.md rule 7 and section 5: every tenant table carries partnership_id in its primary key
 * or a unique index, so it can be distributed on it. Only tables on this list may lack it.
 */
const referenceTables = new Set([
  'partnership',
  // The legal gateway catalogue is national law, the same for every partnership: Citus reference
  // tables replicated to every node (DESIGN.md section 5; domain/gateways/schema.ts).
  'gateway_catalogue_version',
  'gateway',
  // Email → partnership for sign-in, which starts before any partnership is known; it holds the
  // platform-wide unique email that app_user cannot (partnership/schema.ts).
  'user_email',
]);

for (const kind of testDatabaseKinds()) {
  describe(`tenancy (${kind})`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('every tenant table has partnership_id in its primary key or a unique index', async () => {
      const tables = await queryRows<{ table_name: string }>(
        handle.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      const keyed = await queryRows<{ table_name: string }>(
        handle.db,
        sql`select distinct t.relname as table_name
            from pg_index i
            join pg_class t on t.oid = i.indrelid
            join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
            join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
            where (i.indisprimary or i.indisunique) and a.attname = 'partnership_id'`,
      );
      const withKey = new Set(keyed.map((r) => r.table_name));
      const missing = tables
        .map((t) => t.table_name)
        .filter((t) => !withKey.has(t) && !referenceTables.has(t));
      assert.ok(tables.length >= 8, 'the schema is there');
      assert.deepEqual(missing, []);
    });

    // Citus refuses to distribute a table with a primary or unique key (unique constraint or
    // unique index, partial or not) that lacks the distribution column.
    test('every primary and unique key of a tenant table includes partnership_id', async () => {
      const keys = await queryRows<{ table_name: string; index_name: string }>(
        handle.db,
        sql`select t.relname as table_name, c.relname as index_name
            from pg_index i
            join pg_class t on t.oid = i.indrelid
            join pg_class c on c.oid = i.indexrelid
            join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
            where (i.indisprimary or i.indisunique)
              and not exists (select 1 from pg_attribute a
                              where a.attrelid = t.oid and a.attnum = any(i.indkey)
                                and a.attname = 'partnership_id')
            order by 1, 2`,
      );
      const offending = keys
        .filter((k) => !referenceTables.has(k.table_name))
        .map((k) => `${k.table_name}.${k.index_name}`);
      assert.deepEqual(offending, []);
    });
  });
}
