import { performance } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import { findFlowsInForce } from '../../src/domain/agreements/find-flows-in-force.ts';
import { agreementFlowsInForce } from '../../src/domain/agreements/policy-generation.ts';
import { appendAuditEvent } from '../../src/domain/audit/append-audit-event.ts';
import { organisation, partnership } from '../../src/domain/partnership/schema.ts';
import { fieldGroups } from '../../src/domain/policy/field-groups.ts';
import {
  staticFlowsInForce,
  type FlowsInForceSource,
} from '../../src/domain/policy/flows-in-force-source.ts';
import { cachedFlowsInForce } from '../../src/domain/policy/policy-cache.ts';
import type { Purpose } from '../../src/domain/policy/purposes.ts';
import { rolePurposes } from '../../src/domain/policy/role-purposes.ts';
import { createScopedReader } from '../../src/domain/policy/scoped-reader.ts';
import { subjectRecord } from '../../src/domain/records/schema.ts';
import type { Actor } from '../../src/domain/shared/actor.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import { fixedClock } from '../../src/domain/shared/clock.ts';
import { DomainError } from '../../src/domain/shared/errors.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds, type MembershipId, type UserId } from '../../src/domain/shared/ids.ts';
import type { BenchDatabase } from '../support/postgres-database.ts';
import { perSecond, round, summariseLatencies } from '../support/stats.ts';
import { writeBenchAgreements } from './agreements.ts';
import { benchFlows, benchPartnershipId, councilId, organisationIds, random } from './partnership.ts';

/**
 * Fills subject_record in SQL: every subject gets the same number of records. The first is the
 * council's (every child in the bench is known to children's services, as at the front door),
 * the next four come from the eight main agencies (police, health, schools), the rest from any
 * of the 40, with field groups spread evenly. Chunked, so each chunk is one transaction.
 */
async function fill(bench: BenchDatabase, subjects: number, records: number, chunk: number) {
  const db = bench.handle.db;
  await db.insert(partnership).values({ id: benchPartnershipId, name: 'Bench partnership' });
  await db.insert(organisation).values(
    organisationIds.map((id, i) => ({
      partnershipId: benchPartnershipId,
      id,
      name: `Organisation ${i + 1}`,
      type: 'charity',
    })),
  );
  const orgs = `{${organisationIds.join(',')}}`;
  const groups = `{${fieldGroups.join(',')}}`;
  const started = performance.now();
  for (let from = 0; from < records; from += chunk) {
    const to = Math.min(records, from + chunk) - 1;
    await db.execute(sql`
      insert into subject_record (partnership_id, id, subject_id, organisation_id, field_group, kind, payload,
        event_date, recorded_at, fact_or_opinion, source_reference)
      select ${benchPartnershipId}::uuid, gen_random_uuid(), 'child-' || (g % ${subjects}),
        (${orgs}::uuid[])[1 + case when g / ${subjects} = 0 then 0
                                   when g / ${subjects} < 5 then (g + g / ${subjects}) % 8
                                   else (g * 2654435761) % 40 end],
        (${groups}::text[])[1 + (g * 7 + g / ${subjects}) % 15],
        'bench_item',
        jsonb_build_object('summary', 'Bench record ' || g, 'detail', repeat('x', 120)),
        date '2020-01-01' + (g % 2000)::int,
        timestamptz '2020-01-01' + (g % 2000) * interval '1 day',
        case when g % 5 = 0 then 'opinion' else 'fact' end,
        'bench:' || g
      from generate_series(${from}::bigint, ${to}::bigint) as g`);
  }
  const fillMs = performance.now() - started;
  await bench.admin('vacuum analyze subject_record');
  await bench.admin('checkpoint');
  return { subjects, records, insertPerSecond: perSecond(records, fillMs) };
}

export interface ReadOptions {
  subjects: number;
  records: number;
  chunk: number;
  warmup: number;
  samples: number;
}

/**
 * p50/p99 of one subject's records: a bare indexed select, against the scoped reader (flows
 * compiled, scope filter in the SQL, each pair decided, the audit event in the same transaction).
 * The reader runs four ways: as the server does (the agreements' flows in force behind the
 * compiled policy cache: one generation lookup per read), the agreements' query and a compile on
 * every read (no cache), flows held in memory, and in memory plus one `select 1` round trip.
 * Samples are interleaved so drift on a shared machine hits them all alike.
 */
