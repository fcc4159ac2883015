import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('with no settings, Tessera runs on the embedded database with the demo', () => {
  const config = loadConfig({});
  assert.deepEqual(config.database, { kind: 'pglite', dataDir: './.tessera/data' });
  assert.equal(config.seedDemo, true);
  assert.equal(config.port, 3000);
  assert.equal(config.secureCookies, false);
});

test('DATABASE_URL switches to PostgreSQL and turns the demo off unless asked for', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://db.example/tessera',
    TESSERA_PUBLIC_URL: 'https://t.example',
  });
  assert.equal(config.database.kind, 'postgres');
  assert.equal(config.seedDemo, false);
  assert.equal(config.secureCookies, true);
});

test('a bad setting is refused with the name of the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (e: Error) => e instanceof ConfigError && /PORT/.test(e.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ TESSERA_DEMO: 'maybe' }), /TESSERA_DEMO/);
});

test('the audit signing key and the witness each have a place of their own, never beside the data', () => {
  const config = loadConfig({ TESSERA_DATA_DIR: '/tmp/trial/data' });
  assert.deepEqual(config.auditSigningKey, { file: './.tessera/keys/audit-signing-key.pem' });
  assert.equal(config.auditWitnessDir, './.tessera/witness');
  const placed = loadConfig({
    TESSERA_AUDIT_SIGNING_KEY_FILE: '/etc/tessera/audit-signing-key.pem',
    TESSERA_AUDIT_WITNESS_DIR: '/var/lib/tessera-witness',
  });
  assert.deepEqual(placed.auditSigningKey, { file: '/etc/tessera/audit-signing-key.pem' });
  assert.equal(placed.auditWitnessDir, '/var/lib/tessera-witness');
});

test('checkpoints are due at least every minute unless set otherwise', () => {
  assert.equal(loadConfig({}).checkpointIntervalMs, 60_000);
  assert.equal(loadConfig({ TESSERA_CHECKPOINT_INTERVAL_MS: '5000' }).checkpointIntervalMs, 5000);
  assert.throws(() => loadConfig({ TESSERA_CHECKPOINT_INTERVAL_MS: '0' }), /TESSERA_CHECKPOINT_INTERVAL_MS/);
});

test('DATABASE_OWNER_URL is the owner connection for migrations, beside the server role in DATABASE_URL', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://tessera_app@db.example/tessera',
    DATABASE_OWNER_URL: 'postgres://tessera_owner@db.example/tessera',
  });
  assert.equal(
    config.database.kind === 'postgres' && config.database.ownerUrl,
    'postgres://tessera_owner@db.example/tessera',
  );
  assert.throws(() => loadConfig({ DATABASE_OWNER_URL: 'mysql://x' }), /DATABASE_OWNER_URL/);
});
