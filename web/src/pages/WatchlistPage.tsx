import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { formatDate } from '../format.ts';
import {
  MarkWatchedDocument,
  MyWatchlistDocument,
  RemoveFromWatchlistDocument,
} from '../gql/graphql.ts';
import { MovieCard } from './MoviesPage.tsx';

export function WatchlistPage() {
  const { data, loading, error, fetchMore } = useQuery(MyWatchlistDocument, {
    variables: { first: 20 },
    notifyOnNetworkStatusChange: true,
  });
  const [remove, removing] = useMutation(RemoveFromWatchlistDocument, {
    refetchQueries: ['MyWatchlist'],
  });
  const [markWatched, marking] = useMutation(MarkWatchedDocument);
  const watchlist = data?.me?.watchlist;

  return (
    <section className="page">
      <h1>My watchlist</h1>
      <ErrorNotice error={error ?? removing.error ?? marking.error} />
      {watchlist?.edges.length === 0 && (
        <p>
          Nothing here yet. <Link to="/">Browse the movies</Link> and add some.
        </p>
      )}
      <ul className="movie-grid">
        {watchlist?.edges.map(({ node }) => (
          <li key={node.movie.id} className="watchlist-item">
            <MovieCard movie={node.movie} />
            <p className="muted">
              Added {formatDate(node.addedAt)}
              {node.watchedAt ? ` · watched ${formatDate(node.watchedAt)}` : ''}
            </p>
            {node.note && <p>{node.note}</p>}
            <div className="actions">
              <button
                type="button"
                aria-pressed={node.watchedAt != null}
                onClick={() =>
                  void markWatched({
                    variables: { movieId: node.movie.id, watched: node.watchedAt == null },
                  }).catch(() => undefined)
                }
              >
                {node.watchedAt ? 'Watched ✓' : 'Mark watched'}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void remove({ variables: { movieId: node.movie.id } }).catch(() => undefined)
                }
              >
                Remove<span className="visually-hidden"> {node.movie.title}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {watchlist && (
        <LoadMore pageInfo={watchlist.pageInfo} loading={loading} fetchMore={fetchMore} />
      )}
    </section>
  );
}
