import { databaseUrlFor, ensureDatabase, migrate } from '@cinegraph/migrator';
import { createPrismaClient } from '@cinegraph/service-kit';
import type { SubgraphDefinition } from './subgraphs.ts';

export type Log = (message: string) => void;

/** `<prefix><subgraph>` on the PostgreSQL server, e.g. `movies` or `cg_test_x1_movies`. */
export function databaseUrlOf(postgresUrl: string, prefix: string, subgraph: string): string {
  return databaseUrlFor(postgresUrl, `${prefix}${subgraph}`);
}

interface Disconnectable {
  $disconnect(): Promise<void>;
}

/** Seeds through a short-lived Prisma client of the subgraph's own generated type. */
async function seedWith<Client extends Disconnectable>(
  PrismaClient: Parameters<typeof createPrismaClient<Client>>[0],
  databaseUrl: string,
  seed: (db: Client) => Promise<Record<string, number>>,
): Promise<Record<string, number>> {
  const db = createPrismaClient(PrismaClient, databaseUrl, 2);
  try {
    return await seed(db);
  } finally {
    await db.$disconnect();
  }
}

/** What each subgraph seeds, loaded lazily so that migrating alone needs no Prisma client. */
const seeders: Record<string, (databaseUrl: string) => Promise<Record<string, number>>> = {
  async users(databaseUrl) {
    const [{ PrismaClient }, { seedUsers }] = await Promise.all([
      import('@cinegraph/users/prisma'),
      import('@cinegraph/users/seed'),
    ]);
    return seedWith(PrismaClient, databaseUrl, seedUsers);
  },
  async movies(databaseUrl) {
    const [{ PrismaClient }, { seedMovies }] = await Promise.all([
      import('@cinegraph/movies/prisma'),
      import('@cinegraph/movies/seed'),
    ]);
    return seedWith(PrismaClient, databaseUrl, (db) => seedMovies(db));
  },
};

/** Creates the database if missing and applies pending migrations. Returns whether it was created. */
export async function migrateSubgraph(
  subgraph: SubgraphDefinition,
  databaseUrl: string,
  log: Log,
): Promise<boolean> {
  const created = await ensureDatabase(databaseUrl);
  if (created) log(`${subgraph.name}: created database`);
  await migrate({
    databaseUrl,
    migrationsDir: subgraph.migrationsDir,
    log: (m) => log(`${subgraph.name}: ${m}`),
  });
  return created;
}

export async function seedSubgraph(
  subgraph: SubgraphDefinition,
  databaseUrl: string,
  log: Log,
): Promise<void> {
  const seed = seeders[subgraph.name];
  if (!seed) return;
  const counts = await seed(databaseUrl);
  if (counts)
    log(
      `${subgraph.name}: seeded ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
}