export async function measureReads(bench: BenchDatabase, options: ReadOptions) {
  const filled = await fill(bench, options.subjects, options.records, options.chunk);
  const db = bench.handle.db;
  const now = new Date('2026-11-02T09:00:00Z');
  const flows = benchFlows(now);
  const staticSource = staticFlowsInForce(flows);
  // The floor for any source that must ask the database something on each read.
  const withRoundTrip: FlowsInForceSource = async (tx, partnershipId, at) => {
    await tx.execute(sql`select 1`);
    return staticSource(tx, partnershipId, at);
  };
  await writeBenchAgreements(db, flows, now);
  const realCached = cachedFlowsInForce(agreementFlowsInForce);
  const realUncached: FlowsInForceSource = (tx, partnershipId, at) => findFlowsInForce(tx, partnershipId, at);
  const base = { db, clock: fixedClock(now), ids: randomIds, logger: silentLogger };
  const actor: Actor = {
    kind: 'user',
    userId: '9b1d0c3e-5a7f-4e21-8c64-ffff00000001' as UserId,
    partnershipId: benchPartnershipId,
    organisationId: councilId,
    membershipId: '9b1d0c3e-5a7f-4e21-8c64-ffff00000002' as MembershipId,
    role: 'team_manager',
    organisationType: 'council_childrens_social_care',
  };
  const mayAct = rolePurposes.team_manager as readonly Purpose[];
  const next = random(99);
  const subjectAt = () => `child-${Math.floor(next() * options.subjects)}`;

  const bare = (subjectId: string, on: Db = db) =>
    on
      .select()
      .from(subjectRecord)
      .where(
        and(eq(subjectRecord.partnershipId, benchPartnershipId), eq(subjectRecord.subjectId, subjectId)),
      );
  let notFound = 0;
  let recordsShown = 0;
  const scoped = async (source: FlowsInForceSource, subjectId: string, purpose: Purpose) => {
    try {
      const reader = createScopedReader({ ...base, flowsInForce: source }, actor, purpose);
      recordsShown += (await reader.readSubjectRecords(subjectId)).records.length;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
      notFound += 1;
    }
  };

  // The agreements as written to the tables must disclose exactly what the in-memory flows do,
  // or the comparison would time different work.
  const shownBy = async (source: FlowsInForceSource, subjectId: string, purpose: Purpose) => {
    try {
      const reader = createScopedReader({ ...base, flowsInForce: source }, actor, purpose);
      return (await reader.readSubjectRecords(subjectId)).records.map((r) => r.id).join();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return 'not found';
      throw error;
    }
  };
  for (let i = 0; i < 200; i += 1) {
    const subjectId = `child-${i * 7}`;
    const purpose = mayAct[i % mayAct.length]!;
    const expected = await shownBy(staticSource, subjectId, purpose);
    for (const source of [realCached, realUncached])
      if ((await shownBy(source, subjectId, purpose)) !== expected)
        throw new Error(`the agreements in the tables disclose differently for ${subjectId} (${purpose})`);
  }

  // What rule 3 costs any audited read, policy or not: the same select and an audit insert,
  // committed durably in one transaction. The policy's own cost is scoped minus this.
  const auditedFloor = (subjectId: string) =>
    db.transaction(async (tx) => {
      await bare(subjectId, tx);
      await appendAuditEvent(tx, {
        actor,
        action: 'subject.viewed',
        outcome: 'success',
        subject: { type: 'person', id: subjectId },
        details: { view: 'bench floor' },
      });
    });
  const timings = {
    bare: [] as number[],
    bareWithAudit: [] as number[],
    scoped: [] as number[],
    scopedWithFlowsQuery: [] as number[],
    scopedRealCached: [] as number[],
    scopedRealUncached: [] as number[],
  };
  const time = async (into: number[] | undefined, act: () => Promise<unknown>) => {
    const began = performance.now();
    await act();
    into?.push(performance.now() - began);
  };
  for (let i = 0; i < options.warmup + options.samples; i += 1) {
    const keep = i >= options.warmup;
    const subjectId = subjectAt();
    const purpose = mayAct[i % mayAct.length]!;
    await time(keep ? timings.bare : undefined, () => bare(subjectId));
    await time(keep ? timings.bareWithAudit : undefined, () => auditedFloor(subjectId));
    await time(keep ? timings.scoped : undefined, () => scoped(staticSource, subjectId, purpose));
    await time(keep ? timings.scopedWithFlowsQuery : undefined, () =>
      scoped(withRoundTrip, subjectId, purpose),
    );
    await time(keep ? timings.scopedRealCached : undefined, () => scoped(realCached, subjectId, purpose));
    await time(keep ? timings.scopedRealUncached : undefined, () => scoped(realUncached, subjectId, purpose));
  }
  const plan = await bench.admin(
    `explain select * from subject_record where partnership_id = '${benchPartnershipId}' and subject_id = 'child-1'`,
  );
  const summary = {
    bare: summariseLatencies(timings.bare),
    bareWithAudit: summariseLatencies(timings.bareWithAudit),
    scoped: summariseLatencies(timings.scoped),
    scopedWithFlowsQuery: summariseLatencies(timings.scopedWithFlowsQuery),
    scopedRealCached: summariseLatencies(timings.scopedRealCached),
    scopedRealUncached: summariseLatencies(timings.scopedRealUncached),
  };
  const scopedReads = 4 * (options.warmup + options.samples);
  return {
    filled,
    plan: (plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']),
    ...summary,
    addedP50InMemoryMs: round(summary.scoped.p50Ms - summary.bare.p50Ms),
    addedP99Ms: round(summary.scopedRealCached.p99Ms - summary.bare.p99Ms),
    addedP50RealCachedMs: round(summary.scopedRealCached.p50Ms - summary.bare.p50Ms),
    addedP99RealUncachedMs: round(summary.scopedRealUncached.p99Ms - summary.bare.p99Ms),
    addedP99InMemoryMs: round(summary.scoped.p99Ms - summary.bare.p99Ms),
    auditFloorAddedP99Ms: round(summary.bareWithAudit.p99Ms - summary.bare.p99Ms),
    // What the policy adds over any audited read (rule 3's durable commit is in both).
    policyOverAuditFloorP50Ms: round(summary.scopedRealCached.p50Ms - summary.bareWithAudit.p50Ms),
    policyOverAuditFloorP99Ms: round(summary.scopedRealCached.p99Ms - summary.bareWithAudit.p99Ms),
    addedP99WithFlowsQueryMs: round(summary.scopedWithFlowsQuery.p99Ms - summary.bare.p99Ms),
    notFoundShare: round(notFound / scopedReads, 3),
    meanRecordsShown: round(recordsShown / Math.max(1, scopedReads - notFound), 1),
    recordsPerSubject: options.records / options.subjects,
  };
}
