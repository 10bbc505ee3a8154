import type { EventHandlers, SqlExecutor } from '@cinegraph/events';
import { saveKnownMovies } from './saveKnownMovies.ts';

/**
 * The consumer handlers that keep `known_movies` in step with the catalog. A rename
 * before its creation (redelivery order is not guaranteed) simply records the movie.
 */
export function knownMovieHandlers<Tx extends SqlExecutor>() {
  return {
    'movie.created': (tx, event) =>
      saveKnownMovies(tx, [{ id: event.data.movieId, title: event.data.title }]),
    'movie.updated': (tx, event) =>
      saveKnownMovies(tx, [{ id: event.data.movieId, title: event.data.title }]),
  } satisfies EventHandlers<Tx>;
}
