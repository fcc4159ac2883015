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
