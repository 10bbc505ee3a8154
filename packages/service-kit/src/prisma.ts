import { PrismaPg } from '@prisma/adapter-pg';

interface PrismaClientLike {
  $disconnect(): Promise<void>;
}

type PrismaClientClass<Client> = new (options: { adapter: PrismaPg }) => Client;

/**
 * A subgraph's Prisma client on the `pg` driver adapter (no native query engine).
 * `poolSize` bounds the connections one process holds.
 */
export function createPrismaClient<Client extends PrismaClientLike>(
  PrismaClient: PrismaClientClass<Client>,
  connectionString: string,
  poolSize = 10,
): Client {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}
