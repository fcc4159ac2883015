import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { DEMO_PASSWORD } from '../../src/domain/demo/northshire.ts';
import { tesseraNodeFlags } from '../../src/adapters/cli/node-flags.ts';
import { runLoad, type Target } from './load.ts';

/**
 * CPU per request of the view server (bench/view/server.ts, no audit sealer), measured from the
 * server process's own CPU ticks (/proc, Linux) over a closed-loop run, for the single view or
 * bare Hono's read: `node --import tsx bench/view/cpu-per-request.ts view|bare [concurrency]`.
 * Needs the view benchmark's database (run `npm run bench -- view` once). PROFILE=1 also writes
 * a V8 CPU profile of the server to /tmp/tessera-view-profile. Prints, writes no results file.
 */
const mode = process.argv[2] === 'bare' ? 'bare' : 'view';
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
    '16',
    'no-sealer',
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
  return mode === 'bare'
    ? { path: `/bare/${id}` }
    : { path: `/api/persons/${id}/view?purpose=s47_enquiry`, headers: { cookie } };
};
/** utime + stime of the server process, in seconds (USER_HZ is 100 on Linux). */
const serverCpuSeconds = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const before = serverCpuSeconds();
const result = await runLoad({ port: mode === 'bare' ? barePort : viewPort, concurrency, seconds, next });
const cpu = serverCpuSeconds() - before;
console.log(
  JSON.stringify({
    mode,
    concurrency,
    requests: result.requests,
    statuses: result.statuses,
    perSecond: Math.round(result.requests / result.seconds),
    serverCpuSeconds: cpu,
    serverCpuMsPerRequest: Math.round((cpu / result.requests) * 1e6) / 1e3,
  }),
);
server.kill('SIGTERM');
await once(server, 'exit');
