import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import { danaTheDpo, northshire } from '../../../test/support/personas.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { queryRows } from '../shared/database.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { sealAllPartnerships } from './seal-all-partnerships.ts';
import { sealAuditEvents } from './seal-audit-events.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from './signing-key.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';
import { verifyWitnessedChain } from './verify-witnessed-chain.ts';
import { memoryWitness, type AuditWitnessWriter } from './witness.ts';

const signer = loadCheckpointSigner(generateSigningKeyPem());
const p = northshire.partnershipId;

async function appendSearches(handle: DatabaseHandle, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await appendAuditEvent(handle.db, {
      actor: danaTheDpo,
      action: 'audit.searched',
      outcome: 'success',
      details: { filters: {}, returned: i },
    });
  }
}

/** An attacker with the database owner's powers: triggers off for one transaction. */
async function tamper(handle: DatabaseHandle, ...statements: string[]): Promise<void> {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local session_replication_role = replica`));
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

/** Deletes the newest `count` sealed events, their chain entries and any checkpoint over them. */
function cutTail(count: number): string[] {
  const newest = `select seq from audit_chain where partnership_id = '${p}' order by seq desc limit ${count}`;
  return [
    `delete from audit_event where partnership_id = '${p}' and id in
       (select event_id from audit_chain where partnership_id = '${p}' and seq in (${newest}))`,
    `delete from audit_checkpoint where partnership_id = '${p}' and seq_to > (select max(seq) - ${count} from audit_chain where partnership_id = '${p}')`,
    `delete from audit_chain where partnership_id = '${p}' and seq in (${newest})`,
  ];
}

for (const kind of testDatabaseKinds()) {
  describe(`the audit witness on ${kind}`, () => {
    let handle: DatabaseHandle;
    let witness: AuditWitnessWriter;
    before(async () => {
      handle = await openTestDatabase(kind);
      // The sealer seals the chain of every partnership there is.
      await handle.db.execute(sql`insert into partnership (id, name) values (${p}, 'Northshire')`);
    });
    after(async () => handle.close());

    /** A sealed chain of `events` with a checkpoint every `every`, each witnessed. */
    async function witnessedChain(events: number, every: number): Promise<void> {
      await tamper(
        handle,
        'delete from audit_event',
        'delete from audit_chain',
        'delete from audit_checkpoint',
      );
      witness = memoryWitness();
      await appendSearches(handle, events);
      const sealed = await sealAllPartnerships(handle.db, {
        signer,
        witness,
        checkpointEvery: every,
        batchSize: every,
        waitForEarlierTransactionsMs: 30_000,
      });
      assert.deepEqual(sealed.refused, []);
    }

    test('an intact chain verifies against the witness, every checkpoint witnessed', async () => {
      await witnessedChain(12, 4);
      assert.equal((await witness.readCheckpoints(p)).length, 3);
      const result = await verifyWitnessedChain(handle.db, p, witness);
      assert.equal(result.problem, undefined);
      assert.equal(result.verifiedEvents, 12);
      assert.equal(result.witnessedCheckpoints, 3);
      assert.equal(result.unwitnessedCheckpoints, 0);
    });

    test('deleting the newest events with their entries and checkpoint is found as truncated', async () => {
      await witnessedChain(12, 4);
      await tamper(handle, ...cutTail(4));
      // On its own the database's chain is sound: only the witness remembers the cut.
      assert.equal((await verifyAuditChain(handle.db, p, signer)).problem, undefined);
      const result = await verifyWitnessedChain(handle.db, p, witness);
      assert.deepEqual([result.problem?.seq, result.problem?.kind], [9, 'truncated']);
      assert.match(result.problem!.message, /ends at 8, but the witness holds a checkpoint signed up to 12/);
    });

    test('deleting only the last checkpoint is found as checkpoint_missing', async () => {
      await witnessedChain(12, 4);
      await tamper(handle, `delete from audit_checkpoint where partnership_id = '${p}' and seq_to = 12`);
      assert.equal((await verifyAuditChain(handle.db, p, signer)).problem, undefined);
      const result = await verifyWitnessedChain(handle.db, p, witness);
      assert.deepEqual([result.problem?.seq, result.problem?.kind], [9, 'checkpoint_missing']);
    });

    test('after a cut the sealer refuses to seal over the gap, and verify still names the cut', async () => {
      await witnessedChain(12, 4);
      await tamper(handle, ...cutTail(6));
      await appendSearches(handle, 8);
      const sealed = await sealAllPartnerships(handle.db, {
        signer,
        witness,
        checkpointEvery: 4,
        waitForEarlierTransactionsMs: 30_000,
      });
      assert.equal(sealed.sealed, 0);
      assert.deepEqual(
        sealed.refused.map((r) => r.partnershipId),
        [p],
      );
      const result = await verifyWitnessedChain(handle.db, p, witness);
      assert.equal(result.problem?.kind, 'truncated');
    });

    test('a chain cut and sealed again by someone else is still found against the witness', async () => {
      await witnessedChain(12, 4);
      await tamper(handle, ...cutTail(4));
      // Sealed again without the witness (say, by a sealer pointed at an empty folder).
      await appendSearches(handle, 4);
      await sealAuditEvents(handle.db, p, {
        signer,
        checkpointEvery: 4,
        waitForEarlierTransactionsMs: 30_000,
      });
      const result = await verifyWitnessedChain(handle.db, p, witness);
      assert.equal(result.problem?.kind, 'checkpoint_invalid');
      assert.match(result.problem!.message, /differs from the witness's copy/);
    });

    test("a witness holding another key's checkpoint is reported, not trusted", async () => {
      await witnessedChain(4, 4);
      const forged = memoryWitness();
      await forged.recordPublicKey(signer.publicKeyPem);
      const [real] = await witness.readCheckpoints(p);
      await forged.recordCheckpoints(p, [{ ...real!, seqTo: 40, signature: real!.signature }]);
      const result = await verifyWitnessedChain(handle.db, p, forged);
      assert.equal(result.problem?.kind, 'checkpoint_invalid');
    });

    test('a checkpoint committed but never witnessed (a crash between) is witnessed next round', async () => {
      await witnessedChain(4, 4);
      await appendSearches(handle, 4);
      await sealAuditEvents(handle.db, p, {
        signer,
        checkpointEvery: 4,
        waitForEarlierTransactionsMs: 30_000,
      });
      assert.equal((await verifyWitnessedChain(handle.db, p, witness)).unwitnessedCheckpoints, 1);
      await sealAllPartnerships(handle.db, { signer, witness, checkpointEvery: 4 });
      assert.deepEqual(
        (await witness.readCheckpoints(p)).map((c) => c.seqTo),
        [4, 8],
      );
    });

    test('a checkpoint row signed with another key is never witnessed', async () => {
      await witnessedChain(4, 4);
      await appendSearches(handle, 4);
      const intruder = loadCheckpointSigner(generateSigningKeyPem());
      await sealAuditEvents(handle.db, p, {
        signer: intruder,
        checkpointEvery: 4,
        waitForEarlierTransactionsMs: 30_000,
      });
      const sealed = await sealAllPartnerships(handle.db, { signer, witness, checkpointEvery: 4 });
      assert.match(sealed.refused[0]?.reason ?? '', /not signed by this sealer's key/);
      assert.deepEqual(
        (await witness.readCheckpoints(p)).map((c) => c.seqTo),
        [4],
      );
    });

    test('a checkpoint is signed once the oldest unsigned event has waited the interval, however few', async () => {
      await witnessedChain(0, 1000);
      await appendSearches(handle, 2);
      const options = {
        signer,
        witness,
        checkpointEvery: 1000,
        checkpointIntervalMs: 200,
        waitForEarlierTransactionsMs: 30_000,
      };
      const early = await sealAllPartnerships(handle.db, options);
      assert.equal(early.sealed, 2);
      assert.equal(early.checkpoints, 0, 'two events, just stamped: not yet due');
      // Age the events on the database's own clock rather than sleep.
      await tamper(handle, `update audit_event set at = at - interval '1 second'`);
      const due = await sealAllPartnerships(handle.db, options);
      assert.equal(due.checkpoints, 1);
      const [checkpoint] = await queryRows<{ seq_from: string; seq_to: string }>(
        handle.db,
        sql`select seq_from::text, seq_to::text from audit_checkpoint where partnership_id = ${p}`,
      );
      assert.deepEqual(checkpoint, { seq_from: '1', seq_to: '2' });
    });
  });
}
