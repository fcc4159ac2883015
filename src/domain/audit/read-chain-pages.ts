import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';
import { canonicalEventSql, chainHash } from './canonical.ts';
import type { ChainVerification, ChainWalk, EventOrder } from './chain-walk.ts';

export interface PageOptions {
  /** Chain entries per page. */
  readonly pageSize: number;
  /** Pages requested ahead, so the database builds the next ones while this process hashes. */
  readonly pagesInFlight: number;
}

interface ChainPage {
  entries: string;
  /** Whether every digest and hash is 64 ASCII characters, so fixed offsets find them. */
  well_formed: boolean | null;
  event_ids: string | null;
  /** Each entry's event digest then hash, 128 characters an entry, in seq order. */
  hashes: string | null;
  events: string;
  /** Per event in sealing order, one line each: "id,tx_id,sha256 of its canonical form". */
  digests: string | null;
}

/**
 * One page in one round trip. The database hashes each event's canonical form itself
 * (pg_catalog.sha256, schema-qualified so no user function can stand in for it) and sends 64
 * hex characters rather than the whole line: that halved the verifier's time (bench/audit). The
 * chain hashes, which carry the tamper evidence from entry to entry, are still recomputed here,
 * and any page that does not match is read again entry by entry with digests computed in this
 * process (verify-audit-chain.ts), so a problem is always named from our own hashing.
 *
 * The page holds the chain entries from..to, and as many events as there are entries, taken in
 * sealing order after the event sealed at from - 1. Both come as a few long strings rather than
 * a row per entry, which costs this process far less to receive.
 */
function readPage(db: Db, partnershipId: string, from: number, to: number): Promise<ChainPage[]> {
  return queryRows<ChainPage>(
    db,
    sql`select c.entries, c.well_formed, c.event_ids, c.hashes, e.events, e.digests
        from (select count(*)::text as entries,
                     bool_and(octet_length(k.event_digest) = 64 and length(k.event_digest) = 64
                              and octet_length(k.hash) = 64 and length(k.hash) = 64) as well_formed,
                     string_agg(coalesce(k.event_id::text, ''), ',') as event_ids,
                     string_agg(k.event_digest || k.hash, '') as hashes
              from (select event_id, event_digest, hash from audit_chain
                    where partnership_id = ${partnershipId} and seq between ${from} and ${to}
                    order by seq) k) c,
             (select a.tx, a.id from (
                select event_tx_id as tx, event_id as id, 0 as pick from audit_chain
                where partnership_id = ${partnershipId} and seq = ${from - 1}
                union all select -1, -1, 1) a
              order by a.pick limit 1) after_event,
             lateral (select count(*)::text as events, string_agg(s.line, E'\n') as digests
                      from (select e.id::text || ',' || e.tx_id::text || ',' ||
                                   encode(pg_catalog.sha256(pg_catalog.convert_to(${canonicalEventSql}, 'UTF8')), 'hex') as line
                            from audit_event e
                            where e.partnership_id = ${partnershipId}
                              and (e.tx_id, e.id) > (after_event.tx, after_event.id)
                            order by e.tx_id, e.id limit ${to - from + 1}) s) e`,
  );
}

/**
 * Verifies whole pages while each entry is exactly what the sealer wrote, and stops (returning
 * 'irregular') at the first entry that is not, leaving `walk` just before it: the caller then
 * reads on entry by entry to name the problem precisely. A page is only trusted when every
 * entry is accounted for: as many entries as seqs, as many events as entries, each event the
 * one the entry names, in strictly increasing sealing order, with the digest and hash stored.
 */
export async function walkChainPages(
  db: Db,
  walk: ChainWalk,
  lastSeq: number,
  options: PageOptions,
): Promise<'done' | 'irregular' | ChainVerification> {
  const inFlight: { from: number; to: number; page: Promise<ChainPage[]> }[] = [];
  let nextFrom = walk.expectedSeq;
  const requestNext = () => {
    if (nextFrom > lastSeq) return;
    const to = Math.min(lastSeq, nextFrom + options.pageSize - 1);
    const page = readPage(db, walk.partnershipId, nextFrom, to);
    // A page abandoned after an irregular one must not surface as an unhandled rejection.
    page.catch(() => {});
    inFlight.push({ from: nextFrom, to, page });
    nextFrom = to + 1;
  };
  for (let i = 0; i < options.pagesInFlight; i++) requestNext();
  for (let request = inFlight.shift(); request; request = inFlight.shift()) {
    const [page] = await request.page;
    requestNext();
    const result = walkPage(walk, request.from, request.to, page);
    if (result !== undefined) return result;
  }
  return 'done';
}

function walkPage(
  walk: ChainWalk,
  from: number,
  to: number,
  page: ChainPage | undefined,
): 'irregular' | ChainVerification | undefined {
  const count = to - from + 1;
  if (!page || Number(page.entries) !== count || Number(page.events) !== count || !page.well_formed) {
    return 'irregular';
  }
  const eventIds = page.event_ids!.split(',');
  const lines = page.digests!.split('\n');
  const hashes = page.hashes!;
  if (eventIds.length !== count || lines.length !== count) return 'irregular';
  let last = walk.lastOrder;
  for (let i = 0; i < count; i++) {
    const seq = from + i;
    const line = lines[i]!;
    // "id,tx_id,digest": the event must be the one the entry names, and come after the last one
    // in sealing order (a NaN fails every comparison, so is irregular).
    const txStart = line.indexOf(',') + 1;
    const digestStart = line.indexOf(',', txStart) + 1;
    const idText = line.slice(0, txStart - 1);
    if (txStart === 0 || digestStart === 0 || idText !== eventIds[i]) return 'irregular';
    const order: EventOrder = [Number(line.slice(txStart, digestStart - 1)), Number(idText)];
    if (last !== undefined && !(order[0] > last[0] || (order[0] === last[0] && order[1] > last[1]))) {
      return 'irregular';
    }
    if (last === undefined && !(order[0] >= 0 && order[1] >= 0)) return 'irregular';
    const digest = line.slice(digestStart);
    if (digest.length !== 64 || !hashes.startsWith(digest, i * 128)) return 'irregular';
    const hash = chainHash(walk.previous, seq, digest);
    if (!hashes.startsWith(hash, i * 128 + 64)) return 'irregular';
    const failure = walk.accept(seq, hash, order);
    if (failure) return failure;
    last = order;
  }
  return undefined;
}
