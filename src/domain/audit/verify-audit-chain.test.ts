import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import { danaTheDpo, northshire } from '../../../test/support/personas.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { canonicalEventSql } from './canonical.ts';
import { sealAuditEvents } from './seal-audit-events.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from './signing-key.ts';
import { verifyAuditChain, type VerifyTuning } from './verify-audit-chain.ts';

/**
 * The fast path (whole pages) must name exactly the problem the entry-by-entry reading names,
 * wherever the tampering falls: inside a page, on a page boundary, or in the chain's own columns.
 */
const signer = loadCheckpointSigner(generateSigningKeyPem());
const p = northshire.partnershipId;
const entryByEntry: VerifyTuning = { pages: false, pageSize: 1, pagesInFlight: 1 };
const smallPages: VerifyTuning = { pages: true, pageSize: 6, pagesInFlight: 2 };

const tamperings: Record<string, string[]> = {
  'nothing (an intact chain)': [],
  'an event edited inside a page': [
    `update audit_event set purpose = 's47' where id = (select event_id from audit_chain where seq = 9)`,
  ],
  'an event edited on a page boundary': [
    `update audit_event set outcome = 'failure' where id = (select event_id from audit_chain where seq = 13)`,
  ],
  'an event deleted': [
    `delete from audit_event where id = (select event_id from audit_chain where seq = 12)`,
  ],
  'a chain entry deleted': [`delete from audit_chain where seq = 7`],
  'the last chain entries deleted': [`delete from audit_chain where seq > 36`],
  'two entries swapped across a page boundary': [
    `update audit_chain set seq = -1 where seq = 12`,
    `update audit_chain set seq = 12 where seq = 13`,
    `update audit_chain set seq = 13 where seq = -1`,
  ],
  'an event slipped in among sealed ones': [
    `insert into audit_event (partnership_id, tx_id, actor_type, action, outcome)
     values ('${p}', (select event_tx_id from audit_chain where seq = 20), 'system', 'audit.verified', 'success')`,
  ],
  'a stored digest changed': [`update audit_chain set event_digest = repeat('0', 64) where seq = 17`],
  // The two columns still concatenate to the right 128 characters; only their split moved.
  'a digest and hash re-split between the columns': [
    `update audit_chain set event_digest = left(event_digest, 63), hash = right(event_digest, 1) || hash
     where seq = 5`,
  ],
  'an entry pointing at another event': [
    `update audit_chain set event_id = (select event_id from audit_chain where seq = 4) + 1000 where seq = 25`,
  ],
  // Sealer bookkeeping outside the hash: neither reading flags it, but pages must not trip on it.
  'the transaction id the chain keeps for an event (not hashed)': [
    `update audit_chain set event_tx_id = event_tx_id - 1 where seq = 18`,
  ],
  'a checkpoint signature': [
    `update audit_checkpoint set signature = (select signature from audit_checkpoint order by seq_to limit 1)
     where seq_to = (select max(seq_to) from audit_checkpoint)`,
  ],
};

for (const kind of testDatabaseKinds()) {
  describe(`verifying by pages agrees with verifying entry by entry, on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(async () => handle.close());

    async function tamper(statement: string): Promise<void> {
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local session_replication_role = replica`));
        await tx.execute(sql.raw(statement));
      });
    }

    async function freshChain(events: number, subjectId = (i: number) => `child-${i}`): Promise<void> {
      for (const table of ['audit_event', 'audit_chain', 'audit_checkpoint'])
        await tamper(`delete from ${table}`);
      for (let i = 0; i < events; i++) {
        await handle.db.transaction(async (tx) => {
          await appendAuditEvent(tx, {
            actor: danaTheDpo,
            action: 'audit.searched',
            outcome: 'success',
            details: { filters: { page: String(i) }, returned: i },
            subject: { type: 'person', id: subjectId(i) },
          });
        });
      }
      await sealAuditEvents(handle.db, p, {
        signer,
        checkpointEvery: 10,
        batchSize: 7,
        waitForEarlierTransactionsMs: 30_000,
      });
    }

    for (const [name, statements] of Object.entries(tamperings)) {
      test(name, async () => {
        await freshChain(40);
        for (const statement of statements) await tamper(statement);
        const reference = await verifyAuditChain(handle.db, p, signer, {}, entryByEntry);
        assert.deepEqual(await verifyAuditChain(handle.db, p, signer, {}, smallPages), reference);
        assert.deepEqual(await verifyAuditChain(handle.db, p, signer), reference);
        const range = { fromSeq: 8, toSeq: 27 };
        assert.deepEqual(
          await verifyAuditChain(handle.db, p, signer, range, smallPages),
          await verifyAuditChain(handle.db, p, signer, range, entryByEntry),
        );
        const expectProblem = statements.length > 0 && !name.endsWith('(not hashed)');
        assert.equal(reference.problem !== undefined, expectProblem, JSON.stringify(reference));
      });
    }

    test('no two different events share a canonical line, even when text moves between fields', async () => {
      const variants = [
        `'a,b', 'c', null, '{}'`,
        `'a', 'b,c', null, '{}'`,
        `'a'',''b', 'c', null, '{}'`,
        `'a', null, null, '{}'`,
        `'a', 'NULL', null, '{}'`,
        `'a', '', null, '{}'`,
        `'a\\', 'b', null, '{}'`,
        `'a', 'b', '["x"]', '{}'`,
        `'a', 'b', 'null', '{}'`,
        `'a', 'b', null, '{"k": "v,w"}'`,
      ];
      const lines = new Set<string>();
      for (const values of variants) {
        const rows = (await handle.db.execute(sql`select ${canonicalEventSql} as line from (
            select '${sql.raw(p)}'::uuid as partnership_id, 1::bigint as id, 2::bigint as tx_id,
                   timestamptz '2025-01-02 03:04:05.123456Z' as at, 'user' as actor_type, 'u' as actor_id,
                   null::uuid as actor_organisation_id, 'r' as actor_role, 'act' as action, 'success' as outcome,
                   v.subject_type, v.subject_id, null as purpose, null as agreement_id, v.disclosed::jsonb as disclosed,
                   v.details::jsonb as details, null as request_id
            from (values (${sql.raw(values)})) v(subject_type, subject_id, disclosed, details)) e`)) as unknown as {
          rows: { line: string }[];
        };
        lines.add(rows.rows[0]!.line);
      }
      assert.equal(lines.size, variants.length);
    });

    test('text with line breaks, which a page cannot split, still verifies', async () => {
      await freshChain(20, (i) => (i % 5 === 2 ? `child-${i}\nsecond line` : `child-${i}`));
      const result = await verifyAuditChain(handle.db, p, signer, {}, smallPages);
      assert.equal(result.problem, undefined);
      assert.equal(result.verifiedEvents, 20);
    });
  });
}
