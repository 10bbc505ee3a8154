import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface SubgraphDefinition {
  name: string;
  defaultPort: number;
  /** The process entry, relative to the repository root. */
  entry: string;
  /** prisma/<name>/migrations */
  migrationsDir: string;
}

const subgraph = (name: string, defaultPort: number): SubgraphDefinition => ({
  name,
  defaultPort,
  entry: `subgraphs/${name}/src/index.ts`,
  migrationsDir: path.join(repoRoot, 'prisma', name, 'migrations'),
});

/** Every subgraph, users first (see startWaves for the order they start in). */
export const subgraphs: readonly SubgraphDefinition[] = [
  subgraph('users', 4001),
  subgraph('movies', 4002),
  subgraph('reviews', 4003),
  subgraph('watchlists', 4004),
  subgraph('bookings', 4005),
  subgraph('payments', 4006),
  subgraph('notifications', 4007),
  subgraph('recommendations', 4008),
];

export const gateway = { name: 'gateway', defaultPort: 4000, entry: 'gateway/src/cli.ts' } as const;

/**
 * Start order. users serves the JWKS every other process verifies tokens with, and
 * reviews, watchlists and recommendations read the catalog from movies as they start; the
 * rest have no start-up calls. Processes of one wave start side by side. The gateway comes after all.
 */
export const startWaves: readonly (readonly SubgraphDefinition[])[] = [
  subgraphs.filter((s) => s.name === 'users' || s.name === 'movies'),
  subgraphs.filter((s) => s.name !== 'users' && s.name !== 'movies'),
];
