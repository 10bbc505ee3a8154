import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlDatabase } from './sqlDatabase.ts';

/**
 * PGlite's defaults with a smaller buffer cache: seven databases share one process in
 * embedded mode (16 MB keeps each near 60 MB of memory instead of 170).
 */
const START_PARAMS = [
  '--single',
  '-F',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'shared_buffers=16MB',
];

const MEMORY_PREFIX = 'memory:';

/**
 * Where a `pglite:` URL keeps its data: `pglite:<folder>` (relative to the working
 * directory, or absolute: `pglite:///srv/data/users`), or `pglite:memory:<name>` for a
 * database that lives only as long as the process.
 */
export function pgliteDataDir(url: string): string {
  const location = decodeURIComponent(new URL(url).pathname);
  if (!location) throw new Error(`the URL ${url} names no PGlite folder`);
  if (location.startsWith(MEMORY_PREFIX)) return 'memory://';
  return path.resolve(location);
}

interface Instance {
  ready: Promise<PGlite>;
  users: number;
}

const instances = new Map<string, Instance>();

/**
 * The process's PGlite for a URL. PGlite is one PostgreSQL session that cannot share its
 * folder with another, so every user of a database in the process (Prisma, migrations,
 * the outbox relay) shares one instance, closed when the last of them closes. PGlite is
 * loaded on first use only: importing it costs half a second, which a process on
 * PostgreSQL should not pay.
 */
export function acquirePglite(url: string): { pglite: Promise<PGlite>; release(): Promise<void> } {
  const key = new URL(url).href;
  let instance = instances.get(key);
  if (!instance) {
    const dataDir = pgliteDataDir(url);
    instance = {
      ready: (async () => {
        const { PGlite } = await import('@electric-sql/pglite');
        if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
        return new PGlite(dataDir, { startParams: START_PARAMS });
      })(),
      users: 0,
    };
    instances.set(key, instance);
  }
  const own = instance;
  own.users++;
  let released = false;
  return {
    pglite: own.ready,
    async release() {
      if (released) return;
      released = true;
      if (--own.users > 0) return;
      instances.delete(key);
      await (await own.ready).close();
    },
  };
}

function clientOf(connection: PGlite | Transaction): SqlClient {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await connection.query<Row>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
    async exec(script) {
      await connection.exec(script);
    },
  };
}

/**
 * A database on PGlite (PostgreSQL compiled to WebAssembly) in this process. Its one
 * session runs one transaction at a time; PGlite queues the others.
 */
export function openPgliteDatabase(url: string): SqlDatabase {
  const { pglite, release } = acquirePglite(url);
  const session = async () => clientOf(await pglite);
  return {
    query: async (sql, params) => (await session()).query(sql, params),
    exec: async (script) => (await session()).exec(script),
    transaction: async (work) => (await pglite).transaction((tx) => work(clientOf(tx))),
    async listen(channel, onNotify) {
      const stop = await (await pglite).listen(channel, () => onNotify());
      onNotify();
      return { close: () => stop() };
    },
    close: release,
  };
}
