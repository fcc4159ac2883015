import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { describe, test } from 'node:test';
import { northshireFlows } from '../../../test/support/northshire-flows.ts';
import type { Db } from '../shared/database.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { FlowsInForceSnapshot, VersionedFlowsInForce } from './flows-in-force-source.ts';
import { cachedFlowsInForce } from './policy-cache.ts';

const northshire = northshireFlows[0]!.partnershipId;
const southvale = '5e0c8a1d-3b7f-4c2e-9d61-0a4b8f2c6e01' as PartnershipId;
const db = {} as Db; // the fake source never touches it
const nine = new Date('2026-11-02T09:00:00Z');
const midnight = Date.parse('2026-11-03T00:00:00Z');

/** Agreements whose generation and flows a test moves by hand, counting the flows queries. */
function fakeAgreements() {
  const state = { generation: 1, snapshots: 0, flows: northshireFlows, untilMs: midnight };
  const source: VersionedFlowsInForce = {
    generation: () => Promise.resolve(String(state.generation)),
    snapshot: (_db, partnershipId): Promise<FlowsInForceSnapshot> => {
      state.snapshots += 1;
      return Promise.resolve({
        generation: String(state.generation),
        flows: state.flows.filter((f) => f.partnershipId === partnershipId),
        fromMs: Date.parse('2026-11-02T00:00:00Z'),
        untilMs: state.untilMs,
      });
    },
  };
  return { state, source };
}

describe('the compiled policy cache', () => {
  test('compiles once per partnership while the generation and the time window hold', async () => {
    const { state, source } = fakeAgreements();
    const cached = cachedFlowsInForce(source);
    const first = await cached.compiledPolicy!(db, northshire, nine);
    const again = await cached.compiledPolicy!(db, northshire, new Date('2026-11-02T23:59:59.999Z'));
    assert.equal(again, first);
    assert.equal(state.snapshots, 1);
    assert.equal(first.flowCount, northshireFlows.length);
  });

  test('a new generation, from any process, is never answered from the cache', async () => {
    const { state, source } = fakeAgreements();
    const cached = cachedFlowsInForce(source);
    await cached.compiledPolicy!(db, northshire, nine);
    state.generation = 2;
    state.flows = [];
    const after = await cached.compiledPolicy!(db, northshire, nine);
    assert.equal(after.flowCount, 0);
    assert.equal(state.snapshots, 2);
  });

  test('outside its window (the next UK day, or a clock moved back) the flows are read again', async () => {
    const { state, source } = fakeAgreements();
    const cached = cachedFlowsInForce(source);
    await cached.compiledPolicy!(db, northshire, nine);
    await cached.compiledPolicy!(db, northshire, new Date(midnight));
    assert.equal(state.snapshots, 2);
    await cached.compiledPolicy!(db, northshire, new Date('2026-11-01T23:00:00Z'));
    assert.equal(state.snapshots, 3);
  });

  test('each partnership has its own entry, and the oldest goes when the cache is full', async () => {
    const { state, source } = fakeAgreements();
    const cached = cachedFlowsInForce(source, { maxPartnerships: 1 });
    const own = await cached.compiledPolicy!(db, northshire, nine);
    const other = await cached.compiledPolicy!(db, southvale, nine);
    assert.equal(other.flowCount, 0);
    assert.notEqual(own.flowCount, 0);
    await cached.compiledPolicy!(db, northshire, nine);
    assert.equal(state.snapshots, 3);
  });

  test('called as a plain source it returns the flows in force, uncached', async () => {
    const { state, source } = fakeAgreements();
    const cached = cachedFlowsInForce(source);
    assert.equal((await cached(db, northshire, nine)).length, northshireFlows.length);
    await cached(db, northshire, nine);
    assert.equal(state.snapshots, 2);
  });

  test('a source that can fold its generation into a read offers the cached policy to peek at', async () => {
    const { source } = fakeAgreements();
    assert.equal(cachedFlowsInForce(source).speculative, undefined);
    const cached = cachedFlowsInForce({ ...source, generationColumn: () => sql`'1'` });
    const peek = cached.speculative!.peek;
    assert.equal(peek(northshire, nine), undefined, 'nothing cached yet');
    const policy = await cached.compiledPolicy!(db, northshire, nine);
    assert.deepEqual(peek(northshire, nine), { policy, generation: '1' });
    assert.equal(peek(northshire, new Date(midnight)), undefined, 'outside its window');
    assert.equal(peek(southvale, nine), undefined);
  });
});
