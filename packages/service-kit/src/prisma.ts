import { prismaAdapterFor } from '@cinegraph/database';
import type { Registry } from 'prom-client';
import { Counter } from 'prom-client';

interface PrismaClientLike {
  $disconnect(): Promise<void>;
}

interface QueryEvents {
  $on(event: 'query', listener: () => void): void;
}

type QueryLog = { emit: 'event'; level: 'query' }[];

type Adapter = ReturnType<typeof prismaAdapterFor>['adapter'];
type PrismaClientClass<Client> = new (options: { adapter: Adapter; log?: QueryLog }) => Client;

/**
 * A subgraph's Prisma client on a driver adapter (no native query engine): `pg` for a
 * PostgreSQL URL, PGlite for a `pglite:` one (see @cinegraph/database).
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
  const { adapter, release } = prismaAdapterFor(connectionString, poolSize);
  const client = registry
    ? new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] })
    : new PrismaClient({ adapter });
  // A PGlite database is shared by its users in the process: closed with the last one.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    await release();
  };
  if (!registry) return client;
  const statements = new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to this service’s own database (transaction control included).',
    registers: [registry],
  });
  (client as unknown as QueryEvents).$on('query', () => statements.inc());
  return client;
}
