import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { tesseraNodeFlags } from './node-flags.ts';

const root = new URL('../../../', import.meta.url);

test('tessera run directly starts Node with the flags Tessera runs with (its shebang)', () => {
  const shebang = readFileSync(new URL('bin/tessera.mjs', root), 'utf8').split('\n')[0];
  assert.equal(shebang, `#!/usr/bin/env -S node ${tesseraNodeFlags.join(' ')}`);
});

test('npm start serves with the same flags', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.equal(pkg.scripts.start, `node ${tesseraNodeFlags.join(' ')} bin/tessera.mjs serve`);
});
