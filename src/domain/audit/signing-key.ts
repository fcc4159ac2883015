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

/**
 * What checks a checkpoint's signature: the public half only, so that whoever verifies (the web
 * app's status panel, `tessera audit verify`) never holds the key that signs.
 */
export interface CheckpointVerifier {
  readonly keyId: string;
  verify(message: string, signatureBase64: string): boolean;
}

/** The Ed25519 key that signs audit checkpoints; held only by the sealer (`tessera audit seal`). */
export interface CheckpointSigner extends CheckpointVerifier {
  /** The public key (SPKI PEM), which the sealer hands to the witness for verifiers. */
  readonly publicKeyPem: string;
  sign(message: string): string;
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
  return {
    ...verifierFor(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
}

/** A verifier from the public key the sealer published (SPKI PEM). */
export function loadCheckpointVerifier(publicKeyPem: string): CheckpointVerifier {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
  } catch (cause) {
    throw new DomainError('internal', 'The audit public key could not be read', { cause });
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new DomainError('internal', 'The audit public key must be an Ed25519 key');
  }
  return verifierFor(publicKey);
}

function verifierFor(publicKey: KeyObject): CheckpointVerifier {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
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
