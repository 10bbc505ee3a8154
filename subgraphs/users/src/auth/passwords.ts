import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';
import type { Counter } from 'prom-client';
import { createError } from '@cinegraph/service-kit';

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id (the library's default algorithm) with 19 MiB memory and 2 passes, as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password, and for an unknown account (`passwordHash` null). */
  verify(passwordHash: string | null, password: string): Promise<boolean>;
}

/**
 * Hashing and verifying with a bound on both: at most `concurrency` argon2 runs at once
 * (each takes 19 MiB and a libuv thread, which the process shares with DNS, files and
 * crypto), and at most `maxWaiting` queued behind them; past that a caller is refused
 * with RATE_LIMITED at once, so a flood of sign-ins cannot starve the service. Each
 * verification is counted in `verifications` by outcome (match, mismatch).
 */
export function createPasswordHasher(options: {
  concurrency: number;
  maxWaiting: number;
  verifications: Counter<'outcome'>;
}): PasswordHasher {
  const limit = pLimit(options.concurrency);
  const bounded = <T>(task: () => Promise<T>): Promise<T> => {
    if (limit.pendingCount >= options.maxWaiting)
      return Promise.reject(
        createError('RATE_LIMITED', 'Too many sign-ins at once; try again in a moment.', {
          retryAfterSeconds: 1,
        }),
      );
    return limit(task);
  };
  // A real hash of nothing, verified against when the email is unknown, so that both
  // failures take the same time and nobody can tell which accounts exist.
  const decoy = hashPassword('decoy password that matches nothing');
  return {
    hash: (password) => bounded(() => hashPassword(password)),
    async verify(passwordHash, password) {
      const matches = await bounded(async () =>
        verify(passwordHash ?? (await decoy), password).catch(() => false),
      );
      const ok = matches && passwordHash !== null;
      options.verifications.inc({ outcome: ok ? 'match' : 'mismatch' });
      return ok;
    },
  };
}
