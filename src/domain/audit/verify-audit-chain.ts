import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { canonicalEventSql, chainHash, eventDigest, genesisHash } from './canonical.ts';
import {
  ChainWalk,
  compareOrder,
  type ChainVerification,
  type CheckpointRow,
  type EventOrder,
} from './chain-walk.ts';
import { walkChainPages, type PageOptions } from './read-chain-pages.ts';
import type { CheckpointVerifier } from './signing-key.ts';

export type { ChainProblem, ChainVerification, TamperKind } from './chain-walk.ts';

interface ChainRow {
  seq: string;
  event_digest: string;
  hash: string;
  event_order_tx: string | null;
  event_order_id: string | null;
  canonical: string | null;
}

/** Entry-by-entry reading, once something irregular has been seen. */
const entryPageSize = 20000;

/** How the fast path reads; tests use small pages to cross page boundaries. */
export interface VerifyTuning extends PageOptions {
  /** Off: read entry by entry from the start (the reference the fast path is tested against). */
  readonly pages: boolean;
}

/** 10,000 entries is one production checkpoint; two pages in flight keep both cores busy. */
const defaultTuning: VerifyTuning = { pages: true, pageSize: 10_000, pagesInFlight: 2 };

/**
 * Walks a partnership's chain from the start and reports the first place where it is not what
 * the sealer wrote: an event edited (its digest changed), deleted (an event or chain entry is
 * missing), inserted (an event the sealer should have chained is not in the chain, or a chain
 * entry does not follow from its predecessor) or reordered. Signed checkpoints are checked on
 * the way, which catches a chain recomputed from scratch by someone without the signing key.
 *
 * It reads whole pages while the chain is intact (read-chain-pages.ts), and from the first
 * irregular entry on reads entry by entry, so that the problem named is the same either way.
 */
export async function verifyAuditChain(
  db: Db,
  partnershipId: string,
  verifier: CheckpointVerifier | undefined,
  range: { fromSeq?: number; toSeq?: number } = {},
  tuning: VerifyTuning = defaultTuning,
): Promise<ChainVerification> {
  const checkpoints = await queryRows<CheckpointRow>(
    db,
    sql`select k.seq_from::text, k.seq_to::text, k.merkle_root, k.chain_head, k.key_id, k.signature
        from audit_checkpoint k where k.partnership_id = ${partnershipId} order by k.seq_to`,
  );
  const fromSeq = range.fromSeq ?? 1;
  const toSeq = range.toSeq ?? Number.MAX_SAFE_INTEGER;
  const previous =
    fromSeq === 1 ? genesisHash(partnershipId) : await chainHashAt(db, partnershipId, fromSeq - 1);
  const walk = new ChainWalk(partnershipId, verifier, checkpoints, fromSeq, previous);

  if (tuning.pages) {
    const lastSeq = Math.min(toSeq, await chainHeadSeq(db, partnershipId));
    const paged = await walkChainPages(db, walk, lastSeq, tuning);
    if (typeof paged === 'object') return paged;
  }
  const problem = await walkEntries(db, walk, toSeq);
  if (problem) return problem;

  const verifiedTo = walk.expectedSeq - 1;
  const lastOrder = walk.lastOrder;
  const pendingCheckpoint = walk.pendingCheckpoint();
  if (range.toSeq === undefined && pendingCheckpoint && Number(pendingCheckpoint.seq_to) > verifiedTo) {
    return walk.fail(
      verifiedTo + 1,
      'deleted',
      `checkpoint up to ${pendingCheckpoint.seq_to} covers entries that are missing`,
    );
  }
  if (range.toSeq === undefined && lastOrder) {
    const unchained = await findUnchainedEventBefore(db, partnershipId, lastOrder);
    if (unchained !== undefined) {
      return walk.fail(
        verifiedTo,
        'inserted',
        `event ${unchained} was added among sealed events without being sealed`,
      );
    }
  }
  const pendingEvents = range.toSeq === undefined ? await countPending(db, partnershipId, lastOrder) : 0;
  return {
    partnershipId,
    verifiedEvents: verifiedTo - fromSeq + 1,
    pendingEvents,
    checkpointsVerified: walk.checkpointsVerified,
    problem: undefined,
  };
}

/**
 * Reads on from walk.expectedSeq entry by entry, each joined to the event it names, and
 * returns the first problem; the reference reading, and where the fast path hands over.
 */
