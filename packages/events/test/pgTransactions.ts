import type pg from 'pg';
import type { SqlExecutor } from '../src/index.ts';

/** A transaction on a plain pg client, with the `$executeRaw` tag that emit() and consumers use. */
export interface PgTransaction extends SqlExecutor {
  query: pg.PoolClient['query'];
}

function toText(strings: TemplateStringsArray): string {
  return strings.reduce((text, part, index) => `${text}${index ? `$${index}` : ''}${part}`, '');
}

/** Runs `fn` in BEGIN/COMMIT on a pooled connection; rolls back when it throws. */
export function pgTransactions(pool: pg.Pool) {
  return async <T>(fn: (tx: PgTransaction) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        async $executeRaw(strings, ...values) {
          return (await client.query(toText(strings), values)).rowCount ?? 0;
        },
        query: client.query.bind(client) as pg.PoolClient['query'],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
}
