import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import { isUniqueViolation } from '../../domain/partnership/unique-violation.ts';
import { partnership } from '../../domain/partnership/schema.ts';
import { HOT_STATEMENT_MARK, hotStatement, queryRows } from '../../domain/shared/database.ts';
import { migrateDatabase } from './migrate-database.ts';
import type { DatabaseHandle } from './open-database.ts';

/**
 * What the domain relies on from a database handle. Every engine Tessera runs on must pass the
 * same suite (the Hono practice of one conformance suite for interchangeable implementations).
 */
for (const kind of testDatabaseKinds()) {
  describe(`database conformance: ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('migrating again is a no-op', async () => {
      await migrateDatabase(handle);
      const [row] = await queryRows<{ n: string }>(
        handle.db,
        sql`select count(*)::text as n from partnership`,
      );
      assert.equal(row!.n, '0');
    });

    test('a transaction that throws leaves nothing behind', async () => {
      await assert.rejects(
        handle.db.transaction(async (tx) => {
          await tx
            .insert(partnership)
            .values({ id: '11111111-1111-4111-8111-111111111111', name: 'Rolled back' });
          throw new Error('the act failed');
        }),
        /the act failed/,
      );
      const rows = await queryRows(handle.db, sql`select 1 from partnership where name = 'Rolled back'`);
      assert.equal(rows.length, 0);
    });

    test('a unique violation is recognisable whatever the driver', async () => {
      const values = { id: '22222222-2222-4222-8222-222222222222', name: 'Twice' };
      await handle.db.insert(partnership).values(values);
      const error = await handle.db
        .insert(partnership)
        .values(values)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(isUniqueViolation(error));
      assert.equal(isUniqueViolation(new Error('something else')), false);
    });

    test('text casts come back as strings, jsonb as objects, timestamps as Dates', async () => {
      const [row] = await queryRows<{ big: string; doc: unknown }>(
        handle.db,
        sql`select 9007199254740993::bigint::text as big, '{"b": 1, "a": [true, null]}'::jsonb as doc`,
      );
      assert.equal(row!.big, '9007199254740993');
      assert.deepEqual(row!.doc, { a: [true, null], b: 1 });
      const [stored] = await handle.db.select().from(partnership).limit(1);
      assert.ok(stored!.createdAt instanceof Date);
    });

    test('the functions the audit sealer needs exist', async () => {
      const [row] = await queryRows<{ xid: string; xmin: string }>(
        handle.db,
        sql`select (pg_current_xact_id()::text) as xid, (pg_snapshot_xmin(pg_current_snapshot())::text) as xmin`,
      );
      assert.ok(BigInt(row!.xid) >= BigInt(row!.xmin));
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tessera.conformance'))`);
      });
    });

    test('a hot statement answers as the same statement unmarked, and on PostgreSQL is prepared once per connection', async () => {
      const query = (n: number) => sql`select ${n}::int + 1 as next, 'tessera' as name`;
      await handle.db.transaction(async (tx) => {
        // One transaction is one connection: what it prepared is in its pg_prepared_statements.
        const plain = await queryRows<{ next: number }>(tx, query(1));
        const first = await queryRows<{ next: number }>(tx, hotStatement(query(41)));
        const second = await queryRows<{ next: number }>(tx, hotStatement(query(99)));
        assert.deepEqual(
          [plain, first, second].map((r) => r[0]!.next),
          [2, 42, 100],
        );
        const prepared = await queryRows<{ statement: string }>(
          tx,
          sql`select statement from pg_prepared_statements order by prepare_time`,
        );
        const hot = prepared.filter((p) => p.statement.includes("'tessera' as name"));
        assert.deepEqual(
          hot.map((p) => p.statement.startsWith(HOT_STATEMENT_MARK)),
          kind === 'postgres' ? [true] : [],
          'the marked text prepared once, the unmarked one never',
        );
      });
    });
  });
}
