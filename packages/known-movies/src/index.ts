export { fetchCatalog, startKnownMoviesBackfill } from './backfillKnownMovies.ts';
export type { KnownMoviesBackfill } from './backfillKnownMovies.ts';
export { knownMovieHandlers } from './knownMovieHandlers.ts';
export { saveKnownMovies } from './saveKnownMovies.ts';
export type { KnownMovie } from './saveKnownMovies.ts';
