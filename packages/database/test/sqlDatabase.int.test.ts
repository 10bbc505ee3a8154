import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../src/index.ts';
import { openDatabase } from '../src/index.ts';

// The same contract on a PostgreSQL server and on PGlite: what migrations and the outbox
// relay rely on. The database package sits below the test harness (which migrates through
// it), so this file talks to PostgreSQL on its own.
const postgresUrl = process.env['TEST_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const name = `cg_test_database_${randomBytes(6).toString('hex')}`;
const serverUrl = new URL(postgresUrl);
serverUrl.pathname = `/${name}`;
const folder = path.join(tmpdir(), name);
const urls = { postgresql: serverUrl.toString(), pglite: `pglite:${folder}` };

const admin = new pg.Client({ connectionString: postgresUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const opened: SqlDatabase[] = [];

async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await rm(folder, { recursive: true, force: true });
});

describe.each(Object.entries(urls))('a database on %s', (kind, url) => {
  const db = openDatabase(url);
  opened.push(db);
  const table = `t_${kind}`;

  it('runs scripts, and statements with parameters, and says how many rows they touched', async () => {
    await db.exec(`
      CREATE TABLE ${table} (id uuid PRIMARY KEY, n int NOT NULL, at timestamptz NOT NULL DEFAULT now());
      CREATE INDEX ON ${table} (n);`);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const inserted = await db.query(
      `INSERT INTO ${table} (id, n) SELECT id, 1 FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    expect(inserted.rowCount).toBe(3);
    const updated = await db.query(`UPDATE ${table} SET n = n + 1 WHERE id = ANY($1::uuid[])`, [
      ids.slice(0, 2),
    ]);
    expect(updated.rowCount).toBe(2);
    const { rows } = await db.query<{ total: string | number; latest: Date }>(
      `SELECT count(*) AS total, max(at) AS latest FROM ${table} WHERE n = $1`,
      [2],
    );
    expect(Number(rows[0]!.total)).toBe(2);
    expect(rows[0]!.latest).toBeInstanceOf(Date);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const kept = randomUUID();
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO ${table} (id, n) VALUES ($1, 10)`, [kept]);
    });
    const lost = randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table} (id, n) VALUES ($1, 10)`, [lost]);
        await tx.exec('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow(/no_such_table/);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE n = 10`);
    expect(rows.map((row) => row.id)).toEqual([kept]);
  });

  it('claims rows with FOR UPDATE SKIP LOCKED inside a transaction', async () => {
    const claimed = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `SELECT id FROM ${table} ORDER BY id LIMIT 2 FOR UPDATE SKIP LOCKED`,
      );
      return rows;
    });
    expect(claimed).toHaveLength(2);
  });

  it('hears a NOTIFY once its transaction commits, not when it rolls back', async () => {
    let heard = 0;
    const channel = `ch_${kind}`;
    const listener = await db.listen(channel, () => heard++);
    try {
      // Listening (re)started: one call for what may have been missed.
      await eventually(() => heard >= 1, 'listening to start');
      const start = heard;
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`SELECT pg_notify($1, 'x')`, [channel]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await db.transaction((tx) => tx.query(`SELECT pg_notify($1, 'y')`, [channel]));
      await eventually(() => heard === start + 1, 'the NOTIFY');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toBe(start + 1);
    } finally {
      await listener.close();
    }
  });
});

describe('openDatabase', () => {
  it('refuses a URL it has no implementation for', () => {
    expect(() => openDatabase('mysql://127.0.0.1/x')).toThrow(/unsupported database URL mysql:/);
  });
});
