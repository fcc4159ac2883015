import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, test } from 'node:test';
import { findExecutable, needsSystemTools, REQUIRE_SYSTEM_TOOLS, type SystemTool } from './system-tools.ts';

const node: SystemTool = { name: 'Node', command: process.execPath, install: 'it runs this test' };
const nodeOnPath: SystemTool = { name: 'Node', command: 'node', install: 'it runs this test' };
const absent: SystemTool = {
  name: 'Chromium',
  command: '/nonexistent/tessera/chromium',
  install: 'apt-get install -y chromium, or set CHROMIUM_PATH',
};

describe('tests that need a system tool', () => {
  test('run when the tool is there, by absolute path or on PATH', () => {
    assert.deepEqual(needsSystemTools([node], {}), {});
    assert.deepEqual(needsSystemTools([nodeOnPath], { PATH: dirname(process.execPath) }), {});
    assert.equal(findExecutable('node', '/nonexistent/tessera'), undefined);
  });

  test('are skipped, saying which tool is missing and how to install it, on a machine without it', () => {
    assert.deepEqual(needsSystemTools([node, absent], { PATH: '' }), {
      skip: 'Chromium was not found at /nonexistent/tessera/chromium (apt-get install -y chromium, or set CHROMIUM_PATH)',
    });
    assert.match(
      needsSystemTools([nodeOnPath], { PATH: '/nonexistent/tessera' }).skip ?? '',
      /"node" on PATH/,
    );
  });

  test(`fail instead when ${REQUIRE_SYSTEM_TOOLS}=1 (CI), so they are never skipped there`, () => {
    assert.throws(
      () => needsSystemTools([absent], { [REQUIRE_SYSTEM_TOOLS]: '1' }),
      /Chromium was not found at \/nonexistent\/tessera\/chromium .*TESSERA_REQUIRE_SYSTEM_TOOLS=1 requires/,
    );
    assert.deepEqual(needsSystemTools([node], { [REQUIRE_SYSTEM_TOOLS]: '1' }), {});
  });
});
