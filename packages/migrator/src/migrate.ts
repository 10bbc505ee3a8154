import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SqlClient } from '@cinegraph/database';
import { openDatabase } from '@cinegraph/database';

/** The advisory lock key Prisma Migrate takes, so our runs and Prisma's exclude each other. */
const MIGRATE_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  databaseUrl: string;
  /** A Prisma Migrate folder: one `<timestamp>_<name>/migration.sql` per migration. */
  migrationsDir: string;
  log?: (message: string) => void;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Reads the migrations of a Prisma Migrate folder in the order Prisma applies them. */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies every pending migration, each in its own transaction, and returns the names
 * of those it applied. The database must exist (see ensureDatabase). Each transaction
 * first takes Prisma Migrate's advisory lock, so that concurrent migrators (ours, or
 * Prisma's own, which holds the same lock for its session) apply each migration once.
 */
export async function migrate({
  databaseUrl,
  migrationsDir,
  log,
}: MigrateOptions): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  const db = openDatabase(databaseUrl, { poolSize: 1 });
  try {
    const done: string[] = [];
    for (const migration of migrations) {
      const applied = await db.transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK_KEY]);
        await client.exec(CREATE_MIGRATIONS_TABLE);
        const { rows } = await client.query<{ checksum: string }>(
          `SELECT checksum FROM "_prisma_migrations"
            WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          [migration.name],
        );
        if (rows.length) {
          if (rows[0]!.checksum !== migration.checksum)
            throw new MigrationError(
              `Migration ${migration.name} was changed after it was applied (checksum mismatch). ` +
                'Add a new migration instead of editing an applied one.',
            );
          return false;
        }
        await applyOne(client, migration);
        return true;
      });
      if (!applied) continue;
      log?.(`applied ${migration.name}`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await db.close();
  }
}

async function applyOne(client: SqlClient, migration: MigrationFile): Promise<void> {
  try {
    await client.exec(migration.sql);
  } catch (error) {
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  await client.query(
    `INSERT INTO "_prisma_migrations"
       (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
}
