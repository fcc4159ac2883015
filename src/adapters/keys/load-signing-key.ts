import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  generateSigningKeyPem,
  loadCheckpointSigner,
  type CheckpointSigner,
} from '../../domain/audit/signing-key.ts';
import type { Logger } from '../../domain/shared/deps.ts';
import type { Config } from '../../config/config.ts';

/**
 * The checkpoint signing key, for the sealer only (`tessera audit seal`, `tessera audit
 * checkpoint`, and `tessera serve` on the embedded database). It comes from
 * TESSERA_AUDIT_SIGNING_KEY, or from the file TESSERA_AUDIT_SIGNING_KEY_FILE names (by default
 * ./.tessera/keys/audit-signing-key.pem): a place of its own, never the data folder or its
 * parent. If that file does not exist yet, a key is made there once (folder mode 700, file mode
 * 600) so that the demo and a first install work; production should hold the key in its secret
 * store and point the setting at it.
 */
export async function loadSigningKey(config: Config, logger: Logger): Promise<CheckpointSigner> {
  if ('pem' in config.auditSigningKey) return loadCheckpointSigner(config.auditSigningKey.pem);
  const file = config.auditSigningKey.file;
  try {
    return loadCheckpointSigner(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, generateSigningKeyPem(), { flag: 'wx', mode: 0o600 });
  await chmod(file, 0o600);
  logger.warn({}, 'created an audit signing key; set TESSERA_AUDIT_SIGNING_KEY_FILE in production');
  return loadCheckpointSigner(await readFile(file, 'utf8'));
}
