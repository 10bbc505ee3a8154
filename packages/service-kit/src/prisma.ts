import { PrismaPg } from '@prisma/adapter-pg';
import type { Registry } from 'prom-client';
import { Counter } from 'prom-client';

interface PrismaClientLike {
  $disconnect(): Promise<void>;
}

interface QueryEvents {
  $on(event: 'query', listener: () => void): void;
}

type QueryLog = { emit: 'event'; level: 'query' }[];

type PrismaClientClass<Client> = new (options: { adapter: PrismaPg; log?: QueryLog }) => Client;

/**
 * A subgraph's Prisma client on the `pg` driver adapter (no native query engine).
 * `poolSize` bounds the connections one process holds. Given a registry, every SQL
 * statement the client sends is counted in `db_statements_total`: the figure behind the
 * "queries per request" bound that the batching tests and benchmarks check.
 */
export function createPrismaClient<Client extends PrismaClientLike>(
  PrismaClient: PrismaClientClass<Client>,
  connectionString: string,
  poolSize = 10,
  registry?: Registry,
): Client {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  if (!registry) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const statements = new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to this service’s own database (transaction control included).',
    registers: [registry],
  });
  (client as unknown as QueryEvents).$on('query', () => statements.inc());
  return client;
}
