import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  generateSigningKeyPem,
  loadCheckpointSigner,
  type CheckpointSigner,
} from '../../domain/audit/signing-key.ts';
import type { Logger } from '../../domain/shared/deps.ts';
import type { Config } from '../../config/config.ts';

/**
 * The checkpoint signing key comes from configuration (TESSERA_AUDIT_SIGNING_KEY or _FILE).
 * Without one, a key is made once in the data folder (mode 600) so that the demo and a first
 * install work; production should hold the key in its secret store and set it explicitly.
 */
export async function loadSigningKey(config: Config, logger: Logger): Promise<CheckpointSigner> {
  if (config.auditSigningKey && 'pem' in config.auditSigningKey)
    return loadCheckpointSigner(config.auditSigningKey.pem);
  if (config.auditSigningKey)
    return loadCheckpointSigner(await readFile(config.auditSigningKey.file, 'utf8'));
  const file = join(config.dataDir, '..', 'audit-signing-key.pem');
  try {
    return loadCheckpointSigner(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, generateSigningKeyPem(), { flag: 'wx', mode: 0o600 });
  await chmod(file, 0o600);
  logger.warn({ file }, 'created an audit signing key; set TESSERA_AUDIT_SIGNING_KEY_FILE in production');
  return loadCheckpointSigner(await readFile(file, 'utf8'));
}
