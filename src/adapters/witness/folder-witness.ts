import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AuditWitnessWriter, WitnessedCheckpoint } from '../../domain/audit/witness.ts';
import { DomainError } from '../../domain/shared/errors.ts';

const WitnessLine = z.strictObject({
  partnershipId: z.uuid(),
  seqFrom: z.number().int().min(1),
  seqTo: z.number().int().min(1),
  merkleRoot: z.string().regex(/^[0-9a-f]{64}$/),
  chainHead: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string().min(1),
  signature: z.string().min(1),
});

const publicKeyFile = 'audit-signing-key.pub';
/** Enough of a file's end to hold its last line many times over. */
const tailBytes = 16 * 1024;

/**
 * The witness as a folder outside the database: one append-only file of JSON lines per
 * partnership (`<partnership id>.jsonl`, one signed checkpoint a line) and the sealer's public
 * key. The database role has no way to reach it; on a server, the folder belongs to the account
 * that runs `tessera audit seal`, and the web app's account may only read it. Each append is
 * flushed to disk before the sealer goes on. A line cut short by a crash is ignored on reading
 * and closed off before the next append, so it can never join up with a later line.
 */
export function folderWitness(dir: string): AuditWitnessWriter {
  let published: string | undefined;
  const fileOf = (partnershipId: string) => {
    // Only a uuid names a file, so an id can never point outside the folder.
    if (!z.uuid().safeParse(partnershipId).success) throw new Error('not a partnership id');
    return join(dir, `${partnershipId}.jsonl`);
  };

  async function readTail(
    partnershipId: string,
  ): Promise<{ last?: WitnessedCheckpoint; endsClean: boolean }> {
    const handle = await openIfExists(fileOf(partnershipId), 'r');
    if (!handle) return { endsClean: true };
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, tailBytes);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const text = buffer.toString('utf8');
      const lines = text
        .split('\n')
        .slice(0, -1)
        .filter((line) => line !== '' && isJson(line));
      const last = lines.at(-1);
      return {
        endsClean: text.endsWith('\n') || size === 0,
        ...(last ? { last: parseLine(last, partnershipId) } : {}),
      };
    } finally {
      await handle.close();
    }
  }

  return {
    async readCheckpoints(partnershipId) {
      let text: string;
      try {
        text = await readFile(fileOf(partnershipId), 'utf8');
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return [];
        throw error;
      }
      // The last piece is '' after a final newline, or a line cut short by a crash: either way
      // not a checkpoint. So is a line that is not JSON at all: a write torn by a crash, closed
      // off by the next append. A JSON line that is not a checkpoint of this partnership is an
      // error (parseLine), never passed over.
      return text
        .split('\n')
        .slice(0, -1)
        .filter((line) => line !== '' && isJson(line))
        .map((line) => parseLine(line, partnershipId));
    },

    // Read from the file's end every time rather than remembered, so that `tessera audit
    // checkpoint` run beside `tessera audit seal` sees what the other appended.
    async readLatest(partnershipId) {
      return (await readTail(partnershipId)).last;
    },

    async recordCheckpoints(partnershipId, checkpoints) {
      if (checkpoints.length === 0) return;
      await mkdir(dir, { recursive: true, mode: 0o750 });
      const { endsClean } = await readTail(partnershipId);
      const lines = checkpoints.map((c) => JSON.stringify(WitnessLine.parse({ ...c, partnershipId })) + '\n');
      const handle = await open(fileOf(partnershipId), 'a', 0o640);
      try {
        await handle.write((endsClean ? '' : '\n') + lines.join(''));
        await handle.datasync();
      } finally {
        await handle.close();
      }
    },

    async readPublicKey() {
      try {
        return await readFile(join(dir, publicKeyFile), 'utf8');
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return undefined;
        throw error;
      }
    },

    async recordPublicKey(publicKeyPem) {
      if (published === publicKeyPem) return;
      const held = await this.readPublicKey();
      if (held === publicKeyPem) {
        published = held;
        return;
      }
      if (held !== undefined) {
        throw new DomainError(
          'internal',
          `The audit witness folder ${dir} holds another audit public key: it belongs to another signing key`,
        );
      }
      await mkdir(dir, { recursive: true, mode: 0o750 });
      await writeFile(join(dir, publicKeyFile), publicKeyPem, { flag: 'wx', mode: 0o644 });
      published = publicKeyPem;
    },
  };
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function parseLine(line: string, partnershipId: string): WitnessedCheckpoint {
  const checked = WitnessLine.safeParse(JSON.parse(line));
  if (!checked.success || checked.data.partnershipId !== partnershipId) {
    throw new DomainError(
      'internal',
      `The audit witness file for ${partnershipId} has a line that cannot be read`,
    );
  }
  return checked.data;
}

async function openIfExists(file: string, flags: string) {
  try {
    return await open(file, flags);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}
