import { requireOwner } from '../context.ts';
import { listWatchlist } from '../watchlist/listWatchlist.ts';
import type {
  MovieResolvers,
  UserResolvers,
  WatchlistConnectionResolvers,
  WatchlistItemResolvers,
} from '../schema.generated.ts';

export const WatchlistItem: WatchlistItemResolvers = {
  movie: (item) => ({ id: item.movieId }),
};

export const User: UserResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  // Not batched across parents: only the viewer's own list may be read, so a request
  // can reach one parent at most.
  watchlist(user, args, { viewer, db }) {
    requireOwner(viewer, user.id);
    return listWatchlist(db, user.id, args);
  },
  watchlistCount: (user, _, { loaders }) => loaders.countByUser.load(user.id),
};

export const Movie: MovieResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  inViewerWatchlist: (movie, _, { loaders }) => loaders.inViewerWatchlist.load(movie.id),
  watchlistCount: (movie, _, { loaders }) => loaders.countByMovie.load(movie.id),
};

export const WatchlistConnection: WatchlistConnectionResolvers = {
  totalCount: (connection) => connection.countTotal(),
};
