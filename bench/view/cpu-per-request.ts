import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { describeMachine } from '../support/machine.ts';
import { createInterface } from 'node:readline';
import { DEMO_PASSWORD } from '../../src/domain/demo/northshire.ts';
import { tesseraNodeFlags } from '../../src/adapters/cli/node-flags.ts';
import { runLoad, type Target } from './load.ts';

/**
 * CPU per request of the view server (bench/view/server.ts, without its audit sealer unless
 * SEALER=1) and of PostgreSQL's processes, from their CPU ticks (/proc, Linux) over a
 * closed-loop run: `node --import tsx bench/view/cpu-per-request.ts
 * view|bare|floor|floor-one-statement [concurrency]` (the floors: bare's read with its audit
 * insert, server.ts). POOL=n gives both servers n connections. Needs the view benchmark's
 * database (run `npm run bench -- view` once). PROFILE=1 also writes a V8 CPU profile of the
 * server to /tmp/tessera-view-profile. Prints each run and appends it, with the machine, to
 * bench/results/view-cpu.jsonl.
 */
const bareModes = ['bare', 'floor', 'floor-one-statement'] as const;
type BareMode = (typeof bareModes)[number];
const isBare = (m: string): m is BareMode => (bareModes as readonly string[]).includes(m);
const modeArgument = process.argv[2] ?? '';
const mode: BareMode | 'view' = isBare(modeArgument) ? modeArgument : 'view';
/** Connections for the view app and for bare Hono: POOL for both, else the view benchmark's 4 and 16. */
const pools = process.env.POOL
  ? { view: process.env.POOL, bare: process.env.POOL }
  : { view: '4', bare: '16' };
const concurrency = Number(process.argv[3] ?? 16);
const seconds = 15;
const profile = process.env.PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/tessera-view-profile'] : [];
const server = spawn(
  process.execPath,
  [
    ...tesseraNodeFlags,
    ...profile,
    '--import',
    'tsx',
    new URL('./server.ts', import.meta.url).pathname,
    pools.view,
    pools.bare,
    process.env.SEALER === '1' ? 'sealer' : 'no-sealer',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
const { viewPort, barePort } = JSON.parse(line) as { viewPort: number; barePort: number };
const signIn = await fetch(`http://127.0.0.1:${viewPort}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'sam.patel@northshire.example', password: DEMO_PASSWORD }),
});
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
const personId = (child: number) => {
  const h = createHash('md5').update(`person:${child}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
let seed = 1;
const next = (): Target => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  const id = personId(seed % 1_000_000);
  return mode !== 'view'
    ? { path: `/${mode}/${id}` }
    : { path: `/api/persons/${id}/view?purpose=s47_enquiry`, headers: { cookie } };
};
/** utime + stime of the server process, in seconds (USER_HZ is 100 on Linux). */
const serverCpuSeconds = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/** utime + stime of every PostgreSQL process on this machine (its backends persist in the pools). */
const postgresCpuSeconds = () => {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks / 100;
};
const before = serverCpuSeconds();
const postgresBefore = postgresCpuSeconds();
const result = await runLoad({ port: mode !== 'view' ? barePort : viewPort, concurrency, seconds, next });
const cpu = serverCpuSeconds() - before;
const postgresCpu = postgresCpuSeconds() - postgresBefore;
const measured = JSON.stringify({
  date: new Date().toISOString(),
  machine: describeMachine(),
  mode,
  concurrency,
  pools,
  sealer: process.env.SEALER === '1',
  requests: result.requests,
  statuses: result.statuses,
  perSecond: Math.round(result.requests / result.seconds),
  serverCpuSeconds: cpu,
  serverCpuMsPerRequest: Math.round((cpu / result.requests) * 1e6) / 1e3,
  postgresCpuMsPerRequest: Math.round((postgresCpu / result.requests) * 1e6) / 1e3,
});
console.log(measured);
appendFileSync(new URL('../results/view-cpu.jsonl', import.meta.url), `${measured}\n`);
server.kill('SIGTERM');
await once(server, 'exit');
