import { createHash } from 'node:crypto';
import type { KeyValueStore } from '@cinegraph/keyspace';
import { createError } from '@cinegraph/service-kit';

export interface LoginThrottleSettings {
  /** Sign-in attempts one address may make at one account per window. */
  maxAttempts: number;
  windowSeconds: number;
  /** Attempts an account may take from all addresses together per window (a success clears them). */
  accountMaxAttempts: number;
  /** Registrations one address may make per hour. */
  registrationsPerHour: number;
}

export interface LoginThrottle {
  /**
   * Counts a sign-in attempt before its password is verified, so that concurrent guesses
   * cannot all pass a check made before the first is recorded: RATE_LIMITED when this
   * address has used its attempts at this account, or while the account is cooling down.
   */
  attempt(email: string, ip: string): Promise<void>;
  /** The password was right: the address's and the account's counts start again. */
  succeeded(email: string, ip: string): Promise<void>;
  /** Counts a registration from this address: RATE_LIMITED past the limit. */
  registration(ip: string): Promise<void>;
}

/** The longest an account cools down between attempts once it passes its ceiling. */
const MAX_COOL_DOWN_SECONDS = 15 * 60;
const HOUR_MS = 60 * 60 * 1_000;

/**
 * Sign-in and registration throttling in the keyspace's store, shared by every replica:
 * - per (email, address): `maxAttempts` attempts in a fixed window, counted atomically
 *   (INCR) before the password is verified, and cleared by a success;
 * - per account, from any address: past `accountMaxAttempts` in the window, the account
 *   cools down for 1 s, then 2, 4, ... up to 15 minutes, each attempt meanwhile refused
 *   without verifying (a distributed guesser gets a handful of guesses an hour);
 * - per address: `registrationsPerHour` new accounts an hour.
 * Keys hold a hash of the email, never the email.
 */
export function createLoginThrottle(
  store: KeyValueStore,
  settings: LoginThrottleSettings,
): LoginThrottle {
  const windowMs = settings.windowSeconds * 1_000;
  const digest = (...parts: string[]) =>
    createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const pairKey = (email: string, ip: string) => `users:login-attempts:${digest(email, ip)}`;
  const accountKey = (email: string) => `users:login-account:${digest(email)}`;
  const coolDownKey = (email: string) => `users:login-cool-down:${digest(email)}`;
  const refused = (message: string, retryAfterMs: number | null) => {
    const retryAfterSeconds = Math.max(Math.ceil((retryAfterMs ?? 0) / 1_000), 1);
    return createError('RATE_LIMITED', message, { retryAfterSeconds });
  };
  const inMinutes = (ms: number | null) => Math.max(Math.ceil((ms ?? 0) / 60_000), 1);

  return {
    async attempt(email, ip) {
      const coolDown = await store.ttl(coolDownKey(email));
      if (coolDown !== null && coolDown > 0)
        throw refused(
          'Too many failed sign-in attempts on this account. Try again later.',
          coolDown,
        );
      const attempts = await store.increment(pairKey(email, ip), windowMs);
      if (attempts > settings.maxAttempts) {
        const left = await store.ttl(pairKey(email, ip));
        throw refused(
          `Too many failed sign-in attempts. Try again in ${inMinutes(left)} minutes.`,
          left,
        );
      }
      const attemptsAtAccount = await store.increment(accountKey(email), windowMs);
      if (attemptsAtAccount > settings.accountMaxAttempts) {
        const seconds = Math.min(
          2 ** Math.min(attemptsAtAccount - settings.accountMaxAttempts - 1, 20),
          MAX_COOL_DOWN_SECONDS,
        );
        await store.set(coolDownKey(email), '1', { ttlMs: seconds * 1_000, onlyIfAbsent: true });
        throw refused(
          'Too many failed sign-in attempts on this account. Try again later.',
          seconds * 1_000,
        );
      }
    },
    async succeeded(email, ip) {
      await store.delete([pairKey(email, ip), accountKey(email)]);
    },
    async registration(ip) {
      const key = `users:registrations:${digest(ip)}`;
      const count = await store.increment(key, HOUR_MS);
      if (count > settings.registrationsPerHour) {
        const left = await store.ttl(key);
        throw refused(
          `Too many accounts registered from this address. Try again in ${inMinutes(left)} minutes.`,
          left,
        );
      }
    },
  };
}
