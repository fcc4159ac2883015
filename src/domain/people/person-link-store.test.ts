import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { lockAutomaticLinking, lockLinking } from './person-link-store.ts';

const northshire = '5e0c9a1b-2f3d-4e5f-8a9b-0c1d2e3f4a01';

const synchronousCommit = async (db: Db) =>
  (await queryRows<{ s: string }>(db, sql`select current_setting('synchronous_commit') as s`))[0]!.s;

for (const kind of testDatabaseKinds()) {
  describe(`the linking lock (${kind})`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(() => handle.close());

    test('the linking process commits its own decision without waiting for the disk, in that transaction only', async () => {
      const inside = await handle.db.transaction(async (tx) => {
        await lockAutomaticLinking(tx, northshire);
        return synchronousCommit(tx);
      });
      assert.equal(inside, 'off');
      // set_config(…, true) is local: the next transaction on any connection waits for the disk again.
      const next = await handle.db.transaction((tx) => synchronousCommit(tx));
      assert.equal(next, 'on');
    });

    test("a person's decision (review, undo) and the batch relink keep synchronous commit", async () => {
      const inside = await handle.db.transaction(async (tx) => {
        await lockLinking(tx, northshire);
        return synchronousCommit(tx);
      });
      assert.equal(inside, 'on');
    });
  });
}
