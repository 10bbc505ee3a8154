import DataLoader from 'dataloader';
import type { Viewer } from '@cinegraph/service-kit';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { Pick } from './picks/pickConnection.ts';
import type { PicksCaches } from './picks/picksCaches.ts';
import { similarMovies } from './picks/similarMovies.ts';

export type { PickConnection } from './picks/pickConnection.ts';

/** An entity another subgraph owns, as this one knows it: the key the gateway sends. */
export interface EntityReference {
  id: string;
}

export interface RecommendationsContext {
  viewer: Viewer | null;
  db: PrismaClient;
  caches: PicksCaches;
  /** Similar lists of every movie a request asks about: one cache round trip for all. */
  similar: DataLoader<string, Pick[]>;
}

export function createContext(
  db: PrismaClient,
  caches: PicksCaches,
  viewer: Viewer | null,
): RecommendationsContext {
  return {
    viewer,
    db,
    caches,
    similar: new DataLoader(async (movieIds) => {
      const found = await caches.similar.loadMany(movieIds, (missing) =>
        similarMovies(db, missing),
      );
      return movieIds.map((id) => found.get(id) ?? []);
    }),
  };
}
