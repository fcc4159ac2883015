import { sql } from 'drizzle-orm';
import { createTestApp } from '../../test/support/test-app.ts';
import { demoOrganisations, demoPartnership } from '../../src/domain/demo/northshire.ts';
import { queryRows } from '../../src/domain/shared/database.ts';
import { adminUrl } from '../support/postgres-database.ts';
import { round, summariseLatencies } from '../support/stats.ts';
import { check, type BenchReport, type BenchSuite } from '../support/suite.ts';

const parameters = {
  engine: 'postgres',
  requestsHeld: 100_000,
  checksPerRequest: 2,
  shareStillWaiting: 0.1,
  pageSize: 50,
  inFlight: 16,
  requestsPerWorker: 150,
  warmupPerWorker: 20,
  notes: [
    "Issue 16 point 4: the open-requests inbox (GET /api/requests/inbox?view=responder) of the police front door, over HTTP in process (Hono's app.request: session, CSRF-free GET, route, use case, audit of the listing), 16 in flight.",
    'Held: 100,000 requests from the council front door, each asking the police and one of the nine other agencies in turn (200,000 partner checks, the police asked in every request); one in ten still waiting, the rest closed; RAG spread evenly; due instants spread over ±3 days around now.',
    'Baseline in the same run, same 16 in flight: a bare indexed select of the same page (50 waiting police checks, soonest due first, on partner_check_waiting) through the same pool, no join, no count, no audit.',
  ],
};

const targetP99Ms = 50;
const orgId = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;

export const suite: BenchSuite = {
  description: 'requests: the open-requests inbox with 100k requests held, 16 in flight',
  async run(): Promise<BenchReport> {
    process.env.DATABASE_URL ??= adminUrl;
    const app = await createTestApp('postgres');
    try {
      const db = app.database.db;
      const partnershipId = demoPartnership.id;
      const police = orgId('police');
      const csc = orgId('csc');
      const others = demoOrganisations.filter((o) => !['police', 'csc'].includes(o.key)).map((o) => o.id);
      const [grace] = await queryRows<{ id: string }>(
        db,
        sql`select id from app_user where email = 'grace.obi@northshire.example'`,
      );
      const now = app.clock.now();
      const loadStarted = performance.now();
      await db.execute(sql`insert into information_request
          (partnership_id, id, requester_organisation_id, requester_user_id, child, purpose, gateway_id, rag, question, created_at)
        select ${partnershipId}::uuid, md5('bench-request-' || n)::uuid, ${csc}::uuid, ${grace!.id}::uuid,
          jsonb_build_object('firstName', 'Child', 'lastName', 'Number ' || n, 'dob', '2016-04-04'),
          's47_enquiry', 'CA1989-S47', (array['red','amber','green'])[1 + n % 3], 'Bench question',
          ${now.toISOString()}::timestamptz - interval '3 days'
        from generate_series(1, ${parameters.requestsHeld}) n`);
      const otherArray = `{${others.join(',')}}`;
      await db.execute(sql`insert into partner_check
          (partnership_id, request_id, organisation_id, status, rag, started_at, stops, due_at, escalate_at, closed_at)
        select ${partnershipId}::uuid, md5('bench-request-' || n)::uuid, org,
          case when n % 10 = 0 then 'open' else 'answered' end, (array['red','amber','green'])[1 + n % 3],
          ${now.toISOString()}::timestamptz - interval '3 days', '[]'::jsonb,
          ${now.toISOString()}::timestamptz + ((n % 8640) - 4320) * interval '1 minute',
          ${now.toISOString()}::timestamptz + ((n % 8640) - 4400) * interval '1 minute',
          case when n % 10 = 0 then null else ${now.toISOString()}::timestamptz - interval '1 day' end
        from generate_series(1, ${parameters.requestsHeld}) n,
          lateral (values (${police}::uuid), ((${otherArray}::uuid[])[1 + n % ${others.length}])) as o(org)`);
      await db.execute(sql`analyze information_request`);
      await db.execute(sql`analyze partner_check`);
      const loadMs = performance.now() - loadStarted;

      const khan = await app.signIn('ps.khan@northshire.example');
      const inbox = async () => {
        const started = process.hrtime.bigint();
        const response = await app.request(
          `/api/requests/inbox?view=responder&limit=${parameters.pageSize}`,
          {
            session: khan,
          },
        );
        if (response.status !== 200) throw new Error(`inbox answered ${response.status}`);
        const body = (await response.json()) as { items: unknown[] };
        if (body.items.length !== parameters.pageSize) throw new Error('the inbox page was not full');
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const bare = async () => {
        const started = process.hrtime.bigint();
        const rows = await queryRows(
          db,
          sql`select request_id, organisation_id, status, due_at from partner_check
              where partnership_id = ${partnershipId} and organisation_id = ${police} and closed_at is null
              order by due_at asc nulls last limit ${parameters.pageSize}`,
        );
        if (rows.length !== parameters.pageSize) throw new Error('the bare page was not full');
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const sweep = async (read: () => Promise<number>) => {
        const samples: number[] = [];
        const started = performance.now();
        await Promise.all(
          Array.from({ length: parameters.inFlight }, async () => {
            for (let i = 0; i < parameters.warmupPerWorker + parameters.requestsPerWorker; i++) {
              const ms = await read();
              if (i >= parameters.warmupPerWorker) samples.push(ms);
            }
          }),
        );
        return { summary: summariseLatencies(samples), elapsedMs: performance.now() - started };
      };
      // Interleaved halves, so that a change in the machine's load falls on both.
      const bareFirst = await sweep(bare);
      const inboxFirst = await sweep(inbox);
      const bareSecond = await sweep(bare);
      const inboxSecond = await sweep(inbox);
      const pick = (a: typeof bareFirst, b: typeof bareFirst) => (a.summary.p99Ms >= b.summary.p99Ms ? a : b);
      const i = pick(inboxFirst, inboxSecond).summary;
      const b = pick(bareFirst, bareSecond).summary;
      const [{ waiting } = { waiting: 0 }] = await queryRows<{ waiting: number }>(
        db,
        sql`select count(*)::int as waiting from partner_check where organisation_id = ${police} and closed_at is null`,
      );
      return {
        environment: {},
        parameters,
        results: {
          loadSeconds: round(loadMs / 1000, 1),
          policeChecksWaiting: waiting,
          inbox: { first: inboxFirst.summary, second: inboxSecond.summary },
          bare: { first: bareFirst.summary, second: bareSecond.summary },
          p99Ratio: round(i.p99Ms / b.p99Ms, 2),
        },
        targets: [
          check(
            'open-requests inbox p99, 100k requests held, 16 in flight (worse of two sweeps)',
            `≤ ${targetP99Ms} ms`,
            `${i.p99Ms} ms (bare indexed page ${b.p99Ms} ms, ${round(i.p99Ms / b.p99Ms, 2)}×)`,
            i.p99Ms <= targetP99Ms,
          ),
        ],
        summary: [
          `inbox p50 ${i.p50Ms} ms, p99 ${i.p99Ms} ms; bare page p50 ${b.p50Ms} ms, p99 ${b.p99Ms} ms; ${waiting} police checks waiting`,
        ],
      };
    } finally {
      await app.close();
    }
  },
};
