import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './support/machine.ts';
import type { BenchSuite } from './support/suite.ts';

/**
 * `npm run bench -- <suite>...` runs each named suite (bench/<suite>/suite.ts) and writes
 * bench/results/<suite>.json; with no names it runs every suite. A suite that misses a target
 * still writes its results, and the process exits non-zero so CI notices.
 */
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

async function availableSuites(): Promise<string[]> {
  const entries = await readdir(benchDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(`${benchDir}${e.name}/suite.ts`))
    .map((e) => e.name)
    .sort();
}

async function runSuite(name: string): Promise<boolean> {
  const { suite } = (await import(`./${name}/suite.ts`)) as { suite: BenchSuite };
  console.log(`\n== ${name}: ${suite.description}`);
  const started = new Date();
  const machine = describeMachine();
  const report = await suite.run();
  const passed = report.targets.every((t) => t.pass);
  const document = {
    suite: name,
    date: started.toISOString(),
    durationS: Math.round((Date.now() - started.getTime()) / 100) / 10,
    machine: { ...machine, ...report.environment },
    parameters: report.parameters,
    results: report.results,
    targets: report.targets,
    passed,
  };
  await mkdir(resultsDir, { recursive: true });
  const file = `${resultsDir}${name}.json`;
  // Written aside then renamed, so an interrupted run never leaves half a results file.
  await writeFile(`${file}.tmp`, `${JSON.stringify(document, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  for (const line of report.summary) console.log(line);
  for (const t of report.targets) {
    console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.actual} (target ${t.target})`);
  }
  console.log(`wrote ${file}`);
  return passed;
}

const known = await availableSuites();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; available: ${known.join(', ')}`);
  process.exit(2);
}
let allPassed = true;
for (const name of requested.length > 0 ? requested : known) {
  if (!(await runSuite(name))) allPassed = false;
}
if (!allPassed) process.exitCode = 1;
