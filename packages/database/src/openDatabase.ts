import { openPgliteDatabase } from './pgliteDatabase.ts';
import { openPostgresDatabase } from './postgresDatabase.ts';
import type { DatabaseOptions, SqlDatabase } from './sqlDatabase.ts';

/** URL protocols a service's `DATABASE_URL` may use. */
export const DATABASE_PROTOCOLS = ['postgresql:', 'postgres:', 'pglite:'];

/**
 * A service's database by its URL: `postgresql://` (or `postgres://`) is a PostgreSQL
 * server; `pglite:<folder>` an embedded PostgreSQL (PGlite) keeping its data in the folder.
 */
export function openDatabase(url: string, options: DatabaseOptions = {}): SqlDatabase {
  const { protocol } = new URL(url);
  if (protocol === 'pglite:') return openPgliteDatabase(url);
  if (protocol === 'postgresql:' || protocol === 'postgres:')
    return openPostgresDatabase(url, options);
  throw new Error(`unsupported database URL ${protocol} (use ${DATABASE_PROTOCOLS.join(', ')})`);
}

/** True for a database embedded in the process (nothing to create on a server). */
export const isEmbeddedDatabase = (url: string): boolean => new URL(url).protocol === 'pglite:';
