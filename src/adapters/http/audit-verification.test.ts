import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { sealAllPartnerships } from '../../domain/audit/seal-all-partnerships.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from '../../domain/audit/signing-key.ts';
import { memoryWitness } from '../../domain/audit/witness.ts';
import { demoPartnership } from '../../domain/demo/northshire.ts';

/**
 * The audit page's verification, as a data protection officer asks for it, when someone with the
 * database owner's powers has cut the newest events, their chain entries and the last checkpoint.
 */
const p = demoPartnership.id;
const signer = loadCheckpointSigner(generateSigningKeyPem());

for (const kind of testDatabaseKinds()) {
  describe(`verifying the audit log against its witness (${kind})`, () => {
    const witness = memoryWitness();
    let app: TestApp;
    before(async () => {
      app = await createTestApp(kind, { auditWitness: witness });
    });
    after(() => app.close());
    const seal = () =>
      sealAllPartnerships(app.database.db, {
        signer,
        witness,
        checkpointEvery: 1_000_000,
        forceCheckpoint: true,
        waitForEarlierTransactionsMs: 30_000,
      });
    const verify = async () => {
      const dana = await app.signIn('dana.okafor@northshire.example');
      const response = await app.request('/api/audit/verification', { session: dana });
      assert.equal(response.status, 200);
      return (await response.json()) as {
        status: string;
        witnessedCheckpoints: number;
        problem: { seq: number; kind: string } | null;
      };
    };

    test('a sealed, witnessed chain verifies', async () => {
      await seal();
      const result = await verify();
      assert.equal(result.status, 'verified');
      assert.equal(result.witnessedCheckpoints, 1);
    });

    test('the newest events and the last checkpoint deleted are reported as truncated', async () => {
      await seal();
      const [head] = (
        (await app.database.db.execute(
          sql`select max(seq)::int as seq from audit_chain where partnership_id = ${p}`,
        )) as unknown as { rows: { seq: number }[] }
      ).rows;
      await app.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(
          sql`delete from audit_event where partnership_id = ${p} and id in
                (select event_id from audit_chain where partnership_id = ${p} and seq > ${head!.seq - 2})`,
        );
        await tx.execute(sql`delete from audit_chain where partnership_id = ${p} and seq > ${head!.seq - 2}`);
        await tx.execute(
          sql`delete from audit_checkpoint where partnership_id = ${p} and seq_to > ${head!.seq - 2}`,
        );
      });
      const result = await verify();
      assert.equal(result.status, 'tampered');
      assert.deepEqual(result.problem && [result.problem.seq, result.problem.kind], [
        head!.seq - 1,
        'truncated',
      ]);
    });
  });
}
