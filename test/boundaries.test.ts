import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';

/** STYLE.md practice 12: module boundaries are checked by a test, not by hope. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const importsOf = (text: string) => [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

test('domain/ never imports adapters/, and never reads the environment', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src/domain')) {
    const text = await readFile(file, 'utf8');
    if (importsOf(text).some((i) => i.includes('/adapters/')))
      offenders.push(`${relative('.', file)} imports an adapter`);
    if (/process\.env/.test(text)) offenders.push(`${relative('.', file)} reads process.env`);
  }
  assert.deepEqual(offenders, []);
});

test('only config/ and the composition root read process.env', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src')) {
    const path = relative('.', file);
    if (path.startsWith('src/config/') || path === 'src/main.ts' || path.startsWith('src/adapters/web/'))
      continue;
    if (/process\.env/.test(await readFile(file, 'utf8'))) offenders.push(path);
  }
  assert.deepEqual(offenders, []);
});

test('paths that bypass authorisation are named unsafe*, and this is the list of them', async () => {
  const unsafe: string[] = [];
  for (const file of await sourceFiles('src')) {
    for (const m of (await readFile(file, 'utf8')).matchAll(/export (?:async )?function (unsafe\w+)/g))
      unsafe.push(m[1]!);
  }
  // No module reads subject data yet; the policy issue adds the scoped reader and any bypass here.
  assert.deepEqual(unsafe.sort(), []);
});

test('no source file is a god file (over 400 lines)', async () => {
  const big: string[] = [];
  for (const file of await sourceFiles('src')) {
    const lines = (await readFile(file, 'utf8')).split('\n').length;
    if (lines > 400) big.push(`${relative('.', file)}: ${lines}`);
  }
  assert.deepEqual(big, []);
});
