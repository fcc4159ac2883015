import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's recommended minimum: 19 MiB, 2 passes.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash to verify against when the account does not exist, so that "no such user" costs the
 * same time as "wrong password" and sign-in cannot be used to discover who has an account.
 */
export function hashForUnknownAccounts(): Promise<string> {
  dummyHash ??= hashPassword('tessera-no-such-account-placeholder');
  return dummyHash;
}
