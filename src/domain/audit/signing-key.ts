import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { DomainError } from '../shared/errors.ts';

/** The Ed25519 key that signs audit checkpoints, loaded from configuration. */
export interface CheckpointSigner {
  readonly keyId: string;
  sign(message: string): string;
  verify(message: string, signatureBase64: string): boolean;
}

export function loadCheckpointSigner(privateKeyPem: string): CheckpointSigner {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch (cause) {
    throw new DomainError('internal', 'The audit signing key could not be read', { cause });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new DomainError('internal', 'The audit signing key must be an Ed25519 key');
  }
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha256').update(spki).digest('hex').slice(0, 16);
  return {
    keyId,
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
    verify: (message, signature) =>
      verify(null, Buffer.from(message), publicKey, Buffer.from(signature, 'base64')),
  };
}

export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function checkpointMessage(c: {
  partnershipId: string;
  seqFrom: number;
  seqTo: number;
  merkleRoot: string;
  chainHead: string;
}): string {
  return ['tessera-audit-checkpoint/v1', c.partnershipId, c.seqFrom, c.seqTo, c.merkleRoot, c.chainHead].join(
    '\n',
  );
}
