import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readInTurn } from './database.ts';

test('readInTurn starts each read only after the one before it has answered, and keeps their order', async () => {
  const log: string[] = [];
  const read = (name: string, ms: number) => async () => {
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`end ${name}`);
    return name;
  };
  const results = await readInTurn(read('agreements', 15), read('flows', 1), read('parties', 5));
  assert.deepEqual(results, ['agreements', 'flows', 'parties']);
  assert.deepEqual(log, [
    'start agreements',
    'end agreements',
    'start flows',
    'end flows',
    'start parties',
    'end parties',
  ]);
});

test('readInTurn stops at the first read that fails and starts none after it', async () => {
  let later = false;
  await assert.rejects(
    readInTurn(
      () => Promise.reject(new Error('connection lost')),
      async () => {
        later = true;
        return 1;
      },
    ),
    /connection lost/,
  );
  assert.equal(later, false);
});
