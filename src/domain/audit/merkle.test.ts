import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { merkleRoot } from './merkle.ts';

const h = (s: string) => createHash('sha256').update(s).digest('hex');

test('a single leaf is hashed with the leaf prefix, not returned as is', () => {
  const leaf = h('a');
  assert.equal(
    merkleRoot([leaf]),
    createHash('sha256')
      .update(Buffer.from([0]))
      .update(Buffer.from(leaf, 'hex'))
      .digest('hex'),
  );
});

test('changing, dropping, adding or swapping any leaf changes the root', () => {
  fc.assert(
    fc.property(fc.array(fc.string(), { minLength: 2, maxLength: 40 }), fc.nat(), (words, pick) => {
      const leaves = words.map((w, i) => h(`${i}:${w}`));
      const root = merkleRoot(leaves);
      const i = pick % leaves.length;
      const j = (i + 1) % leaves.length;
      const edited = [...leaves];
      edited[i] = h('forged');
      const swapped = [...leaves];
      [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
      assert.notEqual(merkleRoot(edited), root);
      assert.notEqual(merkleRoot(leaves.filter((_, k) => k !== i)), root);
      assert.notEqual(merkleRoot([...leaves, h('extra')]), root);
      assert.notEqual(merkleRoot(swapped), root);
    }),
  );
});