async function walkEntries(db: Db, walk: ChainWalk, toSeq: number): Promise<ChainVerification | undefined> {
  for (;;) {
    const rows = await queryRows<ChainRow>(
      db,
      sql`select c.seq::text, c.event_digest, c.hash, e.tx_id::text as event_order_tx, e.id::text as event_order_id,
                 ${canonicalEventSql} as canonical
          from audit_chain c
          left join audit_event e on e.partnership_id = c.partnership_id and e.id = c.event_id
          where c.partnership_id = ${walk.partnershipId} and c.seq >= ${walk.expectedSeq} and c.seq <= ${toSeq}
          order by c.seq limit ${entryPageSize + 1}`,
    );
    const page = rows.slice(0, entryPageSize);
    for (let i = 0; i < page.length; i++) {
      const row = page[i]!;
      const seq = Number(row.seq);
      const expectedSeq = walk.expectedSeq;
      if (seq !== expectedSeq) {
        return walk.fail(expectedSeq, 'deleted', `chain entries ${expectedSeq} to ${seq - 1} are missing`);
      }
      if (row.event_order_id === null || row.canonical === null)
        return walk.fail(seq, 'deleted', `the event sealed at ${seq} has been deleted`);
      if (eventDigest(row.canonical) !== row.event_digest) {
        return walk.fail(seq, 'edited', `the event sealed at ${seq} has been changed since it was sealed`);
      }
      const order: EventOrder = [Number(row.event_order_tx), Number(row.event_order_id)];
      const next = rows[i + 1];
      const lastOrder = walk.lastOrder;
      const outOfOrder = lastOrder !== undefined && compareOrder(order, lastOrder) <= 0;
      const nextOutOfOrder =
        next?.event_order_tx != null &&
        compareOrder([Number(next.event_order_tx), Number(next.event_order_id)], order) <= 0;
      const expectedHash = chainHash(walk.previous, seq, row.event_digest);
      if (outOfOrder || (expectedHash !== row.hash && nextOutOfOrder)) {
        return walk.fail(seq, 'reordered', `the events around ${seq} are not in the order they were sealed`);
      }
      if (expectedHash !== row.hash) {
        return walk.fail(seq, 'inserted', `the chain entry at ${seq} does not follow from entry ${seq - 1}`);
      }
      const failure = walk.accept(seq, expectedHash, order);
      if (failure) return failure;
    }
    if (rows.length <= entryPageSize) return undefined;
  }
}

async function chainHeadSeq(db: Db, partnershipId: string): Promise<number> {
  const [row] = await queryRows<{ seq: string | null }>(
    db,
    sql`select max(seq)::text as seq from audit_chain where partnership_id = ${partnershipId}`,
  );
  return Number(row?.seq ?? 0);
}

async function chainHashAt(db: Db, partnershipId: string, seq: number): Promise<string> {
  const [row] = await queryRows<{ hash: string }>(
    db,
    sql`select hash from audit_chain where partnership_id = ${partnershipId} and seq = ${seq}`,
  );
  return row?.hash ?? '';
}

async function findUnchainedEventBefore(
  db: Db,
  partnershipId: string,
  order: EventOrder,
): Promise<string | undefined> {
  const [counts] = await queryRows<{ events: string; chained: string }>(
    db,
    sql`select (select count(*) from audit_event e where e.partnership_id = ${partnershipId}
                 and (e.tx_id, e.id) <= (${order[0]}, ${order[1]}))::text as events,
               (select count(*) from audit_chain c where c.partnership_id = ${partnershipId})::text as chained`,
  );
  if (counts && counts.events === counts.chained) return undefined;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select e.id::text from audit_event e where e.partnership_id = ${partnershipId}
          and (e.tx_id, e.id) <= (${order[0]}, ${order[1]})
          and not exists (select 1 from audit_chain c where c.partnership_id = e.partnership_id and c.event_id = e.id)
        order by e.tx_id, e.id limit 1`,
  );
  return row?.id;
}

async function countPending(db: Db, partnershipId: string, order: EventOrder | undefined): Promise<number> {
  const [row] = await queryRows<{ n: string }>(
    db,
    sql`select count(*)::text as n from audit_event e where e.partnership_id = ${partnershipId}
          and (e.tx_id, e.id) > (${order?.[0] ?? -1}, ${order?.[1] ?? -1})`,
  );
  return Number(row?.n ?? 0);
}
