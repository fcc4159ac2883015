import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { danaTheDpo, northshire } from '../../../test/support/personas.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../../adapters/db/open-database.ts';
import { agreementFlowsInForce } from '../agreements/policy-generation.ts';
import { cachedFlowsInForce } from '../policy/policy-cache.ts';
import { queryRows } from '../shared/database.ts';
import type { AuditAction } from './actions.ts';
import type { AuditEventInput } from './append-audit-event.ts';
import {
  auditEventsInsert,
  createGroupCommitWriter,
  databaseGroupCommitWriter,
} from './group-commit-writer.ts';
import { sealAuditEvents } from './seal-audit-events.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from './signing-key.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const signer = loadCheckpointSigner(generateSigningKeyPem());
const p = northshire.partnershipId;

const event = (i: number): AuditEventInput<AuditAction> => ({
  actor: danaTheDpo,
  action: 'subject.viewed',
  outcome: 'success',
  subject: { type: 'person', id: `child-${i}` },
  purpose: 's47_enquiry',
  disclosed: ['identity'],
  details: { view: 'group commit test', records: i },
});

/** A promise settled from outside, to hold a batch's commit open. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the group-commit writer (no database)', () => {
  test('a lone event is written at once; what arrives during a commit is the next batch, in order', async () => {
    const batches: number[][] = [];
    const commits: ReturnType<typeof deferred>[] = [];
    const writer = createGroupCommitWriter((events) => {
      batches.push(events.map((e) => (e.details as { records: number }).records));
      const commit = deferred();
      commits.push(commit);
      return commit.promise;
    });
    const settled: number[] = [];
    const append = (i: number) => writer.append(event(i)).then(() => settled.push(i));
    const first = append(0);
    assert.deepEqual(batches, [[0]], 'no timer: the first event is written without waiting');
    const rest = [1, 2, 3, 4].map(append);
    await settle();
    assert.deepEqual(batches, [[0]], 'one batch in flight at a time');
    assert.deepEqual(settled, [], 'nothing resolves before its commit');
    commits[0]!.resolve();
    await first;
    await settle();
    assert.deepEqual(batches, [[0], [1, 2, 3, 4]]);
    assert.deepEqual(settled, [0], 'the second batch waits for its own commit');
    commits[1]!.resolve();
    await Promise.all(rest);
    assert.deepEqual(settled, [0, 1, 2, 3, 4]);
    await writer.close();
    await assert.rejects(writer.append(event(5)), /closed/);
  });

  test('a failed batch rejects every caller in it, and only those', async () => {
    let call = 0;
    const gate = deferred();
    const writer = createGroupCommitWriter(async () => {
      call += 1;
      if (call === 1) return gate.promise;
      if (call === 2) throw new Error('disk full');
    });
    const first = writer.append(event(0));
    const failed = [1, 2, 3].map((i) => writer.append(event(i)));
    gate.resolve();
    await first;
    const outcomes = await Promise.allSettled(failed);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['rejected', 'rejected', 'rejected'],
    );
    for (const o of outcomes) assert.match(String((o as PromiseRejectedResult).reason), /disk full/);
    await writer.append(event(4)); // the writer carries on with the next batch
  });

  test('batches are capped, the rest waiting for the next', async () => {
    const sizes: number[] = [];
    const writer = createGroupCommitWriter(
      async (events) => {
        sizes.push(events.length);
      },
      { maxBatch: 3 },
    );
    await Promise.all(Array.from({ length: 8 }, (_, i) => writer.append(event(i))));
    assert.deepEqual(sizes, [1, 3, 3, 1]);
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`the group-commit writer on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(async () => handle.close());

    test('many concurrent events: none lost, one row each in queue order, and the chain verifies', async () => {
      const writer = databaseGroupCommitWriter(handle.db);
      const batchSizes: number[] = [];
      const counting = createGroupCommitWriter(async (events) => {
        batchSizes.push(events.length);
        await handle.db.execute(auditEventsInsert(events));
      });
      const n = 300;
      await Promise.all(
        Array.from({ length: n }, (_, i) => (i % 2 === 0 ? writer : counting).append(event(i))),
      );
      await writer.close();
      const rows = await queryRows<{ subject_id: string; tx_id: string; details: { records: number } }>(
        handle.db,
        sql`select subject_id, tx_id::text, details from audit_event
            where details ->> 'view' = 'group commit test' order by id`,
      );
      assert.equal(rows.length, n, 'every event written once');
      assert.equal(new Set(rows.map((r) => r.subject_id)).size, n);
      // Within each writer, ids follow the order events were queued in.
      for (const parity of [0, 1]) {
        const mine = rows.map((r) => r.details.records).filter((i) => i % 2 === parity);
        assert.deepEqual(
          mine,
          [...mine].sort((a, b) => a - b),
        );
      }
      assert.ok(
        batchSizes.some((s) => s > 1),
        `events were batched: ${JSON.stringify(batchSizes)}`,
      );
      assert.ok(
        new Set(rows.map((r) => r.tx_id)).size < n,
        'a batch is one transaction: its events share a transaction id',
      );
      await sealAuditEvents(handle.db, p, {
        signer,
        checkpointEvery: 50,
        waitForEarlierTransactionsMs: 30_000,
      });
      const verified = await verifyAuditChain(handle.db, p, signer);
      assert.equal(verified.problem, undefined, JSON.stringify(verified.problem));
      const [chained] = await queryRows<{ n: string }>(
        handle.db,
        sql`select count(*)::text as n from audit_chain c join audit_event e
              on e.partnership_id = c.partnership_id and e.id = c.event_id
            where c.partnership_id = ${p} and e.details ->> 'view' = 'group commit test'`,
      );
      assert.equal(Number(chained!.n), n, 'every batched event is in the chain');
    });
  });

  describe(`views commit their audit through the writer, and fail with it (${kind})`, () => {
    let app: TestApp;
    before(async () => {
      // The policy source `tessera serve` uses: with its policy cached, a view is one read-only
      // statement on the pool and its event goes to the group-commit writer.
      app = await createTestApp(kind, { flowsInForce: cachedFlowsInForce(agreementFlowsInForce) });
      await insertPeople(app.database.db);
    });
    after(() => app.close());

    test('concurrent views share a commit, each event naming its own read', async () => {
      const session = await app.signIn('sam.patel@northshire.example');
      const view = () =>
        app.request(`/api/persons/${people.samTaylor}/view?purpose=s47_enquiry`, { session });
      assert.equal((await view()).status, 200); // caches the policy
      const since = await queryRows<{ id: string }>(
        app.database.db,
        sql`select coalesce(max(id), 0)::text as id from audit_event`,
      );
      const responses = await Promise.all(Array.from({ length: 12 }, view));
      assert.deepEqual(
        responses.map((r) => r.status),
        Array.from({ length: 12 }, () => 200),
      );
      const events = await queryRows<{ tx_id: string; subject_id: string; disclosed: string[] }>(
        app.database.db,
        sql`select tx_id::text, subject_id, disclosed from audit_event
            where action = 'subject.viewed' and id > ${since[0]!.id}::bigint order by id`,
      );
      assert.equal(events.length, 12, 'one event per view');
      for (const e of events) {
        assert.equal(e.subject_id, people.samTaylor);
        assert.ok(e.disclosed.includes('identity'));
      }
      assert.ok(new Set(events.map((e) => e.tx_id)).size < 12, 'the views were batched into fewer commits');
    });

    test('every view in a failed batch answers an error with none of the child’s data, and nothing is recorded as viewed', async () => {
      const session = await app.signIn('sam.patel@northshire.example');
      const view = () =>
        app.request(`/api/persons/${people.samTaylor}/view?purpose=s47_enquiry`, { session });
      const healthy = await view();
      assert.equal(healthy.status, 200);
      const shownName = 'Taylor';
      assert.match(await healthy.text(), new RegExp(shownName), 'the child is visible to this reader');
      const viewed = () => app.count(`audit_event where action = 'subject.viewed'`);
      const before = await viewed();
      // The audit insert fails (as a full disk or a lost connection would) for subject.viewed only.
      await app.database.db.execute(
        sql.raw(`create function test_fail_view_audit() returns trigger language plpgsql as $$
                 begin if new.action = 'subject.viewed' then raise exception 'audit write failed'; end if;
                 return new; end $$`),
      );
      await app.database.db.execute(
        sql.raw(`create trigger fail_view_audit before insert on audit_event
                 for each row execute function test_fail_view_audit()`),
      );
      try {
        const responses = await Promise.all(Array.from({ length: 8 }, view));
        for (const response of responses) {
          const body = await response.text();
          assert.equal(response.status, 500, body);
          assert.doesNotMatch(body, new RegExp(shownName), 'no record leaves with the error');
          assert.doesNotMatch(body, /chronology|identity/);
        }
      } finally {
        await app.database.db.execute(sql.raw(`drop trigger fail_view_audit on audit_event`));
        await app.database.db.execute(sql.raw(`drop function test_fail_view_audit()`));
      }
      assert.equal(await viewed(), before, 'no view recorded for reads that failed');
      assert.equal((await view()).status, 200, 'reads succeed again once the audit can be written');
    });
  });
}
