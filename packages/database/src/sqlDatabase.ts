import type { Logger } from 'pino';

export interface SqlResult<Row> {
  rows: Row[];
  /** Rows the statement returned or changed. */
  rowCount: number;
}

/** One connection's worth of SQL: a statement with `$1`-style parameters, or a script. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlResult<Row>>;
  /** Runs a script of several statements without parameters (a migration). */
  exec(script: string): Promise<void>;
}

/**
 * A service's own database, for the SQL that is not Prisma's: migrations and the outbox
 * relay. `DATABASE_URL` picks the implementation (see openDatabase).
 */
export interface SqlDatabase extends SqlClient {
  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (after the notifying transaction
   * commits), and once whenever listening (re)starts, for what was missed meanwhile.
   */
  listen(channel: string, onNotify: () => void): Promise<{ close(): Promise<void> }>;
  close(): Promise<void>;
}

/** How a service opens its database (see openDatabase). */
export interface DatabaseOptions {
  /** Connections to keep (PostgreSQL only: PGlite is one session). Default 2. */
  poolSize?: number;
  logger?: Logger;
}
