import pg from 'pg';
import type { DatabaseOptions, SqlClient, SqlDatabase, SqlResult } from './sqlDatabase.ts';

const RELISTEN_DELAY_MS = 2_000;

function clientOf(connection: pg.ClientBase | pg.Pool): SqlClient {
  return {
    async query<Row>(sql: string, params?: unknown[]): Promise<SqlResult<Row>> {
      const result = await connection.query(sql, params);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(script) {
      await connection.query(script);
    },
  };
}

/** A PostgreSQL server's database, on a small `pg` pool. */
export function openPostgresDatabase(url: string, options: DatabaseOptions): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 2 });
  pool.on('error', (error) =>
    options.logger?.warn({ err: error }, 'idle database connection failed'),
  );
  const pooled = clientOf(pool);
  return {
    ...pooled,
    async transaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(clientOf(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    listen: async (channel, onNotify) => listenOn(url, channel, onNotify, options),
    async close() {
      await pool.end();
    },
  };
}

/**
 * LISTENs on a connection of its own, reconnecting when it drops. A (re)start calls
 * `onNotify` once: notifications sent while not listening are lost.
 */
function listenOn(
  url: string,
  channel: string,
  onNotify: () => void,
  { logger }: DatabaseOptions,
): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  async function open(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', () => onNotify());
    next.on('error', (error) => {
      logger?.warn({ err: error, channel }, 'database listener lost its connection');
      void next.end().catch(() => {});
    });
    next.on('end', () => {
      if (client === next) client = undefined;
      scheduleRetry();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      onNotify();
    } catch (error) {
      logger?.warn({ err: error, channel }, 'cannot listen on the database yet');
      await next.end().catch(() => {});
      scheduleRetry();
    }
  }
  function scheduleRetry(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void open();
    }, RELISTEN_DELAY_MS);
  }
  void open();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
