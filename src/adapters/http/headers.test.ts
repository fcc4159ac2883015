import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('HTTP hygiene', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp('pglite');
  });
  after(() => app.close());

  test('every response has security headers and a request id; API answers are never cached', async () => {
    const session = await app.signIn('dana.okafor@northshire.example');
    const response = await app.request('/api/session', { session });
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('the OpenAPI document is generated from the schemas', async () => {
    const response = await app.request('/api/openapi.json');
    assert.equal(response.status, 200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/session',
      '/api/users',
      '/api/organisations',
      '/api/audit',
      '/api/audit/verification',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.components.schemas.CreateUserRequest);
  });

  test('health says which database is in use', async () => {
    assert.deepEqual(await (await app.request('/api/health')).json(), { status: 'ok', database: 'pglite' });
  });
});
