import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateSigningKeyPem, loadCheckpointSigner } from '../../domain/audit/signing-key.ts';
import type { WitnessedCheckpoint } from '../../domain/audit/witness.ts';
import { northshire } from '../../../test/support/personas.ts';
import { folderWitness } from './folder-witness.ts';

const p = northshire.partnershipId;
const checkpoint = (seqFrom: number, seqTo: number): WitnessedCheckpoint => ({
  partnershipId: p,
  seqFrom,
  seqTo,
  merkleRoot: 'a'.repeat(64),
  chainHead: 'b'.repeat(64),
  keyId: 'k1',
  signature: 'c2lnbmVk',
});

describe('the witness folder', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-witness-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('appends one line per checkpoint to the partnership file, and reads them back in order', async () => {
    const folder = join(dir, 'appends');
    const witness = folderWitness(folder);
    assert.deepEqual(await witness.readCheckpoints(p), []);
    assert.equal(await witness.readLatest(p), undefined);
    await witness.recordCheckpoints(p, [checkpoint(1, 4)]);
    await witness.recordCheckpoints(p, [checkpoint(5, 8), checkpoint(9, 9)]);
    const text = await readFile(join(folder, `${p}.jsonl`), 'utf8');
    assert.equal(text.split('\n').length, 4);
    // A second reader (another process) sees the same, and the newest without reading it all.
    const reader = folderWitness(folder);
    assert.deepEqual(
      (await reader.readCheckpoints(p)).map((c) => c.seqTo),
      [4, 8, 9],
    );
    assert.equal((await reader.readLatest(p))?.seqTo, 9);
  });

  test('a line cut short by a crash is ignored and closed off before the next append', async () => {
    const folder = join(dir, 'crash');
    const witness = folderWitness(folder);
    await witness.recordCheckpoints(p, [checkpoint(1, 4)]);
    await appendFile(join(folder, `${p}.jsonl`), '{"partnershipId":"6f1c');
    const restarted = folderWitness(folder);
    assert.equal((await restarted.readLatest(p))?.seqTo, 4);
    await restarted.recordCheckpoints(p, [checkpoint(5, 8)]);
    assert.deepEqual(
      (await folderWitness(folder).readCheckpoints(p)).map((c) => c.seqTo),
      [4, 8],
    );
  });

  test('a whole line that is not a checkpoint is refused rather than passed over', async () => {
    const folder = join(dir, 'garbled');
    await folderWitness(folder).recordCheckpoints(p, [checkpoint(1, 4)]);
    await appendFile(join(folder, `${p}.jsonl`), '{"partnershipId":"someone else"}\n');
    await assert.rejects(folderWitness(folder).readCheckpoints(p), /has a line that cannot be read/);
  });

  test('keeps the public key readable by verifiers and refuses a different one', async () => {
    const folder = join(dir, 'key');
    const witness = folderWitness(folder);
    const signer = loadCheckpointSigner(generateSigningKeyPem());
    assert.equal(await witness.readPublicKey(), undefined);
    await witness.recordPublicKey(signer.publicKeyPem);
    await witness.recordPublicKey(signer.publicKeyPem);
    assert.equal(await folderWitness(folder).readPublicKey(), signer.publicKeyPem);
    assert.doesNotMatch(signer.publicKeyPem, /PRIVATE/);
    await assert.rejects(
      witness.recordPublicKey(loadCheckpointSigner(generateSigningKeyPem()).publicKeyPem),
      /holds another audit public key/,
    );
    assert.equal((await stat(join(folder, 'audit-signing-key.pub'))).mode & 0o777, 0o644);
  });

  test('a partnership id that is not a uuid never names a file', async () => {
    await assert.rejects(folderWitness(dir).readCheckpoints('../../etc/passwd'), /not a partnership id/);
  });
});
