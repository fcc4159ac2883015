import { randomUUID } from 'node:crypto';
import { actorByEmail } from '../../test/support/actors.ts';
import { org } from '../../test/support/northshire-flows.ts';
import { insertPeople } from '../../test/support/northshire-people.ts';
import { createTestApp } from '../../test/support/test-app.ts';
import { agreementFlowsInForce } from '../../src/domain/agreements/policy-generation.ts';
import { SlidingWindowLimiter } from '../../src/domain/identity/rate-limiter.ts';
import type { FieldGroup } from '../../src/domain/policy/field-groups.ts';
import { notFoundViewRule } from '../../src/domain/policy/limit-not-found-views.ts';
import { cachedFlowsInForce } from '../../src/domain/policy/policy-cache.ts';
import { DomainError } from '../../src/domain/shared/errors.ts';
import { getChildView, type ViewDeps } from '../../src/domain/view/get-child-view.ts';
import { peopleFamilyNetwork } from '../../src/domain/view/people-family-network.ts';
import { adminUrl } from '../support/postgres-database.ts';
import { round, summariseLatencies } from '../support/stats.ts';
import { check, type BenchReport, type BenchSuite } from '../support/suite.ts';

const parameters = {
  engine: 'postgres',
  samplesEach: 1000,
  warmupEach: 100,
  recordsOfHiddenChild: 60,
  notes: [
    'Issue 13 point 6 (DESIGN.md rule 2: the same work and so the same timing). One in flight, interleaved: each round views a real child the reader may not see and an id that names no one, in a random order, through getChildView (the single view: the not-found limit, the policy, the one statement and the audit of the refusal, and the family network), as the HTTP route calls it.',
    'The hidden child is held by the police and the hospital trust with 60 records; the reader is a housing practitioner acting for early help, whom no agreement gives any of it (checked before timing).',
    'Below the not-found limit of point 9: the reads are spread over enough readers (the same role and organisation, different user ids) that none reaches the limit; a read refused by the limit would not be a not-found.',
    'Baseline: the id that names no one, in the same run; the target is the difference of medians as a share of its median.',
  ],
};

const targetShare = 0.05;
const hiddenChild = '8c2e4a6b-1d3f-4e5a-9b7c-0d1e2f3a4b01';

export const suite: BenchSuite = {
  description: 'existence: a hidden child and a missing id answer not found in the same time',
  async run(): Promise<BenchReport> {
    process.env.DATABASE_URL ??= adminUrl;
    const app = await createTestApp('postgres', { flowsInForce: cachedFlowsInForce(agreementFlowsInForce) });
    try {
      const records = (n: number, groups: readonly FieldGroup[]) =>
        Array.from({ length: n }, (_, i) => ({
          fieldGroup: groups[i % groups.length]!,
          kind: 'bench',
          payload: { summary: `record ${i}` },
          eventDate: `2026-${String((i % 9) + 1).padStart(2, '0')}-15`,
        }));
      const half = parameters.recordsOfHiddenChild / 2;
      await insertPeople(app.database.db, [
        {
          personId: hiddenChild,
          holder: org.police,
          externalPersonId: 'BENCH-POL-1',
          linkConfidence: 1,
          identity: { firstName: 'Hidden', lastName: 'Child', dob: '2016-04-04' },
          records: records(half, ['police_incidents', 'domestic_abuse_notifications']),
        },
        {
          personId: hiddenChild,
          holder: org.trust,
          externalPersonId: 'BENCH-TRUST-1',
          linkConfidence: 0.97,
          identity: { firstName: 'Hidden', lastName: 'Child', dob: '2016-04-04' },
          records: records(half, ['physical_health', 'mental_health']),
        },
      ]);
      const reader = await actorByEmail(app.database.db, 'ben.carter@northshire.example');
      const deps: ViewDeps = {
        ...app.deps,
        familyNetwork: peopleFamilyNetwork,
        notFoundViews: new SlidingWindowLimiter(app.clock, notFoundViewRule),
      };
      const perReader = notFoundViewRule.limit - 1;
      let reads = 0;
      const view = async (personId: string) => {
        // A new reader id every perReader reads keeps each below the not-found limit.
        // A UUID, as every user id is (the grants query compares it with a uuid column).
        const n = Math.floor(reads++ / perReader);
        const actor = { ...reader, userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` };
        const started = process.hrtime.bigint();
        try {
          await getChildView(deps, actor as typeof reader, { personId, purpose: 'early_help' });
          throw new Error('the bench reader was shown a child: the bench is wrong');
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
        }
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const hidden: number[] = [];
      const missing: number[] = [];
      for (let i = 0; i < parameters.warmupEach + parameters.samplesEach; i++) {
        const pair = Math.random() < 0.5 ? (['h', 'm'] as const) : (['m', 'h'] as const);
        for (const which of pair) {
          const ms = await view(which === 'h' ? hiddenChild : randomUUID());
          if (i >= parameters.warmupEach) (which === 'h' ? hidden : missing).push(ms);
        }
      }
      const h = summariseLatencies(hidden);
      const m = summariseLatencies(missing);
      const share = Math.abs(h.p50Ms - m.p50Ms) / m.p50Ms;
      return {
        environment: {},
        parameters,
        results: {
          hidden: h,
          missing: m,
          differenceOfMediansMs: round(h.p50Ms - m.p50Ms),
          share: round(share, 4),
        },
        targets: [
          check(
            'hidden child vs missing id, difference of medians',
            `≤ ${targetShare * 100}% of the missing id's median`,
            `${round(share * 100, 2)}% (${round(h.p50Ms)} ms vs ${round(m.p50Ms)} ms)`,
            share <= targetShare,
          ),
        ],
        summary: [
          `hidden child: p50 ${h.p50Ms} ms, p99 ${h.p99Ms} ms; missing id: p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms`,
        ],
      };
    } finally {
      await app.close();
    }
  },
};
