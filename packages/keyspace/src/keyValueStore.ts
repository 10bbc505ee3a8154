import type { RateLimiterAbstract } from 'rate-limiter-flexible';

export interface SetOptions {
  /** The key expires after this many milliseconds; without it, it never does. */
  ttlMs?: number;
  /** Write only if the key does not exist (then `set` answers false when it did). */
  onlyIfAbsent?: boolean;
  /** Keep the key's current expiry (Redis `KEEPTTL`); `ttlMs` is then ignored. */
  keepTtl?: boolean;
}

export interface RateLimitWindow {
  /** Names the limiter's keys (`ratelimit:<name>:...`). */
  name: string;
  /** Requests allowed per window. */
  points: number;
  durationSeconds: number;
}

/**
 * String keys with optional expiry: what CineGraph's caches, persisted queries, refresh
 * tokens and login throttles keep. Every key is under the keyspace's prefix.
 */
export interface KeyValueStore {
  /**
   * False while the store cannot be reached, so that a caller with a fallback (a cache
   * in front of the database) skips it at once instead of waiting for a timeout.
   */
  available(): boolean;
  get(key: string): Promise<string | null>;
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  /** Writes a value; false only when `onlyIfAbsent` and the key was there. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;
  /** Writes several values in one round trip, all or none. */
  setMany(entries: readonly { key: string; value: string; ttlMs?: number }[]): Promise<void>;
  /** Deletes the keys; resolves with how many existed. */
  delete(keys: readonly string[]): Promise<number>;
  /**
   * Adds one to a counter and resolves with its new value. A new counter expires after
   * `windowMs`; later increments do not move that expiry (a fixed window).
   */
  increment(key: string, windowMs: number): Promise<number>;
  /** Milliseconds the key has left: null when it does not exist or never expires. */
  ttl(key: string): Promise<number | null>;
  /**
   * A fixed-window rate limiter (rate-limiter-flexible) counting in this store, so that
   * every process on the same store shares its budgets.
   */
  rateLimiter(window: RateLimitWindow): RateLimiterAbstract;
}
