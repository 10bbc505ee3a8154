import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@cinegraph/database';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  databaseUrlFor,
  dropDatabase,
  ensureDatabase,
  migrate,
  MigrationError,
} from '../src/index.ts';

// The migrator sits below the test harness (which migrates with it), so this file talks to
// PostgreSQL on its own.
const postgresUrl = process.env['TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';

const created: string[] = [];
const dirs: string[] = [];

/** A new, empty database on a PostgreSQL server or in a PGlite folder. */
const servers = {
  postgresql: (name: string) => databaseUrlFor(postgresUrl, name),
  pglite: (name: string) => `pglite:${path.join(tmpdir(), name)}`,
};

async function freshDatabase(server: keyof typeof servers): Promise<string> {
  const url = servers[server](`cg_test_migrator_${randomBytes(6).toString('hex')}`);
  created.push(url);
  expect(await ensureDatabase(url)).toBe(true);
  return url;
}

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-migrations-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const db = openDatabase(url);
  try {
    return (await db.query<Row>(sql)).rows;
  } finally {
    await db.close();
  }
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
afterAll(async () => {
  await Promise.all(created.map((url) => dropDatabase(url)));
});

describe.each(Object.keys(servers) as (keyof typeof servers)[])('migrate on %s', (server) => {
  it('creates a missing database once', async () => {
    const url = await freshDatabase(server);
    expect(await ensureDatabase(url)).toBe(false);
  });

  it('applies pending migrations in order and records them as Prisma does', async () => {
    const url = await freshDatabase(server);
    const dir = await migrationsDir({
      '20260101000000_first': 'CREATE TABLE a (id int PRIMARY KEY);',
      '20260102000000_second': 'ALTER TABLE a ADD COLUMN name text;',
    });
    expect(await migrate({ databaseUrl: url, migrationsDir: dir })).toEqual([
      '20260101000000_first',
      '20260102000000_second',
    ]);
    expect(await migrate({ databaseUrl: url, migrationsDir: dir })).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
    }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual([
      '20260101000000_first',
      '20260102000000_second',
    ]);
    expect(
      rows.every(
        (r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.applied_steps_count === 1 && r.finished_at,
      ),
    ).toBe(true);
    await query(url, 'INSERT INTO a (id, name) VALUES (1, $$x$$)');
  });

  it('rolls a failing migration back whole and records nothing', async () => {
    const url = await freshDatabase(server);
    const dir = await migrationsDir({
      '20260101000000_ok': 'CREATE TABLE a (id int PRIMARY KEY);',
      '20260102000000_broken': 'CREATE TABLE b (id int); INSERT INTO missing VALUES (1);',
    });
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(MigrationError);
    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'a']);
    const names = await query<{ migration_name: string }>(
      url,
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(names.map((r) => r.migration_name)).toEqual(['20260101000000_ok']);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const url = await freshDatabase(server);
    const dir = await migrationsDir({ '20260101000000_first': 'CREATE TABLE a (id int);' });
    await migrate({ databaseUrl: url, migrationsDir: dir });
    await writeFile(
      path.join(dir, '20260101000000_first', 'migration.sql'),
      'CREATE TABLE a (id bigint);',
    );
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /checksum mismatch/,
    );
  });

  it('lets concurrent migrators apply each migration exactly once', async () => {
    const url = await freshDatabase(server);
    const dir = await migrationsDir({ '20260101000000_first': 'CREATE TABLE a (id int);' });
    const results = await Promise.all(
      [1, 2, 3].map(() => migrate({ databaseUrl: url, migrationsDir: dir })),
    );
    expect(results.flat()).toEqual(['20260101000000_first']);
  });
});

describe('the migrate command', () => {
  it("migrates named subgraphs from the command line (the images' migrate job)", async () => {
    const name = `cg_test_migrator_cli_${randomBytes(6).toString('hex')}`;
    const url = databaseUrlFor(postgresUrl, name);
    created.push(url);
    const cli = path.resolve(import.meta.dirname, '../src/cli.ts');
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', cli, ...args],
          { env: { ...process.env, ...env } },
          (error, stdout, stderr) =>
            resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
        );
      });

    const first = await run(['users'], { DATABASE_URL: url });
    expect(first.output).toMatch(/users: created/);
    expect(first.code).toBe(0);
    const applied = await query<{ migration_name: string }>(
      url,
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(applied.length).toBeGreaterThan(0);
    // Again: nothing to do.
    const again = await run(['users'], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/users: up to date \(0 applied now\)/);

    expect((await run([], {})).code).toBe(2);
    expect((await run(['Users; DROP'], {})).code).toBe(2);
    const noServer = await run(['users', 'movies'], { DATABASE_URL: '', POSTGRES_URL: '' });
    expect(noServer.code).toBe(1);
    expect(noServer.output).toMatch(/Set DATABASE_URL/);
  });
});
