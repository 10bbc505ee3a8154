import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { isEmbeddedDatabase, openDatabase, pgliteDataDir } from '@cinegraph/database';

/** Returns the database name of a PostgreSQL connection URL. */
export function databaseNameOf(databaseUrl: string): string {
  if (isEmbeddedDatabase(databaseUrl)) return pgliteDataDir(databaseUrl);
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`The URL ${redact(databaseUrl)} names no database`);
  return name;
}

/** `postgresql://host:5432` + `users` → `postgresql://host:5432/users` (query string kept). */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function redact(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

/** Runs `work` on a connection to the server's `postgres` maintenance database. */
async function onServer<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlFor(databaseUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database named in `databaseUrl` when it does not exist yet (for PGlite, its
 * folder). Returns true when it created it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  if (isEmbeddedDatabase(databaseUrl)) {
    // PGlite creates its cluster in the folder when it first opens it.
    const folder = pgliteDataDir(databaseUrl);
    const existed = folder !== 'memory://' && existsSync(path.join(folder, 'PG_VERSION'));
    if (!existed) {
      const db = openDatabase(databaseUrl);
      await db.query('SELECT 1').finally(() => db.close());
    }
    return !existed;
  }
  const name = databaseNameOf(databaseUrl);
  return onServer(databaseUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      // Another migrator created it between our check and our CREATE.
      if ((error as { code?: string }).code === '42P04') return false;
      throw error;
    }
  });
}

/** Drops a database, closing any connections still open on it (tests and resets). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  if (isEmbeddedDatabase(databaseUrl)) {
    const folder = pgliteDataDir(databaseUrl);
    if (folder !== 'memory://') await rm(folder, { recursive: true, force: true });
    return;
  }
  const name = databaseNameOf(databaseUrl);
  await onServer(databaseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
}
