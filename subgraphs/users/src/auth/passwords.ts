import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id (the library's default algorithm) with 19 MiB memory and 2 passes, as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** A real hash of nothing, verified against when the email is unknown, so that both
 * failures take the same time and nobody can tell which accounts exist. */
const decoy = hashPassword('decoy password that matches nothing');

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  if (passwordHash === null) {
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
