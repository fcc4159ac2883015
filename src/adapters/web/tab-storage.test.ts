import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forgetKeptUnder, readKept, writeKept } from './tab-storage.ts';

/** An in-memory Storage; `full` makes every write refuse, as a full quota does. */
function memoryStorage(full = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

test('answers kept under a key read back; a key never written or not JSON reads as null', () => {
  const store = memoryStorage();
  writeKept('tessera:x:1', { title: 'Front door checks' }, store);
  assert.deepEqual(readKept('tessera:x:1', store), { title: 'Front door checks' });
  assert.equal(readKept('tessera:x:2', store), null);
  store.setItem('tessera:x:3', '{not json');
  assert.equal(readKept('tessera:x:3', store), null);
  assert.equal(readKept('tessera:x:1', null), null);
});

test('a storage that refuses keeps nothing and throws nothing', () => {
  const store = memoryStorage(true);
  assert.doesNotThrow(() => writeKept('tessera:x:1', { a: 1 }, store));
  assert.equal(readKept('tessera:x:1', store), null);
});

test('signing out forgets every key under the prefix and nothing else', () => {
  const store = memoryStorage();
  writeKept('tessera:draft:u1:a', 1, store);
  writeKept('tessera:draft:u1:b', 2, store);
  writeKept('tessera:other:u1', 3, store);
  forgetKeptUnder('tessera:draft:', store);
  assert.deepEqual(
    Array.from({ length: store.length }, (_, i) => store.key(i)),
    ['tessera:other:u1'],
  );
});
