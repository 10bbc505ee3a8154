import { assertUuid, requireViewer } from '@cinegraph/service-kit';
import type { MutationResolvers } from '../schema.generated.ts';
import { addToWatchlist, markWatched, removeFromWatchlist } from '../watchlist/watchlistItems.ts';

export const Mutation: MutationResolvers = {
  addToWatchlist: (_, { movieId, note }, { viewer, db }) =>
    addToWatchlist(db, requireViewer(viewer), assertUuid(movieId, 'movieId'), note),

  async removeFromWatchlist(_, { movieId }, { viewer, db }) {
    const id = assertUuid(movieId, 'movieId');
    const removed = await removeFromWatchlist(db, requireViewer(viewer), id);
    return { movie: { id }, removed };
  },

  markWatched: (_, { movieId, watched }, { viewer, db }) =>
    markWatched(db, requireViewer(viewer), assertUuid(movieId, 'movieId'), watched ?? true),
};
