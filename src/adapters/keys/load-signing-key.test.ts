import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../config/config.ts';
import { silentLogger } from '../../domain/shared/deps.ts';
import { loadSigningKey } from './load-signing-key.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-key-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('the key is made once where its setting says, private to its owner, and nowhere near the data', async () => {
  const config = loadConfig({
    TESSERA_DATA_DIR: join(dir, 'shared', 'data'),
    TESSERA_AUDIT_SIGNING_KEY_FILE: join(dir, 'keys', 'audit-signing-key.pem'),
  });
  const first = await loadSigningKey(config, silentLogger);
  const again = await loadSigningKey(config, silentLogger);
  assert.equal(again.keyId, first.keyId);
  assert.equal((await stat(join(dir, 'keys', 'audit-signing-key.pem'))).mode & 0o777, 0o600);
  assert.equal((await stat(join(dir, 'keys'))).mode & 0o777, 0o700);
  // Issue 14 point 18: it used to be written to the data folder's parent.
  assert.deepEqual(await readdir(dir), ['keys']);
});
