import type { RateLimiterMemory } from 'rate-limiter-flexible';

interface Entry {
  value: string;
  /** Epoch milliseconds; null: never expires. */
  expiresAt: number | null;
}

/** An expiry index (Redis: a sorted set plus a hash): member → due time and payload. */
export type ExpiryIndex = Map<string, { dueAt: number; payload: string }>;

const SWEEP_INTERVAL_MS = 5_000;

/**
 * The state of one in-process "server": what a Redis server holds for the keyspaces that
 * share it. Everything is changed synchronously, so each operation built on it is atomic
 * as a Redis script is: nothing else runs in the middle.
 */
export class MemoryServer {
  readonly #values = new Map<string, Entry>();
  readonly #indexes = new Map<string, ExpiryIndex>();
  readonly channels = new Map<string, Set<(message: string) => void>>();
  readonly rateLimiters = new Map<string, RateLimiterMemory>();

  constructor() {
    // Expired keys nobody reads again would otherwise stay in memory.
    setInterval(() => this.sweep(), SWEEP_INTERVAL_MS).unref();
  }

  get(key: string, now = Date.now()): string | null {
    const entry = this.#values.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== null && entry.expiresAt <= now) {
      this.#values.delete(key);
      return null;
    }
    return entry.value;
  }

  /** Milliseconds left: null when absent or without expiry. */
  ttl(key: string, now = Date.now()): number | null {
    if (this.get(key, now) === null) return null;
    const { expiresAt } = this.#values.get(key)!;
    return expiresAt === null ? null : expiresAt - now;
  }

  set(key: string, value: string, ttlMs?: number, now = Date.now()): void {
    this.#values.set(key, { value, expiresAt: ttlMs === undefined ? null : now + ttlMs });
  }

  /** Replaces the value and keeps the expiry (Redis KEEPTTL). */
  replace(key: string, value: string, now = Date.now()): void {
    const expiresAt = this.get(key, now) === null ? null : this.#values.get(key)!.expiresAt;
    this.#values.set(key, { value, expiresAt });
  }

  /** Sets an expiry only on a key that has none (Redis PEXPIRE ... NX). */
  expireIfNone(key: string, ttlMs: number, now = Date.now()): void {
    const entry = this.get(key, now) === null ? undefined : this.#values.get(key);
    if (entry && entry.expiresAt === null) entry.expiresAt = now + ttlMs;
  }

  delete(key: string): boolean {
    const existed = this.get(key) !== null;
    this.#values.delete(key);
    return existed;
  }

  index(name: string): ExpiryIndex {
    let index = this.#indexes.get(name);
    if (!index) {
      index = new Map();
      this.#indexes.set(name, index);
    }
    return index;
  }

  sweep(now = Date.now()): void {
    for (const [key, entry] of this.#values)
      if (entry.expiresAt !== null && entry.expiresAt <= now) this.#values.delete(key);
  }
}

const servers = new Map<string, MemoryServer>();

/**
 * The process's in-process server of this name (`memory://<name>`), created on first use
 * and kept for the life of the process, as a Redis server outlives its clients.
 */
export function memoryServer(name: string): MemoryServer {
  let server = servers.get(name);
  if (!server) {
    server = new MemoryServer();
    servers.set(name, server);
  }
  return server;
}
