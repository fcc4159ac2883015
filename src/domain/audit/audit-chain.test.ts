import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import { danaTheDpo, northshire } from '../../../test/support/personas.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { sealAuditEvents } from './seal-audit-events.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from './signing-key.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const signer = loadCheckpointSigner(generateSigningKeyPem());
const p = northshire.partnershipId;

async function appendSearches(handle: DatabaseHandle, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await handle.db.transaction(async (tx) => {
      await appendAuditEvent(tx, {
        actor: danaTheDpo,
        action: 'audit.searched',
        outcome: 'success',
        details: { filters: { page: String(i) }, returned: i },
        subject: { type: 'person', id: `child-${i}` },
      });
    });
  }
}

/** Simulates an attacker with the database owner's powers: triggers off for one statement. */
async function tamper(handle: DatabaseHandle, statement: string): Promise<void> {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local session_replication_role = replica`));
    await tx.execute(sql.raw(statement));
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`audit chain on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(async () => handle.close());

    async function freshChain(events: number, checkpointEvery = 1000): Promise<void> {
      for (const table of ['audit_event', 'audit_chain', 'audit_checkpoint'])
        await tamper(handle, `delete from ${table}`);
      await appendSearches(handle, events);
      await sealAuditEvents(handle.db, p, {
        signer,
        checkpointEvery,
        batchSize: 7,
        waitForEarlierTransactionsMs: 30_000,
      });
    }

    test('sealed events verify, and later events wait as pending until sealed', async () => {
      // Batches of 7 and a checkpoint every 5: checkpoints close at 7, 14 and 20.
      await freshChain(20, 5);
      await appendSearches(handle, 3);
      const result = await verifyAuditChain(handle.db, p, signer);
      assert.equal(result.problem, undefined);
      assert.equal(result.verifiedEvents, 20);
      assert.equal(result.pendingEvents, 3);
      assert.equal(result.checkpointsVerified, 3);
    });

    test('audit rows cannot be updated, deleted or truncated, even by the owner', async () => {
      await freshChain(2, 1);
      for (const statement of [
        `update audit_event set action = 'x'`,
        `delete from audit_event`,
        // Plain TRUNCATE is refused first by audit_chain's foreign key; with CASCADE it reaches
        // the append-only triggers of both tables.
        `truncate audit_event cascade`,
        `update audit_chain set hash = 'x'`,
        `delete from audit_chain`,
        `delete from audit_checkpoint`,
        `truncate audit_checkpoint`,
      ]) {
        await assert.rejects(
          handle.db.execute(sql.raw(statement)),
          (error: Error) => /append-only/.test(String((error.cause as Error | undefined)?.message)),
          statement,
        );
      }
      assert.equal((await verifyAuditChain(handle.db, p, signer)).verifiedEvents, 2);
    });

    test('the database stamps the transaction id, so a forged tx_id is overwritten', async () => {
      await freshChain(0);
      await handle.db.execute(
        sql.raw(`insert into audit_event (partnership_id, tx_id, actor_type, action, outcome)
                 values ('${p}', 1, 'system', 'audit.verified', 'success')`),
      );
      const rows = (await handle.db.execute(
        sql.raw(`select tx_id::text, at is not null as stamped from audit_event`),
      )) as unknown as {
        rows: { tx_id: string; stamped: boolean }[];
      };
      assert.notEqual(rows.rows[0]!.tx_id, '1');
      // With no time given, the database's clock stamps the event.
      assert.equal(rows.rows[0]!.stamped, true);
    });

    test('an event keeps the instant its act was decided at (one clock, DESIGN.md rule 6)', async () => {
      await freshChain(0);
      const decidedAt = new Date('2026-03-31T22:59:59.900Z');
      await appendAuditEvent(handle.db, {
        actor: { kind: 'system', process: 'test', partnershipId: p as PartnershipId },
        action: 'audit.verified',
        outcome: 'success',
        details: { ok: true, verifiedEvents: 0 },
        at: decidedAt,
      });
      const rows = (await handle.db.execute(
        sql.raw(`select (extract(epoch from at) * 1000)::bigint::text as ms from audit_event`),
      )) as unknown as { rows: { ms: string }[] };
      assert.equal(Number(rows.rows[0]!.ms), decidedAt.getTime());
    });

    test('an edited event is named with its sequence number', async () => {
      await freshChain(10);
      await tamper(
        handle,
        `update audit_event set outcome = 'failure' where id = (select event_id from audit_chain where seq = 4)`,
      );
      const result = await verifyAuditChain(handle.db, p, signer);
      assert.deepEqual([result.problem?.seq, result.problem?.kind], [4, 'edited']);
    });

    test('a deleted event and a deleted chain entry are both found', async () => {
      await freshChain(10);
      await tamper(
        handle,
        `delete from audit_event where id = (select event_id from audit_chain where seq = 6)`,
      );
      let result = await verifyAuditChain(handle.db, p, signer);
      assert.deepEqual([result.problem?.seq, result.problem?.kind], [6, 'deleted']);
      await freshChain(10);
      await tamper(handle, `delete from audit_chain where seq = 3`);
      result = await verifyAuditChain(handle.db, p, signer);
      assert.deepEqual([result.problem?.seq, result.problem?.kind], [3, 'deleted']);
    });

    test('an event slipped in among sealed ones is found as inserted', async () => {
      await freshChain(10);
      await tamper(
        handle,
        `insert into audit_event (partnership_id, tx_id, actor_type, action, outcome)
         values ('${p}', (select event_tx_id from audit_chain where seq = 2), 'system', 'audit.verified', 'success')`,
      );
      const result = await verifyAuditChain(handle.db, p, signer);
      assert.equal(result.problem?.kind, 'inserted');
    });

    test('two chain entries swapped are found as reordered at the first of them', async () => {
      await freshChain(10);
      await tamper(handle, `update audit_chain set seq = -5 where seq = 5`);
      await tamper(handle, `update audit_chain set seq = 5 where seq = 6`);
      await tamper(handle, `update audit_chain set seq = 6 where seq = -5`);
      const result = await verifyAuditChain(handle.db, p, signer);
      assert.deepEqual([result.problem?.seq, result.problem?.kind], [5, 'reordered']);
    });

    test('a chain rewritten from scratch fails its signed checkpoint', async () => {
      await freshChain(10, 5);
      // Rewrite every hash consistently, as an attacker who knows the algorithm but not the key would.
      await tamper(
        handle,
        `update audit_event set outcome = 'failure' where id = (select event_id from audit_chain where seq = 2)`,
      );
      const rows = (await handle.db.execute(
        sql.raw(`select count(*)::int as n from audit_chain`),
      )) as unknown as { rows: { n: number }[] };
      assert.equal(rows.rows[0]!.n, 10);
      await tamper(handle, `delete from audit_chain`);
      await sealAuditEvents(handle.db, p, {
        signer: loadCheckpointSigner(generateSigningKeyPem()),
        checkpointEvery: 1000,
        waitForEarlierTransactionsMs: 30_000,
      });
      const result = await verifyAuditChain(handle.db, p, signer);
      assert.equal(result.problem?.kind, 'checkpoint_invalid');
    });

    // Only a server has concurrent transactions; PGlite runs one at a time.
    if (kind === 'postgres') {
      test('an event is not sealed while an older transaction is still open, and is once it ends', async () => {
        await freshChain(0);
        const open = await (
          handle.db as unknown as { $client: { connect(): Promise<PoolClient> } }
        ).$client.connect();
        try {
          await open.query('begin');
          await open.query('select pg_current_xact_id()');
          await appendSearches(handle, 1);
          const held = await sealAuditEvents(handle.db, p, { signer, checkpointEvery: 1000 });
          assert.equal(held.sealed, 0, 'an older open transaction could still commit an earlier event');
          await open.query('commit');
        } finally {
          open.release();
        }
        const released = await sealAuditEvents(handle.db, p, {
          signer,
          checkpointEvery: 1000,
          waitForEarlierTransactionsMs: 30_000,
        });
        assert.equal(released.sealed, 1);
      });
    }

    test('one checkpoint verifies on its own', async () => {
      await freshChain(30, 5);
      // The second checkpoint covers seq 8 to 14 (batches of 7).
      const result = await verifyAuditChain(handle.db, p, signer, { fromSeq: 8, toSeq: 14 });
      assert.equal(result.problem, undefined);
      assert.equal(result.checkpointsVerified, 1);
      assert.equal(result.verifiedEvents, 7);
      await tamper(
        handle,
        `update audit_event set outcome = 'failure' where id = (select event_id from audit_chain where seq = 9)`,
      );
      const tampered = await verifyAuditChain(handle.db, p, signer, { fromSeq: 8, toSeq: 14 });
      assert.deepEqual([tampered.problem?.seq, tampered.problem?.kind], [9, 'edited']);
    });
  });
}
